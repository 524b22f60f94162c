"""Every page type at a phone's and a desktop's width, in both languages: the header stays small, the page's own
title is on the first screen, nothing overflows sideways, and (with `make screenshots`) a picture of each page lands
in SITE_SCREENSHOTS_DIR so a reviewer sees the whole site at once."""

import os
from pathlib import Path

import pytest

from tests.browser.conftest import REPO

pytestmark = pytest.mark.browser

OUTPUT = Path(os.environ.get("SITE_SCREENSHOTS_DIR", REPO / "test-artifacts" / "site"))
PAGES = {
    "home": {"fr": "/fr/", "en": "/en/"},
    "news": {"fr": "/fr/actualites/", "en": "/en/news/"},
    "article": {
        "fr": "/fr/actualites/le-maghreb-territoire-strategique-de-lexperience-client/",
        "en": "/en/news/the-maghreb-a-strategic-territory-for-customer-experience/",
    },
    "people": {"fr": "/fr/equipe-dirigeante/", "en": "/en/leadership/"},
    "person": {"fr": "/fr/equipe-dirigeante/olivier-pellevoizin/", "en": "/en/leadership/olivier-pellevoizin/"},
    "offices": {"fr": "/fr/implantations/", "en": "/en/offices/"},
    "office": {"fr": "/fr/implantations/casablanca/", "en": "/en/offices/casablanca/"},
    "services": {"fr": "/fr/nos-offres/", "en": "/en/services/"},
    "service": {"fr": "/fr/nos-offres/nearshore-au-maghreb/", "en": "/en/services/nearshore-in-the-maghreb/"},
    "approach": {"fr": "/fr/notre-approche/", "en": "/en/our-approach/"},
    "legal-notice": {"fr": "/fr/mentions-legales/", "en": "/en/legal-notice/"},
    "region": {"fr": "/fr/implantations/afrique-de-l-ouest/", "en": "/en/offices/west-africa/"},
    "contact": {"fr": "/fr/contact/", "en": "/en/contact/"},
    "search": {"fr": "/fr/recherche/?q=maghreb", "en": "/en/search/?q=maghreb"},
    "not-found": {"fr": "/fr/cette-page-n-existe-pas/", "en": "/en/this-page-does-not-exist/"},
}
HEADER_MAX_ON_PHONE = 120


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_type_fits_its_screen(new_page, viewport, language):
    page = new_page(locale=f"{language}-FR" if language == "fr" else "en-GB")
    width = page.viewport_size["width"]
    for name, urls in PAGES.items():
        page.goto(urls[language])
        header = page.locator(".site-header").bounding_box()
        title = page.locator("h1").first.bounding_box()
        assert title is not None and title["y"] < page.viewport_size["height"], f"{name}: the h1 is below the fold"
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"{name}: {overflow}px wide on a {width}px screen"
        if viewport == "phone":
            assert header["height"] <= HEADER_MAX_ON_PHONE, f"{name}: header {header['height']}px"
            small = page.evaluate(
                """[...document.querySelectorAll('.site-header a, .site-header button')]
                   .filter(e => e.offsetParent !== null)
                   .map(e => e.getBoundingClientRect())
                   .filter(r => r.width < 44 || r.height < 44).length"""
            )
            assert small == 0, f"{name}: {small} header tap targets under 44 px"
        if os.environ.get("SITE_SCREENSHOTS_DIR"):
            # Lazy images are loaded first, so the pictures show them.
            page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; })")
            page.wait_for_load_state("networkidle")
            OUTPUT.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=OUTPUT / f"{name}-{language}-{width}.png", full_page=True)


def test_desktop_search_field_reads_at_16_px_and_phones_get_a_search_link(new_page, viewport):
    page = new_page()
    page.goto("/fr/")
    if viewport == "phone":
        link = page.locator(".site-header__search-link")
        assert link.is_visible()
        assert link.get_attribute("href") == "/fr/recherche/"
        assert not page.locator("#header-search").is_visible()
    else:
        field = page.locator("#header-search")
        assert field.is_visible()
        size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('#header-search')).fontSize)")
        assert size >= 16
        assert field.bounding_box()["height"] >= 44
