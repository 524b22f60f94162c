"""Bots and floods are turned away without storing anything; a person gets a clear message."""

import time

from django.core import mail

from contact.models import Lead
from contact.spam import issue_stamp
from tests.helpers import soup

from .conftest import fill


def errors(response):
    return soup(response).select_one(".form-errors").get_text(" ", strip=True)


def test_bot_filling_the_honeypot_is_thanked_but_nothing_is_stored_or_sent(client, contact_page, submit, settings):
    settings.DEFAULT_CONTACT_EMAIL = "leads@oswego.example"
    response = submit("/fr/contact/", website="https://cheap-seo.example")
    assert response.status_code == 302
    assert response["Location"] == "/fr/contact/merci/"
    assert not Lead.objects.exists()
    assert mail.outbox == []


def test_honeypot_is_out_of_sight_and_off_the_keyboard_path(client, contact_page):
    trap = soup(client.get("/fr/contact/")).select_one(".form-honeypot")
    assert trap["aria-hidden"] == "true"
    field = trap.select_one("input[name=website]")
    assert field["tabindex"] == "-1"
    assert field["autocomplete"] == "off"


def test_form_sent_too_fast_is_refused_with_a_message(client, contact_page, submit):
    response = submit("/en/contact/", seconds_ago=1)
    assert response.status_code == 200
    assert "too quickly" in errors(response)
    assert not Lead.objects.exists()


def test_form_sent_too_fast_is_explained_in_french(client, contact_page, submit):
    response = submit("/fr/contact/", seconds_ago=0)
    assert "trop vite" in errors(response)
    assert not Lead.objects.exists()


def test_the_same_form_is_accepted_once_the_prospect_took_their_time(client, contact_page, submit, monkeypatch):
    refused = submit("/en/contact/", seconds_ago=0)
    data = fill(refused)
    data["stamp"] = soup(refused).select_one("input[name=stamp]")["value"]
    # A few seconds later, the prospect sends it again.
    later = time.time() + 5
    monkeypatch.setattr("contact.spam.time.time", lambda: later)
    assert client.post("/en/contact/", data).status_code == 302
    assert Lead.objects.count() == 1


def test_missing_stamp_is_refused(client, contact_page):
    data = fill(client.get("/en/contact/"))
    del data["stamp"]
    response = client.post("/en/contact/", data)
    assert response.status_code == 200
    assert "expired" in errors(response)
    assert not Lead.objects.exists()


def test_forged_stamp_is_refused(client, contact_page):
    data = fill(client.get("/en/contact/"))
    data["stamp"] = "MTAwMDAwMDAwMA:1tFAKE:not-a-real-signature"
    response = client.post("/en/contact/", data)
    assert "expired" in errors(response)
    assert not Lead.objects.exists()


def test_stale_stamp_is_refused(client, contact_page):
    data = fill(client.get("/en/contact/"))
    data["stamp"] = issue_stamp("testserver/en/contact/", time.time() - 30 * 24 * 3600)
    response = client.post("/en/contact/", data)
    assert response.status_code == 200
    assert not Lead.objects.exists()


def test_stamp_lives_hours_not_days(client, contact_page):
    data = fill(client.get("/en/contact/"))
    data["stamp"] = issue_stamp("testserver/en/contact/", time.time() - 7 * 3600)
    response = client.post("/en/contact/", data)
    assert "expired" in errors(response)
    assert not Lead.objects.exists()
    data["stamp"] = issue_stamp("testserver/en/contact/", time.time() - 5 * 3600)
    assert client.post("/en/contact/", data).status_code == 302


def test_stamp_from_another_form_address_is_refused(client, contact_page):
    # A stamp taken from the French form (or another host serving the site) is no good on the English one.
    data = fill(client.get("/en/contact/"))
    data["stamp"] = issue_stamp("testserver/fr/contact/", time.time() - 60)
    response = client.post("/en/contact/", data)
    assert "expired" in errors(response)
    data["stamp"] = issue_stamp("elsewhere.example/en/contact/", time.time() - 60)
    assert "expired" in errors(client.post("/en/contact/", data))
    assert not Lead.objects.exists()


def test_flood_from_one_address_is_stopped_with_a_message(client, contact_page, submit, settings):
    settings.CONTACT_RATE_LIMIT = "3/10m"
    for _ in range(3):
        assert submit("/en/contact/").status_code == 302
    response = submit("/en/contact/")
    assert response.status_code == 429
    assert "Too many messages" in errors(response)
    # The prospect's words are kept for later.
    assert soup(response).select_one("#id_company")["value"] == "Atlas Télécom"
    assert Lead.objects.count() == 3


def test_rate_limit_message_is_in_french_on_the_french_page(client, contact_page, submit, settings):
    settings.CONTACT_RATE_LIMIT = "1/10m"
    submit("/fr/contact/")
    response = submit("/fr/contact/")
    assert response.status_code == 429
    assert "Trop de messages" in errors(response)
    assert Lead.objects.count() == 1


def test_rate_limit_is_per_client_address(client, contact_page, submit, settings):
    settings.CONTACT_RATE_LIMIT = "1/10m"
    submit("/en/contact/")
    data = fill(client.get("/en/contact/"))
    assert client.post("/en/contact/", data, REMOTE_ADDR="203.0.113.7").status_code == 302
    assert Lead.objects.count() == 2
