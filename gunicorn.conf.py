"""gunicorn settings shared by `make run` and the Dockerfile, read from the environment."""

import gc
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
# Workers are not recycled by count: at the rates a cached page reaches, a count
# of 1000 came round every second or so, both workers were often replacing
# themselves at once and the cached home page's p99 went above a second
# (bench/README.md, the sustained run). A slow leak is caught by memory instead:
# a worker whose resident memory passes GUNICORN_MAX_WORKER_MEMORY_MB finishes
# the request in hand, exits, and the master starts a fresh one; workers leak
# at their own pace, so they do not go together. GUNICORN_MAX_REQUESTS (> 0)
# brings recycling by count back, each worker drawing its limit between
# max_requests and 1.5 × max_requests.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", str(max_requests // 2)))
max_worker_memory_mb = int(os.environ.get("GUNICORN_MAX_WORKER_MEMORY_MB", "512"))
# Resident memory is read from /proc every few requests only (a read costs ~10 µs).
MEMORY_CHECK_EVERY = 20
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def resident_memory_mb():
    """This process's resident memory in MB (Linux's /proc; 0 where there is none)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * PAGE_SIZE / 1_048_576
    except (OSError, ValueError, IndexError):
        return 0


# Python's cyclic garbage collector walks every object it tracks on each full collection: with Django, Wagtail
# and their modules loaded, 200,000 of them, a pause of tens of milliseconds every hundred or so uncached pages
# (about a tenth of their CPU, bench/README.md). Nearly all of them live as long as the process, so they are
# moved out of its sight (gc.freeze, Python ≥ 3.7): in the master before each fork (with preload_app, the whole
# application; the workers then also keep sharing those pages of memory with it instead of copying them when the
# collector writes to them), and once more in each worker after its first requests have loaded the templates,
# URL patterns and prepared queries. Objects made later are collected as usual.
GC_FREEZE_AFTER_REQUESTS = 50


def pre_fork(server, worker):
    """What the master holds (the application, with preload_app) is left out of the workers' full collections."""
    gc.freeze()


def freeze_warm_objects(worker):
    """After its first requests, a worker leaves what they loaded for good out of its full collections."""
    if worker.nr == GC_FREEZE_AFTER_REQUESTS:
        gc.collect()
        gc.freeze()


def post_request(worker, req, environ, resp):
    """The memory guard: past the limit, this worker leaves once the request is answered."""
    freeze_warm_objects(worker)
    if not max_worker_memory_mb or worker.nr % MEMORY_CHECK_EVERY:
        return
    used = resident_memory_mb()
    if used > max_worker_memory_mb:
        worker.log.warning(
            "Worker %s uses %.0f MB (limit %s MB): replaced after this request", worker.pid, used, max_worker_memory_mb
        )
        worker.alive = False


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
