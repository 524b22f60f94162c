"""Case studies: proof of the services, an index hidden from readers, menus and the sitemap while it is empty."""

import json

import pytest
from django.core.exceptions import ValidationError

from services.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory, ServiceIndexPageFactory
from tests.helpers import hreflangs, soup

INDEX_FR = "/fr/references/"
INDEX_EN = "/en/case-studies/"


@pytest.fixture
def case_studies_index(home):
    return CaseStudyIndexPageFactory(parent=home, slug_fr="references", slug_en="case-studies")


def make_case_study(index, **fields):
    figures = [{"type": "key_figures", "value": {"figures": [{"value": "−40 %", "label": "Attente", "source": ""}]}}]
    defaults = {
        "title_fr": "Un centre de contact restructuré",
        "title_en": "A contact centre restructured",
        "results_fr": json.dumps(figures),
        "results_en": json.dumps(figures),
        "quote_fr": "Nos clients attendent moins.",
        "quote_en": "Our customers wait less.",
        "quote_role_fr": "Directrice de la relation client",
        "quote_role_en": "Head of customer care",
    }
    return CaseStudyPageFactory(parent=index, **{**defaults, **fields})


def menu_titles(response):
    return [link.get_text(strip=True) for link in soup(response).select("header nav a")]


def test_an_empty_index_is_not_found_and_hidden_from_menus_and_sitemap(client, case_studies_index):
    assert client.get(INDEX_FR).status_code == 404
    assert client.get(INDEX_EN).status_code == 404
    assert "Références" not in menu_titles(client.get("/fr/"))
    assert "/fr/references/" not in client.get("/sitemap.xml").content.decode()


def test_an_index_with_a_live_case_study_is_listed_in_menus_and_sitemap(client, case_studies_index):
    make_case_study(case_studies_index)
    response = client.get(INDEX_EN)
    assert response.status_code == 200
    cards = soup(response).select(".case-study-card")
    assert [card.select_one(".card__title").get_text(strip=True) for card in cards] == ["A contact centre restructured"]
    assert "Telecoms · Morocco" in cards[0].get_text()
    assert "Case studies" in menu_titles(client.get("/en/"))
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/fr/references/" in sitemap and "http://testserver/en/case-studies/" in sitemap


def test_publishing_the_first_case_study_shows_the_index_in_the_cached_menu(client, case_studies_index):
    assert "Références" not in menu_titles(client.get("/fr/"))
    study = make_case_study(case_studies_index, live=False)
    study.save_revision().publish()
    assert "Références" in menu_titles(client.get("/fr/"))
    study.refresh_from_db()
    study.unpublish()
    assert "Références" not in menu_titles(client.get("/fr/"))


def test_an_unpublished_case_study_does_not_fill_the_index(client, case_studies_index):
    make_case_study(case_studies_index, live=False)
    assert client.get(INDEX_FR).status_code == 404


def test_case_study_page_in_both_languages(client, case_studies_index):
    make_case_study(case_studies_index)
    french = client.get("/fr/references/un-centre-de-contact-restructure/")
    page = soup(french)
    assert page.h1.get_text(strip=True) == "Un centre de contact restructuré"
    assert [h2.get_text(strip=True) for h2 in page.select("main h2")][:2] == ["Le défi", "Résultats"]
    assert "Directrice de la relation client" in page.select_one(".pull-quote__speaker").get_text()
    assert page.select_one(".pull-quote__name") is None  # anonymised: a role, no name
    english = client.get("/en/case-studies/a-contact-centre-restructured/")
    assert "Head of customer care" in soup(english).get_text()
    assert hreflangs(english)["fr"] == "http://testserver/fr/references/un-centre-de-contact-restructure/"


def test_case_study_json_ld_is_an_article_about_its_service(client, home, case_studies_index):
    services = ServiceIndexPageFactory(parent=home, slug_fr="nos-offres", slug_en="services")
    from services.factories import ServicePageFactory

    service = ServicePageFactory(parent=services, title_fr="Nearshore", title_en="Nearshore")
    make_case_study(case_studies_index, service=service)
    response = client.get("/en/case-studies/a-contact-centre-restructured/")
    nodes = [json.loads(tag.string) for tag in soup(response).select('script[type="application/ld+json"]')]
    graph = [node for data in nodes for node in data.get("@graph", [data])]
    article = next(node for node in graph if node.get("@type") == "Article")
    assert article["about"]["@type"] == "Service"
    assert article["contentLocation"]["name"] == "Morocco"
    assert any(node.get("@type") == "BreadcrumbList" for node in graph)
    # The service page lists the case study.
    service_page = soup(client.get("/en/services/nearshore/"))
    assert "A contact centre restructured" in service_page.select_one("#service-case-studies-title").parent.get_text()


def test_a_quote_needs_a_name_or_a_role(case_studies_index):
    study = make_case_study(case_studies_index)
    study.quote_role_fr = study.quote_role_en = ""
    with pytest.raises(ValidationError):
        study.full_clean()


def test_queries_do_not_grow_with_case_studies(client, case_studies_index, django_assert_max_num_queries):
    make_case_study(case_studies_index)
    with django_assert_max_num_queries(40) as few:
        assert client.get(INDEX_FR).status_code == 200
    for number in range(6):
        make_case_study(case_studies_index, title_fr=f"Étude {number}", title_en=f"Study {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(INDEX_FR).status_code == 200


def test_case_study_page_queries_stay_bounded(client, case_studies_index, django_assert_max_num_queries):
    make_case_study(case_studies_index)
    with django_assert_max_num_queries(40):
        assert client.get("/fr/references/un-centre-de-contact-restructure/").status_code == 200
