"""Missing translations: the report of pages that lack text in a language, and its count on the dashboard."""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.languages import field_label, translation_status
from editorial.forbidden import forbidden
from editorial.models import StaleTranslation


def pages_missing_translation():
    """(page, {language: missing fields}, {language: fields to review}) for every page with a gap or a stale
    translation, grouped by page type."""
    stale = {}
    for page_id, name, code in StaleTranslation.objects.values_list("page_id", "field_name", "language"):
        stale.setdefault(page_id, {}).setdefault(code, []).append(name)
    gaps = []
    for page in Page.objects.filter(depth__gte=2).specific().order_by("content_type", "path"):
        status = {code: fields for code, fields in translation_status(page).items() if fields}
        to_review = {
            code: [field_label(type(page), name) for name in names] for code, names in stale.get(page.pk, {}).items()
        }
        if status or to_review:
            gaps.append((page, status, to_review))
    return gaps


def writes_pages(user):
    """Staff who write or publish pages (not Sales, who only read leads)."""
    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])


class MissingTranslationsPanel(Component):
    """Dashboard: how many pages still lack text in one of the languages."""

    name = "missing_translations"
    template_name = "editorial/missing_translations_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        return {"count": len(pages_missing_translation()), "report_url": reverse("missing_translations_report")}


def missing_translations_report(request):
    """Pages that lack a translation, by page type, with what is missing and a link to edit them."""
    if not writes_pages(request.user):
        return forbidden(request)
    groups = {}
    for page, status, to_review in pages_missing_translation():
        groups.setdefault(page.specific_class.get_verbose_name(), []).append((page, status, to_review))
    return TemplateResponse(
        request,
        "editorial/missing_translations_report.html",
        {"groups": sorted(groups.items()), "header_title": _("Missing translations")},
    )
