"""The editorial tools' place in Wagtail's admin: QR downloads, the missing-translations report and its dashboard
count."""

import json

from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from core import languages
from editorial import compare, translations, two_factor  # noqa: F401  compare: revisions' block names
from editorial.forbidden import forbidden
from editorial.guide import editor_guide, editor_guide_image
from editorial.reports import MissingTranslationsPanel, missing_translations_report, writes_pages
from editorial.roles import can_delete_page
from editorial.share import share_qr


@hooks.register("register_admin_urls")
def editorial_urls():
    return [
        path("share/<int:page_id>/<str:language>/qr.<str:kind>", share_qr, name="share_qr"),
        path("reports/missing-translations/", missing_translations_report, name="missing_translations_report"),
        path("guide/", editor_guide, name="editor_guide"),
        path("guide/images/<str:name>", editor_guide_image, name="editor_guide_image"),
        path("two-factor/", two_factor.setup, name="two_factor_setup"),
        path("two-factor/verify/", two_factor.verify, name="two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_setup"),
        "label": _("Two-factor authentication"),
        "help_text": _("A code from your phone after your password; recovery codes if you lose it."),
    }


@hooks.register("construct_help_menu")
def open_the_firms_guide(request, menu_items):
    """The help menu's "Editor Guide" opens the firm's own guide, in the admin's language, not Wagtail's (nor its
    release notes, in English on wagtail.org)."""
    menu_items[:] = [
        item for item in menu_items if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail")
    ]
    menu_items.append(
        MenuItem(_("OswegO editor's guide"), reverse("editor_guide"), icon_name="help", name="editor-guide", order=1100)
    )


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


# Lengths that search results and link previews show in full.
RECOMMENDED_LENGTHS = {"title": 60, "seo_title": 60, "search_description": 155}


@hooks.register("insert_editor_js")
def editor_js():
    """The Translation panel, live as the editor types, the length counters, the link previews, and one draft
    revision per editing session (editorial/static/editorial/)."""
    strings = {
        # Translators: %(count)s and %(limit)s are numbers of characters.
        "count": gettext("%(count)s / %(limit)s characters recommended"),
        "over": gettext("%(count)s characters: more than the %(limit)s that search results show"),
    }
    return format_html(
        '<script src="{}" defer></script><script src="{}" defer data-strings="{}" data-limits="{}"></script>'
        '<script src="{}" defer></script><script src="{}" defer></script>',
        static("editorial/translation_panel.js"),
        static("editorial/counters.js"),
        json.dumps(strings),
        json.dumps(RECOMMENDED_LENGTHS),
        static("editorial/link_preview.js"),
        static("editorial/one_revision.js"),
    )


@hooks.register("insert_global_admin_css")
def admin_css():
    """The upload form's focus grid (editorial/uploads.py), the link previews and the share panel in a locked editor
    (core/panels.py). Wagtail 8 has no editor-only stylesheet hook: these rules only match the site's own panels."""
    return format_html(
        '<link rel="stylesheet" href="{}"><link rel="stylesheet" href="{}">',
        static("editorial/admin.css"),
        static("editorial/link_preview.css"),
    )


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


# --- The Translation panel's bilingual tools ----------------------------------
# Both buttons submit the page's own form: the editor's unsaved changes are saved as a draft first, then the tool
# acts on that draft and the editor is back in the editor.
COPY_ACTION = "action-copy-translation"
REVIEWED_ACTION = "action-translation-reviewed"
# Worded per language rather than built from its name ("Copier le français dans la version anglaise").
TOOL_LABELS = {
    "en": {"to_review": _("English to review:"), "copy": _("Copy the French into English")},
}


@hooks.register("translation_panel_extras")
def translation_panel_tools(request, page):
    if page.pk and not page.permissions_for_user(request.user).can_edit():
        return ""
    rows = []
    for code in languages.CODES:
        if code == languages.DEFAULT:
            continue
        stale = translations.stale_fields(page).get(code, []) if page.pk else []
        rows.append(
            {
                "code": code,
                "to_review": TOOL_LABELS[code]["to_review"],
                "copy": TOOL_LABELS[code]["copy"],
                "stale": [languages.field_label(type(page), name) for name in stale],
                # On a page not saved yet, the French may be typed but not posted: offer the copy anyway.
                "can_copy": not page.pk or bool(translations.copyable_fields(page, code)),
            }
        )
    return render_to_string(
        "editorial/translation_panel_tools.html",
        {"rows": rows, "copy_action": COPY_ACTION, "reviewed_action": REVIEWED_ACTION},
        request=request,
    )


@hooks.register("after_edit_page")
@hooks.register("after_create_page")
def run_translation_tool(request, page):
    if request.method != "POST" or not ({COPY_ACTION, REVIEWED_ACTION} & set(request.POST)):
        return None
    page = page.specific
    for code in languages.CODES:
        if code == languages.DEFAULT:
            continue
        if REVIEWED_ACTION in request.POST:
            translations.mark_reviewed(page, code)
            messages.success(request, _("The translation is marked as reviewed."))
        else:
            copied = translations.copy_default_language(page, code)
            if copied:
                page.save_revision(user=request.user, log_action=True)
                translations.flag(page, copied, code)
                labels = ", ".join(str(languages.field_label(type(page), name)) for name in copied)
                messages.success(
                    request,
                    _("French copied where the translation was empty; to translate: %(fields)s.") % {"fields": labels},
                )
            else:
                messages.warning(request, _("Nothing to copy: every field already has its translation."))
    return redirect("wagtailadmin_pages:edit", page.pk)
