"""The share panel: a live page's public URLs in both languages, with QR codes for print and events."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from core import languages


class SharePanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "core/panels/share_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            links = []
            if page.pk and page.live:
                for code in languages.CODES:
                    url = self.request.build_absolute_uri(languages.page_url(page, code, self.request))
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
            return context

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Share"))
        kwargs.setdefault(
            "help_text", _("The page's public address in each language, and a QR code for printed material.")
        )
        super().__init__(**kwargs)


class TranslationStatusPanel(Panel):
    """Top of the editor: what is still missing in each language, and the page's public URLs."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/panels/translation_status.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            rows = []
            status = languages.translation_status(page) if page.pk else {}
            for code in languages.CODES:
                url = None
                if page.pk:
                    relative = languages.page_url(page, code, self.request)
                    url = self.request.build_absolute_uri(relative) if relative else None
                rows.append(
                    {
                        "code": code,
                        "name": languages.autonym(code),
                        "missing": status.get(code, []),
                        "url": url,
                        "live": page.live,
                    }
                )
            context["rows"] = rows
            return context

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Translation"))
        super().__init__(**kwargs)
