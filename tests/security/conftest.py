"""The demo site, loaded once per test that asks for it, and the public URLs it serves."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site

from articles.models import ArticlePage
from contact.models import THANK_YOU_SLUGS, ContactPage
from core.navigation import empty_listings
from seo.share_images import share_image_url


@pytest.fixture(scope="module")
def _demo_content(django_db_setup, django_db_blocker, tmp_path_factory):
    """The bilingual demo content, loaded once per module inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), override_settings(VAR_DIR=tmp_path_factory.mktemp("var")):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo_content", no_admin=True, verbosity=0)
            Site.objects.filter(is_default_site=True).update(hostname="testserver")
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo_site(_demo_content, db):
    """The demo site (served as `testserver`); no local account is created."""
    return Site.objects.get(is_default_site=True)


def public_urls():
    """Every public URL of the demo site: each live page in both languages, and the machine endpoints."""
    urls = []
    pages = list(Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"))
    # A listing that hides while empty (the case studies in the demo) answers 404 until it has a page.
    hidden = empty_listings(pages)
    pages = [page for page in pages if page.pk not in hidden]
    contact = next((page for page in pages if isinstance(page, ContactPage)), None)
    for language in ("fr", "en"):
        with translation.override(language):
            for page in pages:
                urls.append(page.get_url())
                if isinstance(page, ContactPage):
                    slug = THANK_YOU_SLUGS[language]
                    urls.append(page.get_url() + page.reverse_subpage("thank_you", kwargs={"slug": slug}))
                if isinstance(page, ArticlePage) and page.has_report and contact is not None:
                    urls.append(contact.report_url(None, page))  # the report's short form
                if hasattr(page, "get_share_figure"):
                    urls.append(share_image_url(page, None, language))
            urls.append(reverse("article_feed"))
            urls.append(reverse("analysis_feed"))
            urls.append(reverse("search"))
    urls += [reverse("sitemap"), reverse("robots_txt"), reverse("healthz"), "/"]
    return list(dict.fromkeys(urls))


@pytest.fixture
def demo_urls(demo_site):
    return public_urls()


def html_pages(urls):
    return [url for url in urls if not url.endswith((".xml", ".txt", ".png")) and url not in ("/", "/healthz")]
