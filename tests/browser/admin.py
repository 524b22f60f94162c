"""What an editor does in Wagtail's admin, step by step, for the journeys.

The admin is driven in English (the browser's locale picks the admin language), so Wagtail's own
labels are stable; the site's content is addressed by field names.
"""

import re

from playwright.sync_api import expect

from tests.browser.live_site import ADMIN_PASSWORD, ADMIN_USERNAME


def log_in(page, username=ADMIN_USERNAME, password=ADMIN_PASSWORD):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def explore(page, *titles):
    """From the page explorer's root, open each page's children in turn (by its admin title)."""
    page.goto("/admin/pages/")
    for title in titles:
        page.get_by_role("link", name=f"Explore child pages of '{title}'").first.click()
        expect(page.locator("h1")).to_contain_text(title)


def show_english_fields(page):
    """wagtail-modeltranslation shows one language at a time: show the English fields too."""
    toggle = page.locator("button.locale-toggle", has_text=re.compile(r"^\s*en\s*$")).first
    if "showing-locale" not in (toggle.get_attribute("class") or ""):
        toggle.click()
    shown = page.locator("button.locale-toggle.showing-locale", has_text=re.compile(r"^\s*en\s*$"))
    expect(shown.first).to_be_visible()


def choose_page(page, field_id, title):
    """Open the page chooser of the field whose hidden input is ``field_id`` and pick the page with this admin title."""
    field = page.locator(f"#{field_id}").locator("xpath=ancestor::div[contains(@class, 'w-field__input')][1]")
    # By its class: a block's chooser keeps the label of the language it was first built in.
    button = field.locator("button.chooser__choose-button").first
    modal = page.locator(".modal")
    choice = modal.locator("a.choose-page", has_text=title).first
    # Wagtail's autosave (every 500 ms after a change) can close a modal that has just opened.
    for _attempt in range(3):
        button.click()
        try:
            expect(choice).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            page.keyboard.press("Escape")
    choice.click()
    expect(modal).to_be_hidden()
    expect(page.locator(f"#{field_id}")).not_to_have_value("")


def add_block(page, stream, label):
    """Append a block to a StreamField (``stream`` is its prefix, e.g. ``body_fr``); return its field prefix."""
    root = page.locator(f"#{stream}-root")
    count = int(page.locator(f"input[name='{stream}-count']").input_value())
    root.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=re.compile(f"^{re.escape(label)}")).click()
    expect(page.locator(f"input[name='{stream}-count']")).to_have_value(str(count + 1))
    return f"{stream}-{count}-value"


def type_rich_text(page, field_id, text):
    """Type into the Draftail editor that goes with the hidden input ``field_id``."""
    editor = page.locator(f"#{field_id}").locator("xpath=..").locator(".public-DraftEditor-content")
    editor.click()
    page.keyboard.type(text)


def publish(page):
    """Publish from the footer's action menu and wait for Wagtail's confirmation."""
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messages .success, [data-w-messages-target] .success").first).to_be_visible()
