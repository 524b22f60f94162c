#!/bin/sh
# The container's entry point: one sub-command per job, so that migrations run once per release
# (a one-off `migrate` container or job) rather than at every start of every web container.
#
#   entrypoint.sh serve [--check]   gunicorn with gunicorn.conf.py (--check: load the app and exit)
#   entrypoint.sh migrate           migrations, translation columns, search index
#   entrypoint.sh worker            background jobs and the scheduler (run one or more beside `serve`)
#   entrypoint.sh healthcheck       exit 0 when /healthz answers 200 (the image's HEALTHCHECK)
#   entrypoint.sh manage ARGS…      any manage.py command
#   entrypoint.sh COMMAND…          anything else, as is
set -eu

cd "$(dirname "$0")/.."

command="${1:-serve}"
[ "$#" -gt 0 ] && shift

case "$command" in
  serve)
    if [ "${1:-}" = "--check" ]; then
      exec gunicorn --config gunicorn.conf.py --check-config oswego_site.wsgi
    fi
    exec gunicorn --config gunicorn.conf.py oswego_site.wsgi "$@"
    ;;
  worker)
    # Jobs (e-mails, search documents, share images) and, in one worker among all, the
    # scheduler (scheduled publishing every minute, daily upkeep). SIGTERM stops it cleanly.
    exec python manage.py worker "$@"
    ;;
  migrate)
    # --noinput: wagtail_modeltranslation adds Page's translation columns outside
    # Django's migrations and would otherwise ask.
    python manage.py migrate --noinput
    python manage.py update_translation_fields
    python manage.py update_search_documents
    ;;
  healthcheck)
    # Asks the running server as a proxy would: with a host it serves and over "https"
    # (SECURE_PROXY_SSL_HEADER), so production's HTTPS redirect does not answer instead.
    exec python - <<'PY'
import os
import sys
import urllib.error
import urllib.request

hosts = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
host = next((h.lstrip(".") for h in hosts if h != "*"), "localhost")
request = urllib.request.Request(
    f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/healthz",
    headers={"Host": host, "X-Forwarded-Proto": "https"},
)
try:
    with urllib.request.urlopen(request, timeout=4) as response:  # noqa: S310
        sys.exit(0 if response.status == 200 else 1)
except (urllib.error.URLError, OSError) as error:
    print(f"unhealthy: {error}", file=sys.stderr)
    sys.exit(1)
PY
    ;;
  manage)
    exec python manage.py "$@"
    ;;
  *)
    exec "$command" "$@"
    ;;
esac
