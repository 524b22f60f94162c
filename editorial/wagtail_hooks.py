"""The editorial tools' place in Wagtail's admin: QR downloads, the missing-translations report and its dashboard
count."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from editorial.forbidden import forbidden
from editorial.reports import MissingTranslationsPanel, missing_translations_report, writes_pages
from editorial.roles import can_delete_page
from editorial.share import share_qr


@hooks.register("register_admin_urls")
def editorial_urls():
    return [
        path("share/<int:page_id>/<str:language>/qr.<str:kind>", share_qr, name="share_qr"),
        path("reports/missing-translations/", missing_translations_report, name="missing_translations_report"),
    ]


@hooks.register("construct_homepage_panels")
def add_missing_translations_panel(request, panels):
    if writes_pages(request.user):
        panels.append(MissingTranslationsPanel())


@hooks.register("register_reports_menu_item")
def register_missing_translations_menu_item():
    return PageWritersMenuItem(
        _("Missing translations"), reverse("missing_translations_report"), icon_name="globe", order=50
    )


class PageWritersMenuItem(MenuItem):
    def is_shown(self, request):
        return writes_pages(request.user)


@hooks.register("insert_editor_js")
def translation_panel_js():
    """The Translation panel, live as the editor types (editorial/static/editorial/translation_panel.js)."""
    return format_html('<script src="{}" defer></script>', static("editorial/translation_panel.js"))


@hooks.register("before_delete_page")
def refuse_deleting_other_peoples_pages(request, page):
    """Editors delete their own drafts; only moderators delete other people's pages (editorial/roles.py)."""
    if not can_delete_page(request.user, page):
        return forbidden(request)


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_other_peoples_pages(request, action_type, objects, action_class_instance):
    if action_type == "delete" and any(
        isinstance(item, Page) and not can_delete_page(request.user, item) for item in objects
    ):
        return forbidden(request)
