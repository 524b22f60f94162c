"""Search under load: one address cannot monopolise it, and identical searches are answered from the cache."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.factories import ArticlePageFactory
from tests.helpers import soup


@pytest.fixture
def article(news_index):
    page = ArticlePageFactory(parent=news_index, title_fr="Centre de relation client à Tanger", live=False)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def result_titles(response):
    # Highlighted words are <mark>s inside the title: read it as a reader sees it.
    return [" ".join(a.get_text().split()) for a in soup(response).select(".search-result__title a")]


def search_queries(queries):
    return [query["sql"] for query in queries if "sitesearch_searchdocument" in query["sql"]]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/en/search/", "Too many searches from your connection in a short time."),
        ("/fr/recherche/", "Trop de recherches depuis votre connexion en peu de temps."),
    ],
)
def test_too_many_searches_from_one_address_get_a_429_page_in_the_visitors_language(
    client, article, settings, url, message
):
    settings.SEARCH_RATE_LIMIT = "3/m"
    for _ in range(3):
        assert client.get(url, {"q": "relation"}, REMOTE_ADDR="198.51.100.4").status_code == 200
    response = client.get(url, {"q": "relation"}, REMOTE_ADDR="198.51.100.4")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert message in soup(response).select_one("[role=alert]").get_text(" ", strip=True)
    assert "no-store" in response["Cache-Control"]
    # Someone else searches as usual; the search page without a query is never limited.
    assert client.get(url, {"q": "relation"}, REMOTE_ADDR="198.51.100.5").status_code == 200
    assert client.get(url, REMOTE_ADDR="198.51.100.4").status_code == 200


def test_an_identical_search_is_answered_without_searching_again(client, article):
    with CaptureQueriesContext(connection) as first:
        assert result_titles(client.get("/fr/recherche/", {"q": "relation client"})) == [article.title_fr]
    with CaptureQueriesContext(connection) as second:
        assert result_titles(client.get("/fr/recherche/", {"q": "relation client"})) == [article.title_fr]
    assert search_queries(first.captured_queries)
    assert search_queries(second.captured_queries) == []


def test_a_page_published_since_is_found_at_once(client, article, news_index):
    assert result_titles(client.get("/fr/recherche/", {"q": "Tanger"})) == [article.title_fr]
    other = ArticlePageFactory(parent=news_index, title_fr="Un second site à Tanger", live=False)
    other.save_revision().publish()
    assert sorted(result_titles(client.get("/fr/recherche/", {"q": "Tanger"}))) == sorted(
        [article.title_fr, other.title_fr]
    )


def test_an_unpublished_page_leaves_cached_results_at_once(client, article):
    assert result_titles(client.get("/fr/recherche/", {"q": "Tanger"})) == [article.title_fr]
    article.unpublish()
    assert result_titles(client.get("/fr/recherche/", {"q": "Tanger"})) == []
