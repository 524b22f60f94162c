"""gunicorn settings shared by `make run` and the Dockerfile, read from the environment."""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Request size limits at the door (gunicorn answers 400/414 itself); nginx caps
# the body (deploy/nginx-tls.conf) and Django the form data.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# Workers' heartbeat files in memory: a slow or full disk never gets a worker killed.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
# Recycle workers now and then so a slow leak never takes the site down. Each
# worker draws its own limit between max_requests and 1.5 × max_requests: with
# the load shared evenly, a jitter of 100 on 1000 had both workers restarting
# within a few requests of each other (p95 above 1 s under load), while half of
# max_requests spreads their restarts over hundreds of requests. 0 turns
# recycling off (then watch the workers' memory: README, "gunicorn").
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", str(max_requests // 2)))
# The application is imported once, in the master, before the workers fork: a
# recycled worker serves at once instead of spending a second of CPU importing
# Django and Wagtail beside its busy sibling. (Code changes then need a restart,
# not a HUP.) Nothing opens a connection at import time, so none is shared.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1").strip().lower() not in {"0", "false", "no", "off"}
# gunicorn ≥ 25 shares one control socket per user between instances: two
# instances (a test server beside `make run`) would break each other.
control_socket_disable = True
# Access log on stdout, one JSON object per line (values escaped, unlike
# access_log_format); errors on stderr.
accesslog = "-"
errorlog = "-"
logger_class = "oswego_site.gunicorn_logging.JsonAccessLogger"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
