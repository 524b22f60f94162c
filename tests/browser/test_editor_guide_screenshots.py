"""The editor's guide (docs/editors*.md) shows the admin as it is: these tests take its pictures.

`make docs-screenshots` writes them into docs/images/; in the normal run they go with the other
screenshots. Each also checks that what the guide describes is on screen.
"""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.admin import log_in
from tests.browser.conftest import CHROMIUM_ARGS, SCREENSHOTS_DIR  # noqa: F401

pytestmark = pytest.mark.browser

GUIDE_DIR = Path(os.environ.get("DOCS_SCREENSHOTS_DIR", SCREENSHOTS_DIR / "editors-guide"))
LAUNCH_TITLE = "Le Maghreb, territoire stratégique de l’expérience client"


@pytest.fixture
def admin(browser, site):
    # The guide is written for a French-speaking team: the admin in French, at a laptop's size.
    context = browser.new_context(base_url=site, locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.set_extra_http_headers({"Accept-Language": "fr-FR,fr;q=0.9"})
    log_in(page)
    yield page
    context.close()


def picture(page, name, locator=None):
    GUIDE_DIR.mkdir(parents=True, exist_ok=True)
    target = locator if locator is not None else page
    target.screenshot(path=GUIDE_DIR / f"{name}.png")


def open_launch_article(page):
    # The admin's own page search: its results link to each page's editor.
    page.goto("/admin/pages/search/?q=territoire")
    page.locator("a[href*='/edit/']", has_text=LAUNCH_TITLE).first.click()
    expect(page.locator(".oswego-translation-status")).to_be_visible()


def test_article_editor_with_translation_status(admin):
    open_launch_article(admin)
    status = admin.locator(".oswego-translation-status")
    expect(status).to_contain_text("Français")
    expect(status).to_contain_text("English")
    expect(status).to_contain_text("/en/news/")
    picture(admin, "editor-article")


def test_preview_offers_both_languages(admin):
    open_launch_article(admin)
    admin.locator("button[data-side-panel-toggle='preview']").first.click()
    mode = admin.locator("#id_preview_mode")
    expect(mode).to_be_visible()
    options = mode.locator("option").all_inner_texts()
    assert [text.strip() for text in options] == ["Français", "English"]
    picture(admin, "preview-modes")


def test_missing_translations_report(admin):
    admin.goto("/admin/reports/missing-translations/")
    expect(admin.locator("h1")).to_contain_text("Traductions manquantes")
    picture(admin, "missing-translations")


def test_share_panel(admin):
    open_launch_article(admin)
    admin.get_by_role("tab", name=re.compile("Promotion|Promote")).click()
    panel = admin.locator(".oswego-share")
    expect(panel).to_be_visible()
    expect(panel.locator("input[readonly]").nth(1)).to_have_value(re.compile(r"/en/news/"))
    # The panel sits below the SEO fields and the previews: bring it up to the top of the window.
    panel.evaluate("element => element.scrollIntoView({block: 'start'})")
    admin.evaluate("window.scrollBy(0, -120)")
    picture(admin, "share-panel")
