"""Settings shared by every environment, read from the environment.

Secure defaults: DEBUG is off, no host is allowed and no secret is set unless the
environment (or a thin per-environment module) says so.
"""

import os
from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Everything the running site writes locally (SQLite file, media, collected
# static files, the local secret key) lives under var/, which git ignores.
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    value = value.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}.")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}.") from exc


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# wagtail_modeltranslation must come first: its makemigrations/migrate apps
# override Django's commands so that Page's translation columns are managed
# outside wagtailcore's migrations (otherwise makemigrations writes into
# site-packages).
INSTALLED_APPS = [
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    # The project's rooms, top down: each imports only the rooms below it
    # (docs/architecture.md; `make lint` checks it with import-linter).
    # The demo content and its loader sit on top: nothing imports them.
    "demo",
    "contact",
    "audience",
    "links",
    "services",
    "articles",
    "people",
    "offices",
    "search",
    "editorial",
    "seo",
    # "caching" comes after wagtail.snippets (below).
    "ops",
    "core",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    # The caching room, after wagtail.snippets: its receivers are connected to
    # the snippet models, which Wagtail registers when snippets is ready.
    "caching",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Counts failed admin logins and locks the username out from that address.
    "axes",
    # Second factor for staff: TOTP apps and recovery codes (editorial/two_factor.py).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Background jobs (TASKS below): the queue's table and its `db_worker`.
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # First: every response, error pages and static files included, gets the
    # security headers (CSP, Permissions-Policy, CORP…).
    "ops.security.SecurityHeadersMiddleware",
    # A lost database connection becomes a 503 page in the visitor's language.
    "ops.database.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the page cache, so that pages it answers are counted too (no cookie, no query: audience/counting.py).
    "audience.counting.AudienceMiddleware",
    # Before the page cache: /l/<code> (tracked links) is answered here, and a ?via= that names no enabled link
    # is dropped from the query, so forged codes never make page-cache entries (links/middleware.py).
    "links.middleware.TrackedLinksMiddleware",
    # Before sessions: a cached page for an anonymous visitor is answered here.
    "caching.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: the language comes from the URL prefix.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The admin's forms; Wagtail's public pages are checked without a cookie (ops/cross_site.py, urls.py).
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # request.user.is_verified(), then the admin asks for the second factor (editorial/two_factor.py).
    "django_otp.middleware.OTPMiddleware",
    "editorial.two_factor.TwoFactorMiddleware",
    # Wagtail's "permission denied" redirect to the dashboard becomes a 403 (editorial/forbidden.py).
    "editorial.forbidden.RefusalsAre403Middleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "oswego_site.urls"
WSGI_APPLICATION = "oswego_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]


def postgresql_options():
    """psycopg's options: the statements every page repeats are parsed and planned once per connection, not on
    each request — psycopg prepares a statement it has run `prepare_threshold` times (Django leaves that off).
    Parsing and planning wide bilingual page rows was half of PostgreSQL's CPU on an uncached page (bench/README.md,
    issue 20's sixth pass). Off (DATABASE_PREPARED_STATEMENTS=0) behind a pooler in transaction mode, which cannot
    keep a statement from one transaction to the next."""
    if not env_bool("DATABASE_PREPARED_STATEMENTS", True):
        return {}
    return {"server_side_binding": True, "prepare_threshold": 2}


# SQLite in var/ when DATABASE_URL is unset: zero set-up for `make run`.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "").strip() or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # gunicorn's workers and the job worker share the file: with a write-ahead log readers never block the writer,
    # and a writer waits for another rather than failing with "database is locked". Transactions take the write
    # lock when they begin (IMMEDIATE): a read transaction that later writes cannot wait for the lock (SQLite
    # fails it at once to avoid a deadlock), which the scheduler's first run beside gunicorn hit.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=wal;", "transaction_mode": "IMMEDIATE"}
    )
elif DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(postgresql_options())
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "ops.security.LoginAttemptsBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five failed logins for one username from one address lock that pair out for
# AXES_COOLOFF_MINUTES (nginx also rate-limits the login URL per address).
# Unknown usernames count too, so the lock-out says nothing about which exist.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "ops.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "ops.security.client_ip"

# Superusers and Moderators must give a second factor after their password (editorial/two_factor.py); everybody may
# enrol. On unless turned off: dev and test settings turn it off, production keeps it.
STAFF_TWO_FACTOR_REQUIRED = env_bool("STAFF_TWO_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = "OswegO"
# A wrong code doubles the wait before the next attempt (django-otp's throttling), on top of django-axes.
OTP_TOTP_THROTTLE_FACTOR = 1

# load_demo_content may create local accounts with generated passwords (never
# under production settings, which turn this off).
LOCAL_ACCOUNTS = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------
# French first: it is the default language, the fallback for untranslated
# fields and the value of the untranslated base columns.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Paris")

MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fr",)
# Field-level translation replaces Wagtail's page-tree-per-locale i18n; with it
# on, every generated URL would point at /fr/.
WAGTAIL_I18N_ENABLED = False
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = True
# The "View / edit fields for" toggle opens on the languages the editor showed last (kept by the browser).
WAGTAILMODELTRANSLATION_LOCALE_PICKER_RESTORE = True
# Slugs are ASCII in both languages: the admin's slug field transliterates as the editor types (« é » → « e »),
# and BasePageForm does the same on the server, however the value arrived.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# --- Static and media files ----------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names + gzip/Brotli copies, served by whitenoise with far-future
    # immutable cache headers.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# gunicorn has no media server: let Django serve uploads when nothing else
# does (local runs). Production puts nginx or object storage in front.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)


def s3_media_storage():
    """Media on any S3-compatible service (ops/storage.py): what every instance behind a load balancer shares."""
    bucket = os.environ.get("S3_BUCKET", "").strip()
    if not bucket:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs S3_BUCKET (and S3_ENDPOINT_URL outside AWS).")
    options = {
        "bucket_name": bucket,
        # Outside AWS: https://<account>.r2.cloudflarestorage.com, https://s3.fr-par.scw.cloud, MinIO's URL…
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL", "").strip() or None,
        "region_name": os.environ.get("S3_REGION", "").strip() or None,
        # Read by boto3 from the environment (or an instance role) when unset here.
        "access_key": os.environ.get("AWS_ACCESS_KEY_ID", "").strip() or None,
        "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY", "").strip() or None,
        # The CDN or public bucket host that serves images, e.g. media.oswego.example.
        "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN", "").strip() or None,
        "location": os.environ.get("S3_PREFIX", "").strip().strip("/"),
        # The bucket policy decides who reads what; no per-object ACL (R2 has none).
        "default_acl": None,
        "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
    }
    return {"BACKEND": "ops.storage.MediaStorage", "OPTIONS": options}


def media_origin(options):
    """Where browsers fetch media from, for the Content-Security-Policy's img-src (ops/security.py)."""
    if options["custom_domain"]:
        return f"https://{options['custom_domain']}"
    if options["endpoint_url"]:
        scheme, _, rest = options["endpoint_url"].partition("://")
        return f"{scheme}://{rest.split('/')[0]}"
    region = f".{options['region_name']}" if options["region_name"] else ""
    return f"https://{options['bucket_name']}.s3{region}.amazonaws.com"


MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "local").strip() or "local"
MEDIA_ORIGIN = ""
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = s3_media_storage()
    MEDIA_ORIGIN = media_origin(STORAGES["default"]["OPTIONS"])
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'local' or 's3', not {MEDIA_STORAGE!r}.")

# --- Caches ---------------------------------------------------------------
# Redis when REDIS_URL is set: shared by every gunicorn instance on every
# machine (page cache, rate limits). Otherwise files under var/, shared by the
# workers of this machine: a cache in one worker's memory would keep serving a
# page that another worker has just seen republished, and count rate limits
# per worker.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, keeping one client per pool (caching/redis.py).
            "BACKEND": "caching.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "oswego"),
            # A Redis outage must cost speed, not hang the workers.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Whole pages for anonymous visitors (caching/cache.py). Browsers keep a page
# MAX_AGE seconds; shared caches (CDN, nginx) S_MAXAGE, purged on publish.
PAGE_CACHE = {
    "ENABLED": env_bool("PAGE_CACHE", True),
    # For requests that still reach Wagtail: the header and footer
    # ({% pagefragment %}), kept until what every page shows changes.
    "FRAGMENTS": env_bool("FRAGMENT_CACHE", True),
    "TIMEOUT": env_int("PAGE_CACHE_TIMEOUT", 3600),
    "MAX_AGE": env_int("PAGE_CACHE_MAX_AGE", 60),
    "S_MAXAGE": env_int("PAGE_CACHE_S_MAXAGE", 600),
    "STALE_WHILE_REVALIDATE": env_int("PAGE_CACHE_STALE_WHILE_REVALIDATE", 60),
    # Each process keeps its last entries (at most LOCAL_ENTRIES, LOCAL_BYTES of bodies) and trusts the versions
    # it read for LOCAL_MS: a hit within that time costs no Redis round trip, and a publish through another
    # instance is seen here within LOCAL_MS. 0 turns the layer off.
    "LOCAL_ENTRIES": env_int("PAGE_CACHE_LOCAL_ENTRIES", 256),
    "LOCAL_BYTES": env_int("PAGE_CACHE_LOCAL_BYTES", 16 * 1024 * 1024),
    "LOCAL_MS": env_int("PAGE_CACHE_LOCAL_MS", 1000),
}

# First-party audience counts (audience/): a view per public page request, by day, page, language and referrer
# class, in Redis (or the cache), folded into the database every FOLD_MINUTES. One address adds at most
# FLOOD_LIMIT views of one page a minute. Behind deploy/'s nginx, nginx mirrors page requests to /_audience/hit/
# with MIRROR_TOKEN and COUNT_IN_APP is turned off, so that its cache hits count and nothing counts twice.
AUDIENCE = {
    "COUNT_IN_APP": env_bool("AUDIENCE_COUNT_IN_APP", True),
    "FLOOD_LIMIT": env_int("AUDIENCE_FLOOD_LIMIT", 10),
    "FOLD_MINUTES": env_int("AUDIENCE_FOLD_MINUTES", 5),
    # Each process sends its views to Redis at most this often, in one round trip (0: one round trip per view).
    "BUFFER_SECONDS": env_int("AUDIENCE_BUFFER_SECONDS", 1),
    "MIRROR_TOKEN": os.environ.get("AUDIENCE_MIRROR_TOKEN", "").strip(),
    "REDIS": bool(REDIS_URL),
    "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "oswego") + ":audience:",
}

# Publishing purges the reverse proxy or CDN in front (deploy/nginx.conf) when
# FRONTEND_CACHE_PURGE_URL says where it listens (e.g. http://127.0.0.1:8080).
if os.environ.get("FRONTEND_CACHE_PURGE_URL", "").strip():
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "caching.cache.HTTPPurgeBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"].strip(),
            "HOSTNAMES": env_list("FRONTEND_CACHE_HOSTNAMES") or ["*"],
            "TIMEOUT": env_int("FRONTEND_CACHE_TIMEOUT", 3),
        }
    }

# --- Wagtail --------------------------------------------------------------
WAGTAIL_SITE_NAME = "OswegO"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Draftail, cleaning stored HTML on its way into the editor (editorial/rich_text.py; core/sanitise.py cleans on save).
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "editorial.rich_text.SafeDraftailRichTextArea"}}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt"]
# Uploads: raster images only (no SVG, which can carry script), capped in bytes
# and in pixels so a small "decompression bomb" cannot exhaust a worker's memory.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 20_000_000)
# Decodes each upload once, so a corrupt or truncated image is refused with a message.
WAGTAILIMAGES_IMAGE_FORM_BASE = "editorial.uploads.ImageForm"
# Documents go out through Wagtail's view (permissions, privacy), always as a
# download: no uploaded file is ever rendered by the browser on our origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Wagtail's automatic redirects only know the editor's admin language: seo/redirects.py
# creates them for every language instead.
WAGTAILREDIRECTS_AUTO_CREATE = False

# --- Background jobs --------------------------------------------------------
# django-tasks (which Wagtail already uses) with its database backend: the queue
# is a table in the PostgreSQL the site already has, so a job survives restarts
# and is committed with the row that asked for it. `manage.py worker` runs them
# (ops/management/commands/worker.py). "immediate" runs each job inside the
# request, as if there were no queue (the tests' default).
TASKS_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}


def tasks_settings(name):
    if name not in TASKS_BACKENDS:
        raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(TASKS_BACKENDS)}, not {name!r}.")
    return {"default": {"BACKEND": TASKS_BACKENDS[name], "QUEUES": ["default"]}}


TASKS = tasks_settings(os.environ.get("TASKS_BACKEND", "database").strip() or "database")
# A failed job (a mail server down) is tried again after a growing pause
# (ops/jobs.py), this many times in all.
TASKS_MAX_ATTEMPTS = env_int("TASKS_MAX_ATTEMPTS", 5)
# Wagtail's scheduled publishing (go-live and expiry times) is checked this often,
# and the scheduler wakes this often (ops/scheduler.py).
SCHEDULED_PUBLISHING_SECONDS = env_int("SCHEDULED_PUBLISHING_SECONDS", 60)
SCHEDULER_TICK_SECONDS = env_int("SCHEDULER_TICK_SECONDS", 5)
# Finished jobs are kept this many days (for the admin's eyes), then pruned daily.
TASKS_KEEP_DAYS = env_int("TASKS_KEEP_DAYS", 7)

# --- E-mail ---------------------------------------------------------------
# EMAIL_BACKEND in the environment names the transport that really sends (SMTP);
# the site hands every message to the queue (ops/mail.py), so no request waits
# for a mail server and no timing tells which addresses have an account.
EMAIL_TRANSPORT = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_BACKEND = "ops.mail.QueuedEmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
# The development mailbox (one file per message) when EMAIL_BACKEND is the file backend; `forget` cleans it too.
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "OswegO <no-reply@oswego.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Contact form ------------------------------------------------------------
# Where leads are announced when neither the chosen person nor the site
# settings give an address.
DEFAULT_CONTACT_EMAIL = os.environ.get("DEFAULT_CONTACT_EMAIL", "")
# A lead's words (name, address, message) travel in its notification e-mail only when the connection to the mail
# server is encrypted; otherwise the e-mail carries a link to the lead in the admin (sign-in needed) and no more.
# Set it to 1 for a transport that encrypts by other means (an HTTPS mail API).
LEAD_EMAIL_CONTENT = env_bool("LEAD_EMAIL_CONTENT", EMAIL_USE_TLS or EMAIL_USE_SSL)
# Submissions accepted per client address (django-ratelimit syntax: 5 per 10 minutes).
CONTACT_RATE_LIMIT = os.environ.get("CONTACT_RATE_LIMIT", "5/10m")
# How long the signed link to a report (contact/downloads.py) opens the file after the form is sent, in seconds.
REPORT_LINK_MAX_AGE = env_int("REPORT_LINK_MAX_AGE", 24 * 3600)
# Searches per client address (each query costs the database; cached results too count),
# and how long the results of an identical search are reused (until the index changes).
SEARCH_RATE_LIMIT = os.environ.get("SEARCH_RATE_LIMIT", "30/m")
SEARCH_CACHE_SECONDS = env_int("SEARCH_CACHE_SECONDS", 60)
# Behind a reverse proxy every request comes from the proxy: name the header
# that carries the client's address (e.g. HTTP_X_REAL_IP) so each visitor has
# their own limit. django-ratelimit is used as a library, not an installed
# app: its system check refuses the local-memory cache, which counts per
# process (fine for one server; configure a shared cache for several).
RATELIMIT_IP_META_KEY = os.environ.get("RATELIMIT_IP_META_KEY") or None
# A cache outage lets prospects through rather than turning all of them away.
RATELIMIT_FAIL_OPEN = True

# --- Security defaults that hold everywhere --------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- Errors reach someone ------------------------------------------------------


def env_admins(name):
    """ADMINS=ops@oswego.example,Jane Doe <jane@oswego.example> → Django's [(name, address), …]."""
    admins = []
    for item in env_list(name):
        display, address = parseaddr(item)
        if "@" not in address:
            raise ImproperlyConfigured(f"{name}: {item!r} is not an e-mail address.")
        admins.append((display or address, address))
    return admins


# Who gets an e-mail for every server error (Django's own, DEBUG off) and every
# background job that failed for good (the ops.jobs logger below).
ADMINS = env_admins("ADMINS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s %(message)s"}},
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        # Sent through the queue like every e-mail (ops/mail.py); nobody when ADMINS is empty.
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # One line per background task is noise; failures still show.
        "django_tasks": {"level": "WARNING"},
        "ops.jobs": {"handlers": ["mail_admins"], "level": "INFO"},
    },
}

# Sentry, when SENTRY_DSN is set: unhandled errors and ERROR log records (a failed
# job included), without personal data (no cookies, user or address sent).
SENTRY_DSN = os.environ.get("SENTRY_DSN", "").strip()
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE") or None,
        send_default_pii=False,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0") or 0),
    )
