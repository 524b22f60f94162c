"""Consent before anything is stored, no cookie for the prospect, and no post from another site."""

import pytest
from django.test import Client

from articles.factories import ArticleIndexPageFactory
from contact.models import Lead, PrivacySettings
from tests.helpers import soup

from .conftest import fill


@pytest.fixture
def privacy_page(home):
    # Any page may be the notice (the legal pages are another page type): the setting is a page chooser.
    return ArticleIndexPageFactory(
        parent=home,
        title_fr="Confidentialité",
        slug_fr="confidentialite",
        title_en="Privacy",
        slug_en="privacy",
    )


@pytest.fixture
def notice(home, privacy_page):
    settings = PrivacySettings.for_site(home.get_site())
    settings.privacy_page = privacy_page
    settings.save()
    return privacy_page


def consent_box(response):
    return soup(response).select_one("form.contact-form input[name=consent]")


def test_consent_box_is_unticked_and_links_to_the_notice_in_each_language(client, contact_page, notice):
    fr = client.get("/fr/contact/")
    box = consent_box(fr)
    assert box["type"] == "checkbox" and not box.has_attr("checked")
    label = soup(fr).select_one(f'label[for="{box["id"]}"]').get_text(" ", strip=True)
    assert "pour répondre à mon message" in label and "24 mois" in label
    assert soup(fr).select_one(".form-field--consent a")["href"] == "/fr/confidentialite/"
    en = client.get("/en/contact/")
    assert soup(en).select_one(".form-field--consent a")["href"] == "/en/privacy/"


def test_without_a_notice_the_box_still_reads_well(client, contact_page):
    response = client.get("/en/contact/")
    field = soup(response).select_one(".form-field--consent")
    assert field.select_one("a") is None
    assert field.label.get_text(" ", strip=True).startswith("I agree that OswegO keeps the details I give here")


def test_post_without_consent_stores_nothing_and_says_why_in_french(client, contact_page):
    data = fill(client.get("/fr/contact/"))
    del data["consent"]
    response = client.post("/fr/contact/", data)
    assert response.status_code == 200
    assert not Lead.objects.exists()
    summary = soup(response).select_one(".form-errors").get_text(" ", strip=True)
    assert "Cochez la case" in summary
    # The prospect's words are kept for the second try.
    assert soup(response).select_one("#id_company")["value"] == "Atlas Télécom"


def test_post_without_consent_says_why_in_english(client, contact_page):
    data = fill(client.get("/en/contact/"))
    del data["consent"]
    response = client.post("/en/contact/", data)
    assert "Tick the box" in soup(response).select_one(".form-errors").get_text(" ", strip=True)
    assert not Lead.objects.exists()


def test_the_consent_shown_is_stored_with_the_lead(client, contact_page, notice, submit):
    page = client.get("/fr/contact/")
    shown = soup(page).select_one(".form-field--consent label").get_text(" ", strip=True)
    assert submit("/fr/contact/").status_code == 302
    stored = Lead.objects.get().consent_text
    assert stored.startswith(shown)
    assert stored.endswith("http://testserver/fr/confidentialite/")


def test_staff_read_the_consent_on_the_lead(superuser_client, contact_page, notice, submit):
    submit("/en/contact/")
    lead = Lead.objects.get()
    text = soup(superuser_client.get(f"/admin/leads/inspect/{lead.pk}/")).select_one("main dl").get_text(" ")
    assert "I agree that OswegO keeps the details" in text


def test_the_retention_period_shown_follows_the_settings(client, contact_page, home):
    settings = PrivacySettings.for_site(home.get_site())
    settings.lead_retention_months = 12
    settings.save()
    assert "12 months" in consent_box(client.get("/en/contact/")).find_next("label").get_text()


def test_contact_page_sets_no_cookie_on_get_or_on_a_valid_post(contact_page, submit, client):
    response = client.get("/fr/contact/")
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    posted = submit("/fr/contact/")
    assert posted.status_code == 302
    assert not posted.cookies
    assert not client.get(posted["Location"]).cookies
    assert Lead.objects.count() == 1


def test_a_browser_posting_from_its_own_page_is_accepted_with_csrf_checks_on(contact_page):
    browser = Client(enforce_csrf_checks=True)
    data = fill(browser.get("/fr/contact/"))
    response = browser.post("/fr/contact/", data, HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 302
    assert not response.cookies
    assert Lead.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
    ],
)
def test_a_post_from_another_site_is_refused_with_a_clear_message(contact_page, headers):
    browser = Client(enforce_csrf_checks=True)
    data = fill(browser.get("/en/contact/"))
    response = browser.post("/en/contact/", data, **headers)
    assert response.status_code == 403
    assert "sent from another website" in soup(response).get_text(" ", strip=True)
    assert not response.cookies
    assert not Lead.objects.exists()


def test_the_refusal_speaks_french_on_french_pages(contact_page):
    data = fill(Client().get("/fr/contact/"))
    response = Client().post("/fr/contact/", data, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert "depuis un autre site" in soup(response).get_text(" ", strip=True)


def test_the_admin_keeps_djangos_csrf_check(superuser_client, db):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
