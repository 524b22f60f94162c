# syntax=docker/dockerfile:1
# OswegO's site: gunicorn + whitenoise, settings from the environment (oswego_site.settings.production).
#
#   docker build -t oswego-site .
#   docker run --env-file .env oswego-site migrate     # once per release
#   docker run --env-file .env -p 8000:8000 oswego-site  # serve (the default command)
#
# compose.yaml runs it with PostgreSQL and Redis.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# --- build: the locked dependencies in a virtual environment, static files collected ---------
FROM ${PYTHON_IMAGE} AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PATH=/venv/bin:$PATH

RUN python -m venv /venv

WORKDIR /app
# The same pins as `make run`; copied first so code changes reuse this layer.
COPY requirements/base.txt requirements/base.txt
RUN pip install --no-cache-dir -r requirements/base.txt

COPY . .
# Hashed, gzip- and Brotli-compressed files for whitenoise. The settings refuse to load without a
# secret key and allowed hosts: throwaway values, for this command only, never kept in the image.
RUN SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
    ALLOWED_HOSTS=build.invalid \
    DJANGO_SETTINGS_MODULE=oswego_site.settings.production \
    STATIC_ROOT=/app/static-collected \
    VAR_DIR=/tmp/var \
    python manage.py collectstatic --noinput --verbosity 0 \
    && rm -rf /tmp/var

# --- runtime: no compilers, no build files, a user without privileges ----------------------
FROM ${PYTHON_IMAGE} AS runtime

ENV PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=oswego_site.settings.production \
    HOST=0.0.0.0 \
    PORT=8000 \
    VAR_DIR=/var/lib/oswego \
    MEDIA_ROOT=/var/lib/oswego/media \
    STATIC_ROOT=/app/static-collected

RUN groupadd --system --gid 10001 oswego \
    && useradd --system --uid 10001 --gid oswego --home-dir /app --no-create-home --shell /usr/sbin/nologin oswego \
    && mkdir -p /var/lib/oswego/media \
    && chown -R oswego:oswego /var/lib/oswego

WORKDIR /app
COPY --from=build /venv /venv
COPY --from=build /app /app

# By id, so the host and Kubernetes (runAsNonRoot) can check it is not root.
USER 10001:10001
EXPOSE 8000
VOLUME ["/var/lib/oswego/media"]

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["/app/docker/entrypoint.sh", "healthcheck"]

ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["serve"]
