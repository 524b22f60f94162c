"""Site search in French and English: what a prospect types finds the right pages."""

import pytest
from django.core.management import call_command

from articles.factories import ArticlePageFactory
from search.models import SearchDocument
from search.templatetags.search_tags import highlight
from tests.helpers import soup

LAUNCH_FR = "Le Maghreb, territoire stratégique de l’expérience client"
LAUNCH_EN = "The Maghreb, a strategic territory for customer experience"


@pytest.fixture
def demo(db, tmp_path, settings):
    settings.VAR_DIR = tmp_path
    call_command("load_demo_content", no_admin=True, verbosity=0)


def titles(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    # The searched words are <mark>ed: read the title as a person does, spaces between words kept.
    return [" ".join(a.get_text().split()) for a in soup(response).select(".search-result__title a")]


def test_french_words_find_the_launch_article_in_any_form(client, demo):
    for word in ["expérience", "experience", "clients", "client", "EXPÉRIENCES"]:
        assert LAUNCH_FR in titles(client, "/fr/recherche/", q=word), word


def test_a_person_is_found_by_name(client, demo):
    found = titles(client, "/fr/recherche/", q="Mossaddeq")
    assert found[0] == "Jamal Mossaddeq"


def test_english_only_word_from_the_english_site(client, demo):
    assert LAUNCH_EN in titles(client, "/en/search/", q="strategic")


def test_english_word_from_the_french_site_shows_the_page_in_french(client, demo):
    found = titles(client, "/fr/recherche/", q="strategic")
    assert LAUNCH_FR in found
    assert LAUNCH_EN not in found


def test_french_word_from_the_english_site_shows_the_page_in_english(client, demo):
    found = titles(client, "/en/search/", q="territoire")
    assert LAUNCH_EN in found
    assert LAUNCH_FR not in found


def test_office_is_found_by_its_city(client, demo):
    assert "Casablanca" in titles(client, "/en/search/", q="Casablanca")


def test_a_word_in_no_page_finds_nothing(client, demo):
    response = client.get("/fr/recherche/", {"q": "zyxwvutsrq"})
    assert titles(client, "/fr/recherche/", q="zyxwvutsrq") == []
    assert "0 résultat" in soup(response).select_one(".search-summary").get_text()


def test_results_show_type_summary_and_date(client, demo):
    page = soup(client.get("/en/search/", {"q": "strategic"}))
    result = next(r for r in page.select(".search-result") if LAUNCH_EN in r.get_text())
    assert result.select_one(".search-result__type").get_text(strip=True) == "Article"
    assert result.select_one(".search-result__summary").get_text(strip=True)
    assert result.select_one("time.search-result__date").get_text() == "15 May 2025"
    assert result.select_one(".search-result__section").get_text(strip=True) == "News"


def test_searched_words_are_marked_in_titles_and_summaries_whatever_their_accents(client, demo):
    page = soup(client.get("/fr/recherche/", {"q": "experience client"}))
    result = next(r for r in page.select(".search-result") if LAUNCH_FR in r.get_text())
    assert [mark.get_text() for mark in result.select(".search-result__title mark")] == ["expérience", "client"]
    assert result.select(".search-result__summary mark")


def test_a_search_that_finds_nothing_offers_the_sections_of_the_site(client, demo):
    page = soup(client.get("/en/search/", {"q": "zyxwvutsrq"}))
    links = [a.get_text(strip=True) for a in page.select(".search-empty a")]
    # The main menu of the demo's site settings, in its order.
    assert links == ["Services", "Analyses", "News", "Leadership", "Offices", "Approach", "Contact"]


def test_search_pages_are_noindex_and_never_cached_publicly(client, demo):
    response = client.get("/fr/recherche/", {"q": "Maghreb"})
    assert soup(response).select_one('meta[name="robots"]')["content"] == "noindex"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


BAD_QUERIES = [
    "",
    "q=",
    "q=" + "a" * 10_000,
    'q="expérience',
    "q=client%20%26%20%7C%20!%20(%20)%20%3A*",
    "q=%00",
    "q=exp%00rience",
    "q=%FF%FE",
    "q=%27%3B%20DROP%20TABLE%20x%3B--",
    "q=Maghreb&page=abc",
    "q=Maghreb&page=999",
]


def test_bad_input_returns_a_normal_page(client, news_index):
    ArticlePageFactory(parent=news_index, title_fr="Expérience client au Maghreb", live=False).save_revision().publish()
    for raw_query in BAD_QUERIES:
        for path, heading in (("/fr/recherche/", "Recherche"), ("/en/search/", "Search")):
            response = client.get(f"{path}?{raw_query}")
            assert response.status_code == 200, raw_query
            assert soup(response).h1.get_text(strip=True) == heading


def test_header_search_box_leads_to_the_search_page_in_the_visitor_language(client, demo):
    for url, action in [("/fr/", "/fr/recherche/"), ("/en/", "/en/search/")]:
        form = soup(client.get(url)).select_one("header form[role=search]")
        assert form["action"] == action
        assert form.select_one("input[name=q]")["type"] == "search"


def test_index_follows_publish_unpublish_and_delete(client, news_index):
    article = ArticlePageFactory(parent=news_index, title_fr="Planification de charge", slug_fr="charge", live=False)
    article.save_revision().publish()
    article.refresh_from_db()
    assert titles(client, "/fr/recherche/", q="planification") == ["Planification de charge"]
    article.unpublish()
    assert titles(client, "/fr/recherche/", q="planification") == []
    article.save_revision().publish()
    article.refresh_from_db()
    assert titles(client, "/fr/recherche/", q="planification") == ["Planification de charge"]
    article.delete()
    assert titles(client, "/fr/recherche/", q="planification") == []
    assert not SearchDocument.objects.exists()


def test_missing_english_text_is_not_indexed(news_index):
    article = ArticlePageFactory(
        parent=news_index, title_fr="Seulement français", title_en="", standfirst_en="", body_en="[]", live=False
    )
    article.save_revision().publish()
    assert list(SearchDocument.objects.filter(page=article).values_list("language", flat=True)) == ["fr"]
    partly = ArticlePageFactory(parent=news_index, title_en="Half done", standfirst_en="", live=False)
    partly.save_revision().publish()
    english = SearchDocument.objects.get(page=partly, language="en")
    assert "None" not in english.text
    assert "Un chapeau en français" not in english.text


def test_results_are_paginated(client, news_index):
    for n in range(13):
        ArticlePageFactory(parent=news_index, title_fr=f"Nearshore {n}", live=False).save_revision().publish()
    first = soup(client.get("/fr/recherche/", {"q": "nearshore"}))
    assert len(first.select(".search-result")) == 10
    assert first.select_one(".pagination a[rel=next]")["href"] == "?q=nearshore&page=2"
    assert len(soup(client.get("/fr/recherche/", {"q": "nearshore", "page": 2})).select(".search-result")) == 3


def test_language_switcher_keeps_the_search_words(client, demo):
    french = soup(client.get("/fr/recherche/", {"q": "maghreb", "page": "2"}))
    english_link = french.select_one(".language-switcher a[hreflang=en]")
    assert english_link["href"] == "http://testserver/en/search/?q=maghreb"
    english = soup(client.get("/en/search/", {"q": "expérience client"}))
    french_link = english.select_one(".language-switcher a[hreflang=fr]")
    assert french_link["href"] == "http://testserver/fr/recherche/?q=exp%C3%A9rience+client"


def test_language_switcher_without_words_leads_to_the_bare_search_page(client, demo):
    page = soup(client.get("/fr/recherche/"))
    assert page.select_one(".language-switcher a[hreflang=en]")["href"] == "http://testserver/en/search/"


def test_highlight_escapes_what_it_does_not_mark():
    assert highlight("<b>Expérience</b> client & co", "experiences") == (
        "&lt;b&gt;<mark>Expérience</mark>&lt;/b&gt; client &amp; co"
    )
    assert highlight("AT&T", "amp") == "AT&amp;T"
