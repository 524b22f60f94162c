"""Analyses: articles of that kind keep their address under the news and get their own listing and feed."""

import pytest
from defusedxml import ElementTree as ET

from articles.factories import AnalysisIndexPageFactory, ArticlePageFactory
from articles.models import ArticlePage
from tests.helpers import hreflangs, soup


@pytest.fixture
def analyses_index(home):
    return AnalysisIndexPageFactory(parent=home, slug_fr="analyses", slug_en="analyses")


@pytest.fixture
def analysis(news_index, person):
    return ArticlePageFactory(
        parent=news_index,
        title_fr="Le Maghreb, territoire stratégique",
        title_en="The Maghreb, a strategic territory",
        slug_fr="le-maghreb",
        slug_en="the-maghreb",
        kind=ArticlePage.Kind.ANALYSIS,
        authors=[person],
    )


def card_titles(response):
    return [title.get_text(strip=True) for title in soup(response).select(".card__title")]


def test_analyses_listing_shows_analyses_only_in_both_languages(client, analyses_index, analysis, news_index):
    ArticlePageFactory(parent=news_index, title_fr="Une nouvelle", title_en="A piece of news")
    french = client.get("/fr/analyses/")
    assert card_titles(french) == ["Le Maghreb, territoire stratégique"]
    english = client.get("/en/analyses/")
    assert card_titles(english) == ["The Maghreb, a strategic territory"]
    assert hreflangs(english)["fr"] == "http://testserver/fr/analyses/"


def test_an_analysis_keeps_its_address_under_the_news(client, analysis):
    assert client.get("/fr/actualites/le-maghreb/").status_code == 200
    assert client.get("/en/news/the-maghreb/").status_code == 200


def test_the_news_still_lists_the_analyses(client, analysis):
    assert "Le Maghreb, territoire stratégique" in card_titles(client.get("/fr/actualites/"))


@pytest.mark.parametrize(
    ("lang", "title", "link"),
    [
        ("fr", "Le Maghreb, territoire stratégique", "http://testserver/fr/actualites/le-maghreb/"),
        ("en", "The Maghreb, a strategic territory", "http://testserver/en/news/the-maghreb/"),
    ],
)
def test_analyses_feed_per_language(client, analyses_index, analysis, news_index, lang, title, link):
    ArticlePageFactory(parent=news_index, title_fr="Une nouvelle", title_en="A piece of news")
    response = client.get(f"/{lang}/analyses.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == lang
    assert [item.findtext("title") for item in channel.findall("item")] == [title]
    assert channel.find("item").findtext("link") == link


def test_analyses_listing_advertises_its_feed(client, analyses_index):
    links = soup(client.get("/en/analyses/")).select('link[type="application/rss+xml"]')
    assert "/en/analyses.xml" in [link["href"] for link in links]


def test_a_bad_page_number_is_not_found(client, analyses_index):
    assert client.get("/fr/analyses/?page=abc").status_code == 404
    assert client.get("/fr/analyses/?page=9").status_code == 404


def test_analyses_listing_queries_do_not_grow(
    client, analyses_index, news_index, person, django_assert_max_num_queries
):
    ArticlePageFactory(parent=news_index, kind=ArticlePage.Kind.ANALYSIS, authors=[person])
    with django_assert_max_num_queries(40) as few:
        assert client.get("/fr/analyses/").status_code == 200
    for _number in range(6):
        ArticlePageFactory(parent=news_index, kind=ArticlePage.Kind.ANALYSIS, authors=[person])
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/fr/analyses/").status_code == 200
