"""The page cache keys a page on the query parameters it declares, and only those: made-up query strings, tracking
parameters and unknown pages never multiply entries or renders."""

import gzip

import brotli
from django.core.cache import cache

from tests.helpers import soup

from .conftest import ARTICLE_FR


def test_a_flood_of_made_up_query_strings_makes_one_entry_rendered_once(
    client, home, page_entries, django_assert_num_queries
):
    first = client.get("/fr/?x=1")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        for number in range(2, 1001):
            response = client.get(f"/fr/?x={number}")
            assert response["X-Page-Cache"] == "hit"
            assert not response.templates  # nothing rendered
            assert response.content == first.content
    assert len(page_entries()) == 1
    assert client.get("/fr/")["X-Page-Cache"] == "hit"


def test_tracking_parameters_are_served_the_page_without_them(client, article, page_entries):
    bare = client.get(ARTICLE_FR)
    for query in ("utm_source=newsletter&utm_medium=email", "fbclid=IwAR0abc", "gclid=Cj0KCQ", "mc_cid=1&mc_eid=2"):
        response = client.get(f"{ARTICLE_FR}?{query}")
        assert response["X-Page-Cache"] == "hit", query
        assert response.content == bare.content
    assert len(page_entries()) == 1


def test_the_canonical_link_of_a_tracked_url_is_the_bare_url(client, article):
    client.get(ARTICLE_FR)
    tracked = client.get(f"{ARTICLE_FR}?utm_source=linkedin&ref=abc")
    assert soup(tracked).select_one('link[rel="canonical"]')["href"] == f"http://testserver{ARTICLE_FR}"


def test_declared_parameters_make_their_own_entry_and_nothing_else_does(client, article, topic, page_entries):
    assert client.get("/fr/actualites/")["X-Page-Cache"] == "miss"
    assert client.get("/fr/actualites/?utm_source=newsletter&sort=old")["X-Page-Cache"] == "hit"
    filtered = client.get("/fr/actualites/?topic=relation-client")
    assert filtered["X-Page-Cache"] == "miss"
    assert client.get("/fr/actualites/?topic=relation-client")["X-Page-Cache"] == "hit"
    # A declared parameter with a made-up one: the filtered page, served from its entry.
    mixed = client.get("/fr/actualites/?x=1&topic=relation-client&utm_campaign=launch")
    assert mixed["X-Page-Cache"] == "hit"
    assert mixed.content == filtered.content
    assert len(page_entries()) == 2


def test_unknown_pages_store_nothing_whatever_their_query(client, home, page_entries):
    for number in range(50):
        assert client.get(f"/fr/nulle-part/?x={number}").status_code == 404
    assert client.get("/fr/actualites/?topic=inconnu").status_code == 404
    assert page_entries() == set()


def test_search_is_never_cached_whatever_its_query(client, article, page_entries):
    for query in ("maghreb", "client", "maghreb"):
        response = client.get("/fr/recherche/", {"q": query})
        assert "X-Page-Cache" not in response
    assert page_entries() == set()


def test_a_page_is_stored_compressed_once_and_served_in_every_encoding(client, article, page_entries):
    identity = client.get(ARTICLE_FR, HTTP_ACCEPT_ENCODING="").content
    (key,) = page_entries()
    entry = cache.get(key)
    assert set(entry["bodies"]) == {"br", "gzip"}
    assert brotli.decompress(entry["bodies"]["br"]) == identity
    assert gzip.decompress(entry["bodies"]["gzip"]) == identity
    for accept in ("br", "gzip", ""):
        assert client.get(ARTICLE_FR, HTTP_ACCEPT_ENCODING=accept)["X-Page-Cache"] == "hit"
