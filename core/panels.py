"""The share panel: a live page's public URLs in both languages, with QR codes for print and events."""

from urllib.parse import urlsplit

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import Panel
from wagtail.fields import RichTextField, StreamField

from core import languages


class SharePanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "core/panels/share_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            links = []
            # A scheduled page or change locks the editor; the panel still says when, and still gives the links and
            # QR codes (of the scheduled version, for a page not live yet: printed material is made ahead).
            scheduled = page.scheduled_revision if page.pk else None
            context["goes_live_at"] = scheduled.approved_go_live_at if scheduled else None
            context["live"] = page.live
            shared = page if page.live else (scheduled.as_object() if scheduled else None)
            if page.pk and shared is not None:
                for code in languages.CODES:
                    url = self.request.build_absolute_uri(languages.page_url(shared, code, self.request))
                    links.append(
                        {
                            "code": code,
                            "name": languages.autonym(code),
                            "url": url,
                            "png": reverse("share_qr", args=(page.pk, code, "png")),
                            "svg": reverse("share_qr", args=(page.pk, code, "svg")),
                        }
                    )
            context["links"] = links
            # Tools of the rooms above (each staff member's tracked links) add their own part.
            extras = (hook(self.request, page) for hook in hooks.get_hooks("share_panel_extras"))
            context["extras"] = [html for html in extras if html]
            return context

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Share"))
        kwargs.setdefault(
            "help_text", _("The page's public address in each language, and a QR code for printed material.")
        )
        super().__init__(**kwargs)


class LinkPreviewPanel(Panel):
    """How the page shows in a search result and in a LinkedIn card, in each language, drawn in the admin from the
    page's own SEO title, description and share image (no request leaves the admin); kept live as the editor types
    by the editorial tools' script. The share image's URL is asked of the ``link_preview_image_url`` hook (seo/),
    which answers None while the generated image cannot exist yet (a page never published, without a chosen image).
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/panels/link_preview.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            previews = []
            for code in languages.CODES:
                with translation.override(code):
                    title = getattr(page, f"title_{code}", "") or ""
                    seo_title = getattr(page, f"seo_title_{code}", "") or ""
                    summary = page.get_summary() if hasattr(page, "get_summary") else ""
                # As the share panel writes it: the address this admin is reached at, with the page's path.
                relative = languages.page_url(page, code, self.request) if page.pk else None
                url = self.request.build_absolute_uri(relative) if relative else None
                image = None
                if page.pk:
                    for hook in hooks.get_hooks("link_preview_image_url"):
                        image = hook(page, self.request, code) or image
                previews.append(
                    {
                        "code": code,
                        "name": languages.autonym(code),
                        "title": seo_title or title,
                        "page_title": title,
                        "description": getattr(page, f"search_description_{code}", "") or summary or "",
                        "summary": summary or "",
                        "url": url,
                        "host": urlsplit(url).netloc if url else urlsplit(self.request.build_absolute_uri("/")).netloc,
                        "image": image,
                    }
                )
            context["previews"] = previews
            return context

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Search result and link preview"))
        kwargs.setdefault(
            "help_text",
            _(
                "How a search engine and LinkedIn show the page in each language, from its SEO title, search "
                "description and share image. Search engines cut the title after about 60 characters and the "
                "description after about 155."
            ),
        )
        super().__init__(**kwargs)


class TranslationStatusPanel(Panel):
    """Top of the editor: what is still missing in each language, and the page's public URLs.

    Rendered from the page as the form holds it (a new page, or the values of a save that failed), then kept up to
    date as the editor types by the admin script the editorial tools add (``data-translation-fields`` says which
    fields to watch). Its text never names a field with a " [en]" suffix, so wagtail-modeltranslation's language
    toggle, which hides every panel whose text contains one, leaves it alone.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/panels/translation_status.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            model = type(page)
            rows = []
            for code in languages.CODES:
                url = None
                if page.pk:
                    relative = languages.page_url(page, code, self.request)
                    url = self.request.build_absolute_uri(relative) if relative else None
                missing = languages.missing_field_names(page, code)
                rows.append(
                    {
                        "code": code,
                        "name": languages.autonym(code),
                        "missing": [
                            {"label": languages.field_label(model, name), "target": f"id_{name}_{code}"}
                            for name in missing
                        ],
                        "url": url,
                        "live": page.live,
                    }
                )
            context["rows"] = rows
            context["fields"] = [
                {
                    "name": name,
                    "label": str(languages.field_label(model, name)),
                    "required": languages.is_expected(model, name),
                    "kind": _field_kind(model._meta.get_field(name)),
                }
                for name in languages.translated_fields(model)
            ]
            # Tools of the rooms above (the editorial tools' stale flags and copy action) add their own lines.
            extras = (hook(self.request, page) for hook in hooks.get_hooks("translation_panel_extras"))
            context["extras"] = [html for html in extras if html]
            return context

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Translation"))
        kwargs.setdefault("classname", "oswego-translation-panel")
        super().__init__(**kwargs)


def _field_kind(field):
    """How the editor's script reads the field's emptiness from the form."""
    if isinstance(field, StreamField):
        return "stream"
    if isinstance(field, RichTextField):
        return "richtext"
    return "text"
