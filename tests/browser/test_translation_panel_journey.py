"""The Translation panel in a real browser: in view with English hidden, live as the editor types and after a
refused save, its links open the missing field; copy the French into English; "English to review" comes and goes."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import admin
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

PERSON = "Jamal Mossaddeq"


def row(page, code):
    return page.locator(f"[data-translation-status] [data-language='{code}']")


def save_draft(page):
    page.get_by_role("button", name="Save draft").click()


def test_the_translation_panel_follows_the_editor(new_page, viewport):
    page = new_page(locale="en-GB")
    admin.log_in(page)
    admin.explore(page, "Accueil", "Actualités")
    page.get_by_role("link", name=re.compile("^Add child page")).first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/add/articles/articlepage/\d+/$"))

    # English fields hidden (the toggle's default): the panel is there, and a blank page is not "complete".
    expect(page.locator("#id_title_en")).to_be_hidden()
    panel = page.locator("[data-translation-status]")
    expect(panel).to_be_visible()
    expect(row(page, "fr")).to_contain_text("Title")
    expect(row(page, "en")).to_contain_text("Title")

    # Live: typing the French title takes it off the French row.
    title = f"Traduire en direct ({viewport})"
    page.fill("#id_title_fr", title)
    expect(row(page, "fr")).not_to_contain_text("Title")
    page.fill("#id_standfirst_fr", "Un chapeau.")
    expect(row(page, "en")).to_contain_text("Standfirst")

    # A missing field is a link: it shows the English fields and puts the cursor in the field.
    row(page, "en").get_by_role("link", name="Title", exact=True).click()
    expect(page.locator("#id_title_en")).to_be_visible()
    expect(page.locator("#id_title_en")).to_be_focused()
    page.keyboard.type(f"Live translation ({viewport})")
    expect(row(page, "en")).not_to_contain_text("Title")

    # A refused save (no author, no body): the panel is still in view and counts what was typed.
    save_draft(page)
    expect(page.locator(".messages .error, [data-w-messages-target] .error").first).to_be_visible()
    expect(panel).to_be_visible()
    expect(row(page, "fr")).not_to_contain_text("Title")
    expect(row(page, "en")).to_contain_text("Standfirst")
    screenshot(page, f"translation-panel-refused-save-{viewport}")

    # Complete the French, then copy it into the empty English fields.
    admin.choose_page(page, "id_authors-0-person", PERSON)
    paragraph = admin.add_block(page, "body_fr", "Paragraph")
    admin.type_rich_text(page, paragraph, "Un paragraphe à traduire.")
    # Draftail writes its hidden input a moment after the keystrokes.
    expect(page.locator(f"#{paragraph}")).to_have_value(re.compile("Un paragraphe à traduire"))
    page.get_by_role("button", name="Copy the French into English").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.locator("[data-translation-stale]")).to_contain_text("Standfirst")
    expect(page.locator("[data-translation-stale]")).to_contain_text("Body")
    # The toggle remembers that English was shown.
    expect(page.locator("#id_title_en")).to_be_visible()
    expect(page.locator("#id_standfirst_en")).to_have_value("Un chapeau.")
    expect(page.locator("input[name='body_en-0-value']")).to_have_value(re.compile("Un paragraphe à traduire"))
    expect(page.locator("#id_title_en")).to_have_value(f"Live translation ({viewport})")

    # Reviewed: the flag goes. The French changes: it comes back for that field, until its English is edited.
    page.get_by_role("button", name="Mark the translation as reviewed").click()
    expect(page.locator("[data-translation-stale]")).to_have_count(0)
    page.fill("#id_standfirst_fr", "Un chapeau réécrit.")
    save_draft(page)
    expect(page.locator("[data-translation-stale]")).to_contain_text("Standfirst")
    screenshot(page, f"translation-panel-to-review-{viewport}")
    admin.show_english_fields(page)
    page.fill("#id_standfirst_en", "A rewritten standfirst.")
    save_draft(page)
    expect(page.locator("[data-translation-stale]")).to_have_count(0)
