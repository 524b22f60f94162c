"""A salesperson takes the launch article's English link and QR code from the admin's share panel."""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser import admin
from tests.browser.conftest import SCREENSHOTS_DIR, screenshot

pytestmark = pytest.mark.browser

LAUNCH_EN = "/en/news/oswego-opens-in-the-maghreb/"
LAUNCH_FR = "/fr/actualites/oswego-simplante-au-maghreb/"


def test_sales_copies_the_english_link_and_qr_code_and_the_link_opens_the_english_article(new_page, viewport):
    page = new_page(locale="en-GB", permissions=["clipboard-read", "clipboard-write"], accept_downloads=True)
    page.goto(LAUNCH_FR)
    french_title = page.locator("h1").inner_text()
    page.goto(LAUNCH_EN)
    english_title = page.locator("h1").inner_text()

    admin.log_in(page)
    admin.explore(page, "Accueil", "Actualités")
    page.get_by_role("link", name=french_title, exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.get_by_role("tab", name="Promote").click()

    english = page.locator(".oswego-share__item", has=page.locator("strong[lang=en]"))
    address = english.locator("input").input_value()
    assert address.endswith(LAUNCH_EN), address
    english.get_by_role("button", name="Copy link").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == address

    with page.expect_download() as download_info:
        english.get_by_role("link", name="QR code (PNG)").click()
    download = download_info.value
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    saved = SCREENSHOTS_DIR / f"sales-qr-en-{viewport}.png"
    download.save_as(saved)
    with Image.open(saved) as qr:
        assert qr.format == "PNG"
        assert qr.width == qr.height >= 100

    reader = new_page(locale="fr-FR")
    reader.goto(copied)
    expect(reader).to_have_url(copied)
    expect(reader.locator("html")).to_have_attribute("lang", "en")
    expect(reader.locator("h1")).to_have_text(english_title)
    screenshot(reader, f"sales-{viewport}")
