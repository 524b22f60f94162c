"""A prospect writes, the lead is stored, the right person hears of it, and the prospect is thanked."""

import pytest
from django.core import mail

from articles.factories import ArticlePageFactory, stream
from contact.models import Lead
from core.models import SiteSettings
from people.factories import PersonPageFactory
from tests.helpers import soup

from .conftest import PROSPECT, fill

LAUNCH_ARTICLE_FR = "/fr/actualites/le-maghreb-territoire-strategique/"


@pytest.fixture
def launch_article(news_index, person):
    person.notification_email = "jamal.mossaddeq@oswego.example"
    person.save()
    body = stream(("cta", {"text": "Parlons de votre projet au Maghreb.", "button_label": "", "person": person.pk}))
    return ArticlePageFactory(
        parent=news_index,
        title_fr="Le Maghreb, territoire stratégique",
        slug_fr="le-maghreb-territoire-strategique",
        slug_en="the-maghreb-a-strategic-territory",
        body_fr=body,
        body_en=body,
    )


def test_launch_article_reader_writes_to_jamal_mossaddeq(
    client, contact_page, launch_article, person, django_capture_on_commit_callbacks, settings
):
    settings.LEAD_EMAIL_CONTENT = True  # the mail server is reached over TLS
    # The article's call to action leads to the contact page with Jamal chosen…
    button = soup(client.get(LAUNCH_ARTICLE_FR)).select_one(".cta a.button")
    assert button["href"] == f"/fr/contact/?person={person.pk}"
    form_page = client.get(button["href"], HTTP_REFERER="http://testserver" + LAUNCH_ARTICLE_FR)
    assert "Votre message sera adressé à Jamal Mossaddeq" in soup(form_page).select_one(".contact-recipient").get_text()

    # …the prospect sends their message and is thanked in French…
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/contact/", fill(form_page))
    assert response.status_code == 302
    assert response["Location"] == "/fr/contact/merci/"
    assert soup(client.get(response["Location"])).h1.get_text(strip=True) == "Merci, votre message est bien parti"

    # …the lead is stored…
    lead = Lead.objects.get()
    assert (lead.name, lead.email, lead.company, lead.country) == (
        PROSPECT["name"],
        PROSPECT["email"],
        PROSPECT["company"],
        PROSPECT["country"],
    )
    assert lead.message == PROSPECT["message"]
    assert (lead.person, lead.person_name, lead.language) == (person, "Jamal Mossaddeq", "fr")
    assert lead.source_path == LAUNCH_ARTICLE_FR
    assert lead.notification_status == Lead.NotificationStatus.SENT

    # …and Jamal is told, with a way to answer and a link to the lead.
    (email,) = mail.outbox
    assert email.to == ["jamal.mossaddeq@oswego.example"]
    assert email.reply_to == [PROSPECT["email"]]
    assert "Amina Benali" in email.subject and "Atlas Télécom" in email.subject
    assert PROSPECT["message"] in email.body
    assert f"/admin/leads/inspect/{lead.pk}/" in email.body


def test_without_tls_the_email_links_to_the_lead_and_holds_none_of_its_words(
    client, contact_page, person, submit, settings
):
    settings.LEAD_EMAIL_CONTENT = False
    settings.DEFAULT_CONTACT_EMAIL = "leads@oswego.example"
    submit("/fr/contact/")
    lead = Lead.objects.get()
    (email,) = mail.outbox
    assert f"/admin/leads/inspect/{lead.pk}/" in email.body
    assert email.reply_to == []
    text = email.subject + email.body + str(email.message())
    for value in PROSPECT.values():
        if value != "on":
            assert value not in text


def test_english_visitor_is_thanked_in_english(client, contact_page, submit):
    response = submit("/en/contact/")
    assert response["Location"] == "/en/contact/thank-you/"
    assert Lead.objects.get().language == "en"


def test_message_for_no_one_in_particular_goes_to_the_site_settings_address(client, contact_page, person, submit):
    site_settings = SiteSettings.load()
    site_settings.contact_notification_email = "bonjour@oswego.example"
    site_settings.save()
    submit("/fr/contact/")
    assert mail.outbox[0].to == ["bonjour@oswego.example"]
    lead = Lead.objects.get()
    assert lead.person is None and lead.person_name == ""


def test_person_without_an_address_falls_back_to_the_site_settings_address(client, contact_page, person, submit):
    site_settings = SiteSettings.load()
    site_settings.contact_notification_email = "bonjour@oswego.example"
    site_settings.save()
    submit(f"/fr/contact/?person={person.pk}")
    assert mail.outbox[0].to == ["bonjour@oswego.example"]
    assert Lead.objects.get().person == person


def test_default_contact_email_setting_is_the_last_resort(client, contact_page, submit, settings):
    settings.DEFAULT_CONTACT_EMAIL = "leads@oswego.example"
    submit("/fr/contact/")
    assert mail.outbox[0].to == ["leads@oswego.example"]


def test_lead_without_any_address_is_kept_and_flagged(client, contact_page, submit, settings):
    settings.DEFAULT_CONTACT_EMAIL = ""
    response = submit("/fr/contact/")
    assert response.status_code == 302
    assert mail.outbox == []
    assert Lead.objects.get().notification_status == Lead.NotificationStatus.NO_RECIPIENT


def test_mail_server_down_loses_nothing_and_still_thanks_the_prospect(
    client, contact_page, person, submit, settings, caplog
):
    settings.EMAIL_TRANSPORT = "tests.contact.failing_email_backend.FailingEmailBackend"
    person.notification_email = "jamal.mossaddeq@oswego.example"
    person.save()
    response = submit(f"/en/contact/?person={person.pk}")
    assert response.status_code == 302
    assert response["Location"] == "/en/contact/thank-you/"
    lead = Lead.objects.get()
    # Jobs run at once in the tests: every attempt has been made, and the last one's error is kept.
    assert lead.notification_status == Lead.NotificationStatus.FAILED
    assert lead.notification_attempts == settings.TASKS_MAX_ATTEMPTS
    assert "Connection refused" in lead.notification_error
    assert f"Lead {lead.pk}: the notification e-mail could not be sent" in caplog.text


def test_errors_are_shown_in_french_on_the_french_page(client, contact_page, submit):
    response = submit("/fr/contact/", name="", email="pas-une-adresse")
    assert response.status_code == 200
    page = soup(response)
    summary = page.select_one(".form-errors")
    assert summary["role"] == "alert"
    assert summary.h2.get_text(strip=True) == "Votre message n’est pas encore parti"
    links = {a["href"]: a.get_text(strip=True) for a in summary.select("a")}
    assert links["#id_name"] == "Indiquez votre nom."
    assert links["#id_email"] == "Saisissez une adresse e-mail de la forme nom@entreprise.com."
    email = page.select_one("#id_email")
    assert email["aria-invalid"] == "true"
    assert "id_email_error" in email["aria-describedby"].split()
    assert page.select_one("#id_email_error").get_text(strip=True) == links["#id_email"]
    # What the prospect wrote is kept.
    assert page.select_one("#id_company")["value"] == PROSPECT["company"]
    assert page.select_one("#id_message").get_text(strip=True) == PROSPECT["message"]
    assert not Lead.objects.exists()


def test_errors_are_shown_in_english_on_the_english_page(client, contact_page, submit):
    response = submit("/en/contact/", company="", email="not-an-address")
    summary = soup(response).select_one(".form-errors")
    assert summary.h2.get_text(strip=True) == "Your message has not been sent yet"
    links = {a["href"]: a.get_text(strip=True) for a in summary.select("a")}
    assert links["#id_company"] == "Enter your company's name."
    assert links["#id_email"] == "Enter an e-mail address in the form name@company.com."
    assert not Lead.objects.exists()


@pytest.mark.parametrize(
    ("field", "length"), [("name", 121), ("company", 121), ("country", 81), ("message", 5001), ("email", 250)]
)
def test_overlong_answers_are_refused(client, contact_page, submit, field, length):
    value = "a" * length if field != "email" else "a" * length + "@example.com"
    response = submit("/en/contact/", **{field: value})
    assert response.status_code == 200
    assert "characters or fewer" in soup(response).select_one(f"#id_{field}_error").get_text()
    assert not Lead.objects.exists()


@pytest.mark.parametrize("value", ["999999", "abc", "99999999999999999999"])
def test_a_tampered_person_choice_is_an_inline_error(client, contact_page, person, submit, value):
    response = submit("/en/contact/", person=value)
    assert response.status_code == 200
    assert soup(response).select_one("#id_person_error") is not None
    assert not Lead.objects.exists()


def test_line_breaks_in_names_never_reach_the_mail_headers(client, contact_page, submit, settings):
    settings.DEFAULT_CONTACT_EMAIL = "leads@oswego.example"
    submit("/fr/contact/", name="Amina\r\nBcc: victim@example.com", company="Atlas\nTélécom")
    lead = Lead.objects.get()
    assert lead.name == "Amina Bcc: victim@example.com"
    assert "\n" not in mail.outbox[0].subject
    assert mail.outbox[0].bcc == []


def test_a_foreign_referrer_is_not_recorded(client, contact_page):
    page = client.get("/fr/contact/", HTTP_REFERER="https://elsewhere.example/fr/actualites/")
    client.post("/fr/contact/", fill(page))
    assert Lead.objects.get().source_path == ""


def test_a_forged_source_path_is_not_recorded(client, contact_page):
    client.post("/fr/contact/", fill(client.get("/fr/contact/"), source="https://evil.example/"))
    assert Lead.objects.get().source_path == ""


def test_lead_stays_readable_when_the_person_is_deleted(client, contact_page, people_index, submit):
    leaving = PersonPageFactory(parent=people_index, full_name="Claudia Jimenez")
    submit(f"/fr/contact/?person={leaving.pk}")
    leaving.delete()
    lead = Lead.objects.get()
    assert lead.person is None
    assert lead.person_name == "Claudia Jimenez"
