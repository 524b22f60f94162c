import io

import segno
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import translation
from wagtail import hooks
from wagtail.models import Page

QR_FORMATS = {"png": "image/png", "svg": "image/svg+xml"}


def share_qr(request, page_id, language, kind):
    """A QR code of a live page's public URL in one language (PNG or SVG), as a download."""
    if language not in dict(settings.LANGUAGES) or kind not in QR_FORMATS:
        raise Http404
    page = get_object_or_404(Page, pk=page_id, live=True)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    with translation.override(language):
        url = request.build_absolute_uri(page.get_url(request))
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind=kind, scale=10 if kind == "png" else 8, border=2, dark="#0f2a44")
    response = HttpResponse(buffer.getvalue(), content_type=QR_FORMATS[kind])
    response["Content-Disposition"] = f'attachment; filename="oswego-{page.slug}-{language}.{kind}"'
    return response


@hooks.register("register_admin_urls")
def share_urls():
    return [path("share/<int:page_id>/<str:language>/qr.<str:kind>", share_qr, name="share_qr")]
