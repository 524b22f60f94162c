"""Services: what the firm sells, in both languages, each page ending on a named person to write to."""

import json

import pytest
from django.core.exceptions import ValidationError

from articles.factories import ArticlePageFactory
from contact.factories import ContactPageFactory
from people.factories import PersonPageFactory
from services.factories import ServiceIndexPageFactory, ServicePageFactory
from services.models import ServiceArticle, ServicePerson
from tests.helpers import hreflangs, soup

SERVICE_FR = "/fr/nos-offres/nearshore-au-maghreb/"
SERVICE_EN = "/en/services/nearshore-in-the-maghreb/"


@pytest.fixture
def services_index(home):
    return ServiceIndexPageFactory(parent=home, slug_fr="nos-offres", slug_en="services")


def make_service(services_index, **fields):
    figure = {"value": "+3,9 %", "label": "Croissance", "source": ""}
    figures = [{"type": "key_figures", "value": {"figures": [figure]}}]
    defaults = {
        "title_fr": "Nearshore au Maghreb",
        "title_en": "Nearshore in the Maghreb",
        "what_we_do_fr": json.dumps([{"type": "paragraph", "value": "<p>Sécuriser les opérations.</p>"}]),
        "what_we_do_en": json.dumps([{"type": "paragraph", "value": "<p>Secure the operations.</p>"}]),
        "how_we_work_fr": json.dumps([{"type": "paragraph", "value": "<p>Le craft.</p>"}]),
        "how_we_work_en": json.dumps([{"type": "paragraph", "value": "<p>Craft.</p>"}]),
        "key_figures_fr": json.dumps(figures),
        "key_figures_en": json.dumps(figures),
    }
    return ServicePageFactory(parent=services_index, **{**defaults, **fields})


@pytest.fixture
def service(services_index, person):
    return make_service(services_index, contact_person=person, contact_text_fr="Jamal vous répond.")


def section_titles(page):
    return [h2.get_text(strip=True) for h2 in page.select("main h2")]


def test_service_page_in_french_reads_top_to_bottom(client, service):
    page = soup(client.get(SERVICE_FR))
    assert page.h1.get_text(strip=True) == "Nearshore au Maghreb"
    assert "Des opérations client structurées." in page.select_one(".page-header__intro").get_text()
    assert section_titles(page)[:4] == ["Pour qui", "Ce que nous faisons", "Chiffres clés", "Notre façon de travailler"]
    assert "+3,9" in page.select_one(".key-figure__value").get_text()


def test_service_page_in_english(client, service):
    page = soup(client.get(SERVICE_EN))
    assert page.h1.get_text(strip=True) == "Nearshore in the Maghreb"
    assert section_titles(page)[:4] == ["For whom", "What we do", "Key figures", "How we work"]
    assert "Secure the operations." in page.get_text()


def test_call_to_action_opens_the_contact_form_with_the_person_chosen(client, service, person, home):
    ContactPageFactory(parent=home)
    page = soup(client.get(SERVICE_EN))
    button = page.select_one(".contact-band a.button")
    assert button.get_text(strip=True) == "Write to Jamal Mossaddeq"
    assert button["href"].endswith(f"?person={person.pk}")


def test_without_a_person_the_page_ends_without_a_call_to_action(client, services_index):
    make_service(services_index)
    response = client.get(SERVICE_FR)
    assert response.status_code == 200
    assert soup(response).select_one(".contact-band") is None


def test_empty_sections_leave_no_empty_heading(client, services_index):
    ServicePageFactory(parent=services_index, title_fr="Offre", title_en="Offer", for_whom_fr="", for_whom_en="")
    page = soup(client.get("/en/services/offer/"))
    assert section_titles(page) == []


def test_related_people_and_articles_are_shown_and_unpublished_ones_hidden(client, service, people_index, news_index):
    claudia = PersonPageFactory(parent=people_index, full_name="Claudia Jimenez")
    gone = PersonPageFactory(parent=people_index, full_name="Ancien Associé", live=False)
    article = ArticlePageFactory(parent=news_index, title_fr="L’annonce", title_en="The announcement")
    service.related_people = [ServicePerson(person=claudia), ServicePerson(person=gone)]
    service.related_articles = [ServiceArticle(article=article)]
    service.save_revision().publish()
    page = soup(client.get(SERVICE_EN))
    assert [card.get_text(strip=True) for card in page.select(".person-card .card__title")] == ["Claudia Jimenez"]
    assert [link.get_text(strip=True) for link in page.select(".link-list a")] == ["The announcement"]


def test_queries_do_not_grow_with_related_people_and_articles(
    client, service, people_index, news_index, django_assert_max_num_queries
):
    def add(count):
        for number in range(count):
            person = PersonPageFactory(parent=people_index)
            article = ArticlePageFactory(parent=news_index, title_fr=f"Article {number} {person.pk}")
            service.related_people.add(ServicePerson(person=person))
            service.related_articles.add(ServiceArticle(article=article))
        service.save_revision().publish()

    add(1)
    with django_assert_max_num_queries(40) as few:
        assert client.get(SERVICE_FR).status_code == 200
    add(6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(SERVICE_FR).status_code == 200


def test_index_lists_the_services_in_the_editors_order(client, services_index):
    make_service(services_index)
    ServicePageFactory(parent=services_index, title_fr="Structurer", title_en="Structuring")
    page = soup(client.get("/en/services/"))
    titles = [title.get_text(strip=True) for title in page.select(".service-card .card__title")]
    assert titles == ["Nearshore in the Maghreb", "Structuring"]


def test_index_queries_do_not_grow_with_services(client, services_index, django_assert_max_num_queries):
    make_service(services_index)
    with django_assert_max_num_queries(30) as few:
        client.get("/fr/nos-offres/")
    for number in range(5):
        ServicePageFactory(parent=services_index, title_fr=f"Offre {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/fr/nos-offres/").status_code == 200


def test_service_says_what_it_is_to_search_engines(client, service):
    page = soup(client.get(SERVICE_EN))
    graph = json.loads(page.select_one('script[type="application/ld+json"]').string)["@graph"]
    node = next(item for item in graph if item["@type"] == "Service")
    assert node["name"] == "Nearshore in the Maghreb"
    assert node["url"] == f"http://testserver{SERVICE_EN}"
    assert node["provider"] == {"@id": "http://testserver/#organization"}
    assert [area["name"] for area in node["areaServed"]] == ["Morocco", "Tunisia"]
    crumbs = next(item for item in graph if item["@type"] == "BreadcrumbList")["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["Home", "Services", "Nearshore in the Maghreb"]


def test_service_links_to_its_translation_and_is_in_the_sitemap(client, service):
    assert hreflangs(client.get(SERVICE_FR))["en"] == f"http://testserver{SERVICE_EN}"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{SERVICE_FR}" in sitemap and f"http://testserver{SERVICE_EN}" in sitemap


def test_second_visit_is_served_from_the_page_cache(client, service, settings, django_assert_num_queries):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": True, "FRAGMENTS": True}
    for url in (SERVICE_FR, "/en/services/"):
        assert client.get(url)["X-Page-Cache"] == "miss"
        with django_assert_num_queries(0):
            assert client.get(url)["X-Page-Cache"] == "hit"


def test_a_call_to_action_text_needs_a_person(services_index):
    page = ServicePageFactory.build(title_fr="Offre", contact_text_fr="Écrivez-nous.", contact_person=None)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "contact_person" in error.value.message_dict
