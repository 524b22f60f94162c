"""/sitemap.xml: every public page in each language it exists in, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core import languages
from core.navigation import empty_listings

DEFAULT = languages.DEFAULT


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    limit = 5000

    def items(self):
        pages = list(Page.objects.live().public().filter(depth__gte=2).order_by("path"))
        # A listing that hides while empty (the case studies before the first one) answers 404: not claimed.
        hidden = empty_listings(pages)
        return [page for page in pages if page.pk not in hidden]

    def get_languages_for_item(self, item):
        # A page without an English title is not claimed in English (see the README).
        return [code for code in languages.CODES if code == DEFAULT or getattr(item, f"title_{code}", None)]

    def location(self, item):
        return item.get_url()

    def lastmod(self, item):
        page, _language = item if isinstance(item, tuple) else (item, None)
        return page.last_published_at

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        # x-default is the French page (Django's own would strip the prefix,
        # and an unprefixed URL redirects by Accept-Language instead).
        for url_info in urls:
            default = next((a for a in url_info["alternates"] if a["lang_code"] == DEFAULT), None)
            if default:
                url_info["alternates"].append({"location": default["location"], "lang_code": "x-default"})
        return urls
