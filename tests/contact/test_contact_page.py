"""The contact page a prospect opens: in their language, with the person they chose."""

import pytest
from django.test import Client

from contact.factories import ContactPageFactory
from people.factories import PersonPageFactory
from tests.helpers import hreflangs, soup


def test_contact_page_is_served_in_french_and_english(client, contact_page):
    fr = soup(client.get("/fr/contact/"))
    en = soup(client.get("/en/contact/"))
    assert fr.html["lang"] == "fr"
    assert fr.h1.get_text(strip=True) == "Contact"
    assert fr.select_one(".page-header__intro").get_text() == "Parlez-nous de votre projet."
    assert fr.select_one('label[for="id_email"]').get_text(strip=True) == "E-mail professionnel"
    assert fr.select_one(".contact-form button").get_text(strip=True) == "Envoyer mon message"
    assert en.html["lang"] == "en"
    assert en.select_one(".page-header__intro").get_text() == "Tell us about your project."
    assert en.select_one('label[for="id_email"]').get_text(strip=True) == "Work e-mail"


def test_form_asks_for_everything_a_reply_needs(client, contact_page, person):
    form = soup(client.get("/en/contact/")).select_one("form.contact-form")
    assert form["method"] == "post"
    # No CSRF token (it needs a cookie): the signed, address-bound stamp stands in for it.
    assert form.select_one('input[name="csrfmiddlewaretoken"]') is None
    assert form.select_one('input[name="stamp"]')["value"]
    autocomplete = {field["name"]: field.get("autocomplete") for field in form.select("input[name], textarea[name]")}
    assert autocomplete["name"] == "name"
    assert autocomplete["email"] == "email"
    assert autocomplete["company"] == "organization"
    assert autocomplete["country"] == "country-name"
    assert form.select_one("textarea[name=message]")["maxlength"] == "5000"
    for field in form.select(".form-field input, .form-field select, .form-field textarea"):
        assert form.select_one(f'label[for="{field["id"]}"]') is not None
    options = [option.get_text(strip=True) for option in form.select("select[name=person] option")]
    assert options == ["No one in particular", "Jamal Mossaddeq — Partner"]


def test_person_chosen_by_the_link_is_selected_and_named(client, contact_page, person):
    fr = soup(client.get(f"/fr/contact/?person={person.pk}"))
    recipient = fr.select_one(".contact-recipient strong").get_text(strip=True)
    assert recipient == "Votre message sera adressé à Jamal Mossaddeq"
    assert fr.select_one("select[name=person] option[selected]")["value"] == str(person.pk)
    en = soup(client.get(f"/en/contact/?person={person.pk}"))
    assert "Your message goes to Jamal Mossaddeq" in en.select_one(".contact-recipient").get_text(" ", strip=True)
    assert "Partner, OswegO" in en.select_one(".contact-recipient").get_text()


def test_without_a_person_nobody_is_named_and_no_one_in_particular_is_selected(client, contact_page, person):
    page = soup(client.get("/fr/contact/"))
    assert page.select_one(".contact-recipient") is None
    assert page.select_one("select[name=person] option[selected]")["value"] == ""


@pytest.mark.parametrize("value", ["abc", "-1", "0", "999999", "1.5", "９", "99999999999999999999", "%00", "1;2", ""])
def test_unknown_or_malformed_person_is_ignored(client, contact_page, person, value):
    response = client.get("/fr/contact/", {"person": value})
    assert response.status_code == 200
    assert soup(response).select_one(".contact-recipient") is None


def test_unpublished_person_is_not_offered(client, contact_page, people_index):
    gone = PersonPageFactory(parent=people_index, full_name="Ancien Associé", live=False)
    page = soup(client.get(f"/fr/contact/?person={gone.pk}"))
    assert page.select_one(".contact-recipient") is None
    assert "Ancien Associé" not in page.select_one("select[name=person]").get_text()


def test_language_switch_keeps_the_chosen_person(client, contact_page, person):
    page = soup(client.get(f"/fr/contact/?person={person.pk}"))
    english = page.select_one('.language-switcher a[hreflang="en"], .language-switcher a[lang="en"]')
    assert english["href"].endswith(f"/en/contact/?person={person.pk}")


def test_each_language_has_its_own_contact_address(client, contact_page):
    assert hreflangs(client.get("/fr/contact/"))["en"] == "http://testserver/en/contact/"


def test_contact_page_is_never_cached(client, contact_page):
    assert "no-store" in client.get("/fr/contact/")["Cache-Control"]


def test_thank_you_page_has_its_own_address_in_each_language(client, contact_page):
    fr = client.get("/fr/contact/merci/")
    en = client.get("/en/contact/thank-you/")
    assert fr.status_code == en.status_code == 200
    assert soup(fr).h1.get_text(strip=True) == "Merci, votre message est bien parti"
    assert soup(en).h1.get_text(strip=True) == "Thank you, your message is on its way"
    assert soup(en).select_one('meta[name="robots"]')["content"] == "noindex"
    assert client.get("/en/contact/merci/").status_code == 404
    assert client.get("/fr/contact/thank-you/").status_code == 404


def test_contact_page_is_reached_from_the_menu(client, contact_page, news_index):
    links = [a["href"] for a in soup(client.get("/en/")).select(".site-nav a")]
    assert "/en/contact/" in links


def test_unpublished_contact_page_is_not_served(client, home):
    ContactPageFactory(parent=home, live=False)
    assert client.get("/fr/contact/").status_code == 404
    assert client.get("/fr/contact/merci/").status_code == 404


def test_only_get_and_post_are_answered(contact_page):
    assert Client().put("/fr/contact/").status_code == 405


def test_contact_page_costs_a_bounded_number_of_queries(
    client, contact_page, person, people_index, django_assert_max_num_queries
):
    # However many people can be chosen.
    PersonPageFactory.create_batch(5, parent=people_index)
    url = f"/fr/contact/?person={person.pk}"
    client.get(url)
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200


def test_thank_you_page_costs_a_bounded_number_of_queries(client, contact_page, django_assert_max_num_queries):
    client.get("/en/contact/thank-you/")
    with django_assert_max_num_queries(12):
        assert client.get("/en/contact/thank-you/").status_code == 200


def test_editor_previews_the_thank_you_page(contact_page):
    response = contact_page.make_preview_request(preview_mode="thank-you")
    assert response.status_code == 200
    assert soup(response.render()).h1.get_text(strip=True) == "Merci, votre message est bien parti"


def test_editor_previews_the_form_with_its_consent_box(contact_page):
    response = contact_page.make_preview_request(preview_mode="")
    assert response.status_code == 200
    page = soup(response.render())
    assert page.select_one("form.contact-form input[name=consent]") is not None


def test_the_people_are_listed_in_one_plain_query(client, contact_page, person, people_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    PersonPageFactory(parent=people_index, full_name="Claudia Jimenez", role_en="Vice-President Maghreb")
    client.get("/en/contact/")
    with CaptureQueriesContext(connection) as queries:
        page = soup(client.get("/en/contact/"))
    options = [option.get_text(strip=True) for option in page.select("select[name=person] option")]
    assert options == ["No one in particular", "Jamal Mossaddeq — Partner", "Claudia Jimenez — Vice-President Maghreb"]
    # One query lists the people for the choices, in one plain read: no server-side cursor.
    listing = [query["sql"] for query in queries.captured_queries if 'FROM "people_personpage"' in query["sql"]]
    assert len(listing) == 1
    assert not [query for query in queries.captured_queries if query["sql"].startswith("DECLARE")]
