"""Operations endpoints: the health check, the 500 handler and local media."""

import posixpath
import sys

from django.conf import settings
from django.db import ProgrammingError, connection
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve as serve_static

from ops import jobs
from ops.database import DATABASE_ERRORS, database_unavailable
from ops.models import WorkerHeartbeat


def queue_lines():
    """With the database queue: seconds since a worker was last seen ("none" if never) and jobs waiting to run."""
    if not jobs.uses_database_queue():
        return []
    try:
        last_seen = WorkerHeartbeat.objects.aggregate(last=Max("seen_at"))["last"]
        depth = jobs.queue_depth()
    except ProgrammingError:  # migrations not applied yet: the database itself answers
        return []
    age = "none" if last_seen is None else str(max(0, int((timezone.now() - last_seen).total_seconds())))
    return [f"worker_heartbeat_age_seconds {age}", f"queue_depth {depth}"]


@require_safe
@never_cache
def healthz(request):
    """For load balancers and the container's HEALTHCHECK: 200 when the database answers, 503 otherwise.

    The lines after "ok" are plain numbers for monitoring (a stale heartbeat means no worker, so no e-mail and
    no scheduled publishing); they never change the status, which is the database's alone.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        lines = ["ok", *queue_lines()]
    except DATABASE_ERRORS:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain; charset=utf-8")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """The 500 handler; a lost database connection anywhere in the stack gets the 503 page instead."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable(request)
    return defaults.server_error(request, template_name)


@require_safe
def serve_media(request, path):
    """Uploads for local runs (SERVE_MEDIA). Documents only go out through Wagtail's serve view, as downloads."""
    if posixpath.normpath(path).lstrip("/").split("/")[0] == "documents":
        raise Http404("Documents are served by /documents/")
    return serve_static(request, path, document_root=settings.MEDIA_ROOT)
