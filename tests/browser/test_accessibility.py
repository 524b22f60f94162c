"""Accessibility gates: axe-core finds nothing on the main pages in both languages; the keyboard reaches everything."""

import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import REPO, screenshot

pytestmark = pytest.mark.browser

AXE = Path(os.environ.get("AXE_SCRIPT", REPO / "node_modules" / "axe-core" / "axe.min.js"))

# The pages of the gate, per language; "contact" is shown with its errors.
PAGES = {
    "home": {"fr": "/fr/", "en": "/en/"},
    "article-index": {"fr": "/fr/actualites/", "en": "/en/news/"},
    "launch-article": {
        "fr": "/fr/actualites/oswego-simplante-au-maghreb/",
        "en": "/en/news/oswego-opens-in-the-maghreb/",
    },
    "person": {"fr": "/fr/equipe-dirigeante/jamal-mossaddeq/", "en": "/en/leadership/jamal-mossaddeq/"},
    "office": {"fr": "/fr/implantations/casablanca/", "en": "/en/offices/casablanca/"},
    "offices": {"fr": "/fr/implantations/", "en": "/en/offices/"},
    "services": {"fr": "/fr/nos-offres/", "en": "/en/services/"},
    "service": {
        "fr": "/fr/nos-offres/nearshore-au-maghreb/",
        "en": "/en/services/nearshore-in-the-maghreb/",
    },
    "approach": {"fr": "/fr/notre-approche/", "en": "/en/our-approach/"},
    "legal-notice": {"fr": "/fr/mentions-legales/", "en": "/en/legal-notice/"},
    "privacy": {"fr": "/fr/confidentialite/", "en": "/en/privacy/"},
    "contact-with-errors": {"fr": "/fr/contact/", "en": "/en/contact/"},
    "analyses": {"fr": "/fr/analyses/", "en": "/en/analyses/"},
    "analysis-with-report": {
        "fr": "/fr/actualites/le-maghreb-territoire-strategique-de-lexperience-client/",
        "en": "/en/news/the-maghreb-a-strategic-territory-for-customer-experience/",
    },
    # Reached from the analysis's "Get the report" button, then sent empty.
    "report-form-with-errors": {
        "fr": "/fr/actualites/le-maghreb-territoire-strategique-de-lexperience-client/",
        "en": "/en/news/the-maghreb-a-strategic-territory-for-customer-experience/",
    },
    "search-results": {"fr": "/fr/recherche/?q=maghreb", "en": "/en/search/?q=maghreb"},
    "not-found": {"fr": "/fr/cette-page-n-existe-pas/", "en": "/en/this-page-does-not-exist/"},
}


def axe_violations(page):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does when npm is there)", pytrace=False)
    page.add_script_tag(path=str(AXE))
    # Every rule axe runs by default (WCAG 2.x A/AA and best practices).
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violation(new_page, viewport, name, language):
    # axe is injected as a script: let it in whatever the site's Content-Security-Policy says.
    page = new_page(locale=f"{language}-FR", bypass_csp=True)
    response = page.goto(PAGES[name][language])
    if name == "not-found":
        assert response.status == 404
    else:
        assert response.ok, response.status
    if name == "report-form-with-errors":
        page.locator(".report-offer a").click()
        expect(page.locator(".report-form")).to_be_visible()
    if name in ("contact-with-errors", "report-form-with-errors"):
        page.locator(".contact-form button[type=submit]").click()
        expect(page.locator(".form-errors")).to_be_visible()
    if name == "search-results":
        expect(page.locator("main a[href*='/']").first).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", language)
    violations = axe_violations(page)
    if violations:
        screenshot(page, f"axe-{name}-{language}-{viewport}")
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)


def tab_through(page, limit=120):
    """Press Tab from the top of the page until focus comes back round; return what got focus, in order."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    reached = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        key = page.evaluate("document.activeElement && document.activeElement.dataset.kbd")
        if key in reached:
            break
        if key:
            reached.append(key)
    return reached


@pytest.mark.parametrize("language", ["fr", "en"])
def test_keyboard_reaches_every_header_link_the_language_switcher_and_every_form_field(new_page, viewport, language):
    page = new_page(locale=f"{language}-FR")
    page.goto(PAGES["contact-with-errors"][language])
    # Label every element a keyboard user must reach, and the honeypot, which they must not.
    expected = page.evaluate(
        """() => {
            const targets = new Set([
                ...document.querySelectorAll('.site-header a[href]'),
                ...document.querySelectorAll('.site-header input:not([type=hidden]), .site-header button'),
                ...document.querySelectorAll('.language-switcher a[href]'),
                ...document.querySelectorAll(
                    '.contact-form input:not([type=hidden]), .contact-form select, '
                    + '.contact-form textarea, .contact-form button'
                ),
            ]);
            const keys = [];
            [...targets].forEach((element, index) => {
                const key = `${index}:${element.tagName.toLowerCase()}:${element.name || element.textContent.trim()}`;
                element.dataset.kbd = key;
                // What this width displays: the header shows a search link on phones, the field on desktops.
                if (element.tabIndex >= 0 && element.getClientRects().length) keys.push(key);
            });
            return keys;
        }"""
    )
    assert any("language" not in key for key in expected)
    assert page.locator(".language-switcher a[href]").count() >= 1
    reached = tab_through(page)
    missing = [key for key in expected if key not in reached]
    assert missing == [], f"never reached with Tab: {missing}"
    honeypot = page.locator(".contact-form input[name=website]")
    if honeypot.count():
        assert honeypot.get_attribute("data-kbd") not in reached
    # Keyboard focus is visible where it lands.
    page.keyboard.press("Shift+Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
