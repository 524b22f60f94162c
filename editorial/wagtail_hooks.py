"""The editorial tools' place in Wagtail's admin: QR downloads, the missing-translations report and its dashboard
count."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial.reports import MissingTranslationsPanel, missing_translations_report
from editorial.share import share_qr


@hooks.register("register_admin_urls")
def editorial_urls():
    return [
        path("share/<int:page_id>/<str:language>/qr.<str:kind>", share_qr, name="share_qr"),
        path("reports/missing-translations/", missing_translations_report, name="missing_translations_report"),
    ]


@hooks.register("construct_homepage_panels")
def add_missing_translations_panel(request, panels):
    panels.append(MissingTranslationsPanel())


@hooks.register("register_reports_menu_item")
def register_missing_translations_menu_item():
    return MenuItem(_("Missing translations"), reverse("missing_translations_report"), icon_name="globe", order=50)


@hooks.register("insert_editor_js")
def translation_panel_js():
    """The Translation panel, live as the editor types (editorial/static/editorial/translation_panel.js)."""
    return format_html('<script src="{}" defer></script>', static("editorial/translation_panel.js"))
