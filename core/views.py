import posixpath
import sys

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.views import defaults
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve as serve_static
from wagtail.models import Page

from core import share_images
from core.middleware import DATABASE_ERRORS, database_unavailable


@require_safe
@cache_control(public=True, max_age=31_536_000, immutable=True)
def share_image(request, page_id, language, version):
    """The generated preview image of a live page, drawn on first request and kept."""
    if language not in dict(settings.LANGUAGES):
        raise Http404("Unknown language")
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if page is None or not hasattr(page, "get_share_figure"):
        raise Http404("No such page")
    current = share_images.version_of(page)
    if version != current:
        # An older revision's URL (kept by a chat app) leads to today's image.
        return HttpResponsePermanentRedirect(
            reverse("share_image", kwargs={"page_id": page.pk, "language": language, "version": current})
        )
    name = share_images.ensure(page, language)
    return FileResponse(default_storage.open(name, "rb"), content_type="image/png")


@require_safe
def robots_txt(request):
    """Crawlers get every public page, never the admin or private paths, and the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        # Search results are private (noindex, never cached publicly).
        "Disallow: /fr/recherche/",
        "Disallow: /en/search/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


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
