"""General pages (the approach, the legal and trust pages, a region) and the menus and footer editors set."""

import json

import pytest
from django.test import RequestFactory

from core.factories import GeneralPageFactory
from core.models import SiteSettings
from offices.factories import OfficePageFactory
from tests.helpers import hreflangs, soup


def body(*blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


@pytest.fixture
def approach(home):
    return GeneralPageFactory(
        parent=home,
        title_fr="Notre approche",
        title_en="Our approach",
        body_fr=body(("heading", {"text": "Le craft", "level": "h2"}), ("paragraph", "<p>Rigueur et précision.</p>")),
        body_en=body(("heading", {"text": "Craft", "level": "h2"}), ("paragraph", "<p>Rigour and precision.</p>")),
    )


@pytest.fixture
def legal_notice(home):
    return GeneralPageFactory(
        parent=home,
        title_fr="Mentions légales",
        title_en="Legal notice",
        body_fr=body(("legal_details", None)),
        body_en=body(("legal_details", None)),
    )


def graph(response):
    return json.loads(soup(response).select_one('script[type="application/ld+json"]').string)["@graph"]


def test_general_page_in_both_languages(client, approach):
    fr = soup(client.get("/fr/notre-approche/"))
    en = soup(client.get("/en/our-approach/"))
    assert (fr.h1.get_text(strip=True), fr.select_one("main h2").get_text(strip=True)) == ("Notre approche", "Le craft")
    assert (en.h1.get_text(strip=True), en.select_one("main h2").get_text(strip=True)) == ("Our approach", "Craft")
    assert "Rigour and precision." in en.get_text()


def test_general_page_is_a_web_page_with_breadcrumbs_and_its_translation(client, approach):
    response = client.get("/en/our-approach/")
    nodes = {node["@type"]: node for node in graph(response)}
    assert nodes["WebPage"]["name"] == "Our approach"
    assert nodes["WebPage"]["inLanguage"] == "en"
    assert [crumb["name"] for crumb in nodes["BreadcrumbList"]["itemListElement"]] == ["Home", "Our approach"]
    assert hreflangs(response)["fr"] == "http://testserver/fr/notre-approche/"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/en/our-approach/" in sitemap


def test_general_page_queries_do_not_grow_with_its_body(client, home, django_assert_max_num_queries):
    short = GeneralPageFactory(parent=home, title_fr="Court", body_fr=body(("paragraph", "<p>Un.</p>")))
    with django_assert_max_num_queries(30) as few:
        assert client.get(short.url).status_code == 200
    blocks = [("paragraph", f"<p>Paragraphe {n}.</p>") for n in range(30)] + [("legal_details", None)]
    long = GeneralPageFactory(parent=home, title_fr="Long", body_fr=body(*blocks))
    with django_assert_max_num_queries(len(few.captured_queries) + 1):  # the settings row, read once
        assert client.get(long.url).status_code == 200


def test_general_page_is_served_from_the_page_cache(client, approach, settings, django_assert_num_queries):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": True, "FRAGMENTS": True}
    assert client.get("/fr/notre-approche/")["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        assert client.get("/fr/notre-approche/")["X-Page-Cache"] == "hit"


def test_legal_notice_without_details_shows_readers_no_empty_heading(client, legal_notice):
    page = soup(client.get("/en/legal-notice/"))
    assert page.select("main h2") == []
    assert page.select_one(".legal-details, .editor-notice") is None


def test_legal_notice_shows_readers_only_the_filled_details(client, legal_notice):
    site_settings = SiteSettings.load()
    site_settings.publication_director = "Olivier Pellevoizin"
    site_settings.save()
    page = soup(client.get("/fr/mentions-legales/"))
    details = {item.dt.get_text(strip=True): item.dd.get_text(strip=True) for item in page.select(".facts__item")}
    assert details == {"Directeur ou directrice de la publication": "Olivier Pellevoizin"}
    assert page.select_one("main h2").get_text(strip=True) == "Éditeur et hébergeur"
    assert page.select_one(".editor-notice") is None


def test_legal_notice_preview_tells_the_editor_what_is_missing(legal_notice):
    request = RequestFactory().get("/")
    response = legal_notice.make_preview_request(request, "en")
    notice = soup(response).select_one(".editor-notice")
    assert [item.get_text(strip=True) for item in notice.select("li")] == [
        "Publisher",
        "Publication director",
        "Host",
        "Registered office",
    ]


# --- Menus and footer --------------------------------------------------------------------------------------------


def links(page_or_soup, selector):
    return [(a.get_text(strip=True), a["href"]) for a in page_or_soup.select(selector)]


def set_menus(**menus):
    navigation = SiteSettings.load()
    for field, pages in menus.items():
        setattr(
            navigation,
            field,
            json.dumps([{"type": "link", "value": {"page": page.pk, "label": label}} for page, label in pages]),
        )
    navigation.save()


def test_without_menu_settings_the_header_lists_the_pages_shown_in_menus(client, people_index, offices_index):
    page = soup(client.get("/fr/"))
    assert links(page, ".site-nav__link") == [
        ("Équipe dirigeante", "/fr/equipe-dirigeante/"),
        ("Implantations", "/fr/implantations/"),
    ]
    # Without footer columns, the footer repeats the main menu.
    assert links(page, ".site-footer__nav a") == links(page, ".site-nav__link")


def test_edited_main_menu_with_a_short_label_replaces_the_default(client, people_index, offices_index, approach):
    set_menus(main_menu_fr=[(offices_index, ""), (people_index, "Équipe"), (approach, "")])
    page = soup(client.get("/fr/"))
    assert [title for title, _url in links(page, ".site-nav__link")] == ["Implantations", "Équipe", "Notre approche"]


def test_an_empty_english_menu_repeats_the_french_pages_under_their_english_titles(client, people_index, approach):
    set_menus(main_menu_fr=[(people_index, "Équipe"), (approach, "")])
    page = soup(client.get("/en/"))
    assert links(page, ".site-nav__link") == [("Leadership", "/en/leadership/"), ("Our approach", "/en/our-approach/")]


def test_footer_shows_its_columns_with_headings_and_hides_unpublished_pages(client, approach, legal_notice, home):
    draft = GeneralPageFactory(parent=home, title_fr="Brouillon", live=False)
    set_menus(footer_firm_fr=[(approach, "")], footer_legal_fr=[(legal_notice, ""), (draft, "")])
    page = soup(client.get("/en/"))
    columns = {
        nav.h2.get_text(strip=True): [a.get_text(strip=True) for a in nav.select("a")]
        for nav in page.select(".site-footer__nav")
    }
    assert columns == {"The firm": ["Our approach"], "Legal": ["Legal notice"]}


def test_menus_cost_the_same_queries_whatever_their_length(client, home, people_index, django_assert_max_num_queries):
    pages = [GeneralPageFactory(parent=home, title_fr=f"Page {n}") for n in range(8)]
    set_menus(main_menu_fr=[(people_index, "")], footer_legal_fr=[(pages[0], "")])
    with django_assert_max_num_queries(30) as few:
        client.get("/fr/equipe-dirigeante/")
    set_menus(main_menu_fr=[(page, "") for page in pages], footer_legal_fr=[(page, "") for page in pages])
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/fr/equipe-dirigeante/").status_code == 200


# --- Regions served ----------------------------------------------------------------------------------------------


def test_office_index_lists_the_offices_first_then_the_regions(client, offices_index):
    GeneralPageFactory(
        parent=offices_index, title_fr="Afrique de l’Ouest", title_en="West Africa", slug_en="west-africa"
    )
    OfficePageFactory(parent=offices_index)  # added after the region: offices still come first
    page = soup(client.get("/en/offices/"))
    assert [title.get_text(strip=True) for title in page.select(".card__title")] == ["Casablanca", "West Africa"]
    assert "Serves: Morocco, Tunisia, Algeria, Mauritania" in page.select_one(".office-card").get_text(" ", strip=True)
    region = client.get("/en/offices/west-africa/")
    assert region.status_code == 200
    assert soup(region).h1.get_text(strip=True) == "West Africa"


def test_office_index_queries_do_not_grow_with_offices_and_regions(
    client, offices_index, django_assert_max_num_queries
):
    OfficePageFactory(parent=offices_index)
    GeneralPageFactory(parent=offices_index, title_fr="Afrique de l’Ouest")
    with django_assert_max_num_queries(30) as few:
        assert client.get("/fr/implantations/").status_code == 200
    for number in range(4):
        OfficePageFactory(parent=offices_index, title_fr=f"Ville {number}", title_en=f"City {number}", city="X")
        GeneralPageFactory(parent=offices_index, title_fr=f"Région {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/fr/implantations/").status_code == 200
