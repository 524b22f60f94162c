"""Operations endpoints: the health check, the 500 handler and local media."""

import posixpath
import sys

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpResponse
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve as serve_static

from ops.database import DATABASE_ERRORS, database_unavailable


@require_safe
@never_cache
def healthz(request):
    """For load balancers and the container's HEALTHCHECK: 200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DATABASE_ERRORS:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain; charset=utf-8")
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


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
