import io

import segno
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from core.translation_state import pages_missing_translation

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


# --- Translation report -----------------------------------------------------


class MissingTranslationsPanel(Component):
    """Dashboard: how many pages still lack text in one of the languages."""

    name = "missing_translations"
    template_name = "core/admin/missing_translations_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        return {"count": len(pages_missing_translation()), "report_url": reverse("missing_translations_report")}


@hooks.register("construct_homepage_panels")
def add_missing_translations_panel(request, panels):
    panels.append(MissingTranslationsPanel())


def missing_translations_report(request):
    """Pages that lack a translation, by page type, with what is missing and a link to edit them."""
    groups = {}
    for page, status in pages_missing_translation():
        groups.setdefault(page.specific_class.get_verbose_name(), []).append((page, status))
    return TemplateResponse(
        request,
        "core/admin/missing_translations_report.html",
        {"groups": sorted(groups.items()), "header_title": _("Missing translations")},
    )


@hooks.register("register_admin_urls")
def translation_report_urls():
    return [path("reports/missing-translations/", missing_translations_report, name="missing_translations_report")]


@hooks.register("register_reports_menu_item")
def register_missing_translations_menu_item():
    return MenuItem(_("Missing translations"), reverse("missing_translations_report"), icon_name="globe", order=50)
