"""Machine-facing pages for crawlers and link previews: robots.txt and the generated share images."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Page

from core import languages
from seo import share_images


@require_safe
@cache_control(public=True, max_age=31_536_000, immutable=True)
def share_image(request, page_id, language, version):
    """The generated preview image of a live page, drawn on first request and kept."""
    if not languages.is_known(language):
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


def _search_path(code):
    with translation.override(code):
        return reverse("search")


@require_safe
def robots_txt(request):
    """Crawlers get every public page, never the admin or private paths, and the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        # Search results are private (noindex, never cached publicly).
        *(f"Disallow: {_search_path(code)}" for code in languages.CODES),
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
