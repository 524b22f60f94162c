"""A prospect reads in English, switches to French, writes to the person the article names and is answered."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from contact.forms import ContactForm
from tests.browser import admin
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

LAUNCH_EN = "/en/news/oswego-opens-in-the-maghreb/"
LAUNCH_FR = "/fr/actualites/oswego-simplante-au-maghreb/"
PERSON = "Jamal Mossaddeq"
# A person takes longer than this to write (contact.spam.MIN_FILL_SECONDS is 3).
WRITING_TIME_MS = 3_500


def french(message):
    """The site's French for an English message (from the compiled catalogues), proven to be translated."""
    with translation.override("en"):
        english = str(message)
    with translation.override("fr"):
        text = translation.gettext(english)
    assert text != english, f"no French for {english!r}"
    return text


def test_prospect_switches_to_french_and_writes_to_the_person_the_article_names(new_page, viewport):
    page = new_page(locale="en-GB")
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")

    if viewport == "phone":  # on a phone the main menu opens below the header from its Menu link
        page.locator(".site-header__menu-link--open").click()
    page.locator(".site-header").get_by_role("link", name="News", exact=True).click()
    expect(page).to_have_url(re.compile(r"/en/news/$"))
    page.locator(f"main a[href$='{LAUNCH_EN}']").first.click()
    expect(page).to_have_url(re.compile(rf"{LAUNCH_EN}$"))

    page.locator(".language-switcher").get_by_role("link", name="Français").click()
    expect(page).to_have_url(re.compile(rf"{LAUNCH_FR}$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    page.locator(".cta").get_by_role("link", name=re.compile(PERSON)).first.click()
    expect(page).to_have_url(re.compile(r"/fr/contact/"))
    expect(page.locator("main")).to_contain_text(PERSON)
    expect(page.locator("#id_person option:checked")).to_contain_text(PERSON)

    name = f"Awa Diallo ({viewport})"
    email = f"awa.diallo.{viewport}@client.example"
    page.fill("#id_name", name)
    page.fill("#id_email", "awa.diallo@")  # the mistake
    page.fill("#id_company", "Atlas Retail")
    page.fill("#id_country", "Maroc")
    page.fill("#id_message", "Nous ouvrons un centre de relation client à Rabat et cherchons un partenaire.")
    # Unticked until the prospect agrees, by label as a person would.
    expect(page.locator("#id_consent")).not_to_be_checked()
    page.locator("label[for=id_consent]").click()
    page.wait_for_timeout(WRITING_TIME_MS)
    send = page.get_by_role("button", name=french("Send my message"))
    send.click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text(french("Your message has not been sent yet"))
    # One problem, linked to its field.
    expect(summary.get_by_role("link")).to_have_count(1)
    expect(summary.get_by_role("link")).to_have_attribute("href", "#id_email")
    invalid_email = ContactForm.base_fields["email"].error_messages["invalid"]
    expect(page.locator("#id_email_error")).to_contain_text(french(invalid_email))
    expect(page.locator("#id_email")).to_have_attribute("aria-invalid", "true")
    # What was typed is kept.
    expect(page.locator("#id_name")).to_have_value(name)
    expect(page.locator("#id_person option:checked")).to_contain_text(PERSON)
    expect(page.locator("#id_consent")).to_be_checked()

    page.fill("#id_email", email)
    page.wait_for_timeout(WRITING_TIME_MS)
    send.click()
    expect(page).to_have_url(re.compile(r"/fr/contact/merci/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_contain_text("Merci")
    screenshot(page, f"prospect-{viewport}")

    staff = new_page(locale="en-GB")
    admin.log_in(staff)
    staff.goto("/admin/leads/")
    row = staff.locator("tr", has_text=name)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(PERSON)
    row.get_by_role("link", name=re.compile(re.escape(name))).first.click()
    expect(staff.locator("main")).to_contain_text(email)
    expect(staff.locator("main")).to_contain_text("Atlas Retail")
    screenshot(staff, f"prospect-lead-in-admin-{viewport}")
