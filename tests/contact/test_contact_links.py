"""Every “contact this person” button leads to the contact form with that person already chosen."""

from core.models import SiteSettings
from tests.helpers import soup

PERSON_FR = "/fr/equipe-dirigeante/jamal-mossaddeq/"


def test_person_page_button_opens_the_form_addressed_to_them(client, contact_page, person):
    button = soup(client.get(PERSON_FR)).select_one(".person__actions a.button")
    assert button.get_text(strip=True) == "Contacter Jamal Mossaddeq"
    assert button["href"] == f"/fr/contact/?person={person.pk}"
    form_page = soup(client.get(button["href"]))
    assert (
        form_page.select_one("select[name=person] option[selected]").get_text(strip=True).startswith("Jamal Mossaddeq")
    )


def test_english_person_page_opens_the_english_form(client, contact_page, person):
    button = soup(client.get("/en/leadership/jamal-mossaddeq/")).select_one(".person__actions a.button")
    assert button["href"] == f"/en/contact/?person={person.pk}"


def test_without_a_contact_page_the_person_page_offers_the_public_address(client, person):
    site_settings = SiteSettings.load()
    site_settings.contact_email = "bonjour@oswego.example"
    site_settings.save()
    button = soup(client.get(PERSON_FR)).select_one(".person__actions a.button")
    assert button["href"] == "mailto:bonjour@oswego.example"


def test_unpublished_contact_page_is_not_linked(client, contact_page, person):
    contact_page.unpublish()
    assert soup(client.get(PERSON_FR)).select_one(".person__actions a.button") is None
