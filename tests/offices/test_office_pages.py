"""Offices: where the firm works, in both languages, with nothing shown that is not known."""

import importlib.util
import json
from pathlib import Path

from articles.factories import ArticlePageFactory
from offices.factories import OfficePageFactory
from tests.helpers import soup


def facts(page):
    return {item.dt.get_text(strip=True): item.dd.get_text(" ", strip=True) for item in page.select(".facts__item")}


def test_office_page_in_french(client, office):
    page = soup(client.get("/fr/implantations/casablanca/"))
    assert page.h1.get_text(strip=True) == "Casablanca"
    assert page.select_one(".office__country").get_text(strip=True) == "Maroc"
    assert facts(page) == {"Ouverture": "mai 2025", "Pays couverts": "Maroc Tunisie Algérie Mauritanie"}


def test_office_page_in_english(client, office):
    page = soup(client.get("/en/offices/casablanca/"))
    assert page.select_one(".office__country").get_text(strip=True) == "Morocco"
    assert facts(page) == {"Opened": "May 2025", "Countries served": "Morocco Tunisia Algeria Mauritania"}


def test_missing_optional_fields_leave_no_empty_labels(client, offices_index):
    OfficePageFactory(
        parent=offices_index,
        title_fr="Dakar",
        title_en="Dakar",
        city="Dakar",
        opened_on=None,
        countries_served_fr="",
        countries_served_en="",
        introduction_fr="",
        introduction_en="",
    )
    response = client.get("/en/offices/dakar/")
    assert response.status_code == 200
    page = soup(response)
    assert page.select(".facts__item") == []
    assert page.select_one(".partner") is None
    for label in ("Address", "Phone", "Map", "Our partner", "Who works here"):
        assert label not in page.get_text()


def test_address_phone_and_partner_are_shown_when_known(client, offices_index):
    OfficePageFactory(
        parent=offices_index,
        title_fr="Tunis",
        title_en="Tunis",
        city="Tunis",
        street_address="1 rue Exemple",
        phone="+216 00 000 000",
        latitude="36.8",
        longitude="10.18",
        partner_name="Cabinet Partenaire",
        partner_description_en="A partner firm.",
        partner_url="https://partner.example",
    )
    page = soup(client.get("/en/offices/tunis/"))
    shown = facts(page)
    assert shown["Address"] == "1 rue Exemple"
    assert page.select_one('a[href="tel:+21600000000"]') is not None
    assert page.select_one('a[href^="geo:36.8"]') is not None
    assert page.select_one(".partner a")["href"] == "https://partner.example"


def test_office_lists_its_people_and_its_articles(client, person, office, news_index):
    ArticlePageFactory(parent=news_index, title_en="Opening in Casablanca", authors=[person], offices=[office])
    page = soup(client.get("/en/offices/casablanca/"))
    assert [a.get_text(strip=True) for a in page.select(".person-card .card__title a")] == ["Jamal Mossaddeq"]
    assert page.select_one(".person-card a")["href"] == "/en/leadership/jamal-mossaddeq/"
    assert [a.get_text(strip=True) for a in page.select("#office-articles-title ~ ul a")] == ["Opening in Casablanca"]


def test_office_index_lists_offices_in_each_language(client, office):
    fr = soup(client.get("/fr/implantations/"))
    en = soup(client.get("/en/offices/"))
    assert fr.select_one(".office-card__country").get_text(strip=True) == "Maroc"
    assert en.select_one(".office-card__country").get_text(strip=True) == "Morocco"
    assert en.select_one(".office-card a")["href"] == "/en/offices/casablanca/"


def test_office_page_query_count_does_not_grow_with_people_and_articles(
    client, person, office, news_index, django_assert_max_num_queries
):
    from people.factories import PersonPageFactory

    ArticlePageFactory(parent=news_index, authors=[person], offices=[office])
    client.get("/fr/implantations/casablanca/")
    with django_assert_max_num_queries(16) as few:
        client.get("/fr/implantations/casablanca/")
    for n in range(6):
        PersonPageFactory(parent=person.get_parent(), full_name=f"Personne Trois{n}", office=office)
        ArticlePageFactory(parent=news_index, authors=[person], offices=[office])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/fr/implantations/casablanca/")


def test_office_shows_its_region_map_in_the_readers_language_with_a_text_alternative(client, offices_index):
    OfficePageFactory(parent=offices_index, region_map="maghreb")
    for url, svg, words in [
        ("/fr/implantations/casablanca/", "maghreb.fr.svg", "Carte du Maghreb"),
        ("/en/offices/casablanca/", "maghreb.en.svg", "Map of the Maghreb"),
    ]:
        img = soup(client.get(url)).select_one(".region-map img")
        assert img["src"].endswith(svg)
        assert img["alt"].startswith(words)
        assert img["width"] and img["height"] and img["loading"] == "lazy"


def test_office_without_a_region_map_shows_none(client, office):
    assert not soup(client.get("/fr/implantations/casablanca/")).select(".region-map")


def test_the_map_files_are_the_drawing_of_the_committed_extract():
    # bin/maghreb_map.py draw, run again, writes the very files the site serves: nobody edited them by hand.
    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("maghreb_map", root / "bin" / "maghreb_map.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    rings = json.loads(script.EXTRACT.read_text())["rings"]
    for language in ("fr", "en"):
        assert (root / "static" / "images" / "maps" / f"maghreb.{language}.svg").read_text() == script.draw_svg(
            rings, language
        )
