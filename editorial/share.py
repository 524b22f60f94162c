"""QR codes of a live (or scheduled) page's public URL in one language, for printed material and events (the share
panel's links)."""

import io

import segno
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from wagtail.models import Page

from core import languages

QR_FORMATS = {"png": "image/png", "svg": "image/svg+xml"}


def share_qr(request, page_id, language, kind):
    """A QR code of a live or scheduled page's public URL in one language (PNG or SVG), as a download."""
    if not languages.is_known(language) or kind not in QR_FORMATS:
        raise Http404
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if not page.live:
        # A page scheduled to go live: the address it will have, for printed material made ahead.
        scheduled = page.scheduled_revision
        if scheduled is None:
            raise Http404
        page = scheduled.as_object()
    url = request.build_absolute_uri(languages.page_url(page, language, request))
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind=kind, scale=10 if kind == "png" else 8, border=2, dark="#0f2a44")
    response = HttpResponse(buffer.getvalue(), content_type=QR_FORMATS[kind])
    response["Content-Disposition"] = f'attachment; filename="oswego-{page.slug}-{language}.{kind}"'
    return response
