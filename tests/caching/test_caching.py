"""The page cache: anonymous visitors get stored pages without a query, never across languages or to editors,
and every publish, unpublish, move or delete — or a change to a topic, an image or the site settings — shows at once.

Run against local memory by default and against Redis when REDIS_URL is set (.ci/run does both).
"""

import gzip
import os
import subprocess
import sys
import uuid
from urllib.error import HTTPError, URLError

import brotli
import pytest
from django.conf import settings as django_settings
from django.core.cache import cache as default_cache
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.actions.move_page import MovePageAction
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import PageViewRestriction
from wagtail_factories import ImageFactory

from articles.factories import ArticlePageFactory
from articles.models import ArticlePage
from caching import cache as page_cache
from core.models import SiteSettings
from people.factories import PersonPageFactory
from tests.helpers import soup

from .conftest import ARTICLE_EN, ARTICLE_FR, PERSON_EN, PERSON_FR, publish


def title(response):
    return soup(response).h1.get_text(strip=True)


# --- Warm pages: no query, no mixing ------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["/fr/", "/en/", "/fr/actualites/", ARTICLE_FR, ARTICLE_EN, "/fr/equipe-dirigeante/", PERSON_EN]
    + ["/fr/implantations/", "/en/offices/casablanca/", "/fr/feed.xml"],
)
def test_second_anonymous_visit_is_served_from_the_cache_without_a_query(
    client, article, offices_index, django_assert_num_queries, url
):
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_the_two_languages_never_mix(client, article):
    for _ in range(2):
        fr, en = client.get(ARTICLE_FR), client.get(ARTICLE_EN)
        assert (soup(fr).html["lang"], title(fr), fr["Content-Language"]) == ("fr", "Le Maghreb", "fr")
        assert (soup(en).html["lang"], title(en), en["Content-Language"]) == ("en", "The Maghreb", "en")
    assert fr["X-Page-Cache"] == en["X-Page-Cache"] == "hit"
    assert soup(client.get("/en/")).html["lang"] == "en"
    assert soup(client.get("/fr/")).html["lang"] == "fr"


def test_a_logged_in_editor_neither_gets_nor_fills_the_cache(client, admin_client, article):
    editor = admin_client.get(ARTICLE_FR)
    assert editor.status_code == 200
    assert "X-Page-Cache" not in editor
    assert editor["Cache-Control"] == "private, no-store"
    assert client.get(ARTICLE_FR)["X-Page-Cache"] == "miss"
    assert client.get(ARTICLE_FR)["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in admin_client.get(ARTICLE_FR)


def test_tracking_parameters_share_the_page_other_parameters_do_not(client, article, topic):
    assert client.get("/fr/actualites/")["X-Page-Cache"] == "miss"
    assert client.get("/fr/actualites/?utm_source=newsletter&utm_medium=email")["X-Page-Cache"] == "hit"
    filtered = client.get("/fr/actualites/?topic=relation-client")
    assert filtered["X-Page-Cache"] == "miss"
    assert client.get("/fr/actualites/?topic=relation-client")["X-Page-Cache"] == "hit"


def test_head_request_is_answered_from_the_cache_without_a_body(client, article):
    full = client.get(ARTICLE_FR)
    head = client.head(ARTICLE_FR)
    assert head["X-Page-Cache"] == "hit"
    assert head.content == b""
    assert head["Content-Length"] == str(len(full.content))


# --- Invalidation -------------------------------------------------------------


def test_publishing_refreshes_the_page_its_index_the_home_page_and_the_author_page(client, article):
    urls = [ARTICLE_FR, ARTICLE_EN, "/fr/actualites/", "/en/news/", "/fr/", "/en/", PERSON_FR, PERSON_EN]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    publish(article, title_fr="Le Maghreb, territoire stratégique", title_en="The Maghreb, a strategic territory")
    for url in urls:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        text = response.content.decode()
        assert "territoire stratégique" in text or "strategic territory" in text, url


def test_unpublishing_and_deleting_take_the_page_out_at_once(client, article, news_index):
    other = ArticlePageFactory(parent=news_index, title_fr="Un autre article", slug_fr="un-autre", slug_en="another")
    for url in (ARTICLE_FR, "/fr/actualites/", "/fr/actualites/un-autre/"):
        client.get(url)
    article.unpublish()
    assert client.get(ARTICLE_FR).status_code == 404
    assert "Le Maghreb" not in client.get("/fr/actualites/").content.decode()
    other.delete()
    assert client.get("/fr/actualites/un-autre/").status_code == 404
    assert "Un autre article" not in client.get("/fr/actualites/").content.decode()


def test_moving_a_page_refreshes_the_listing(client, person, people_index, office):
    claudia = PersonPageFactory(parent=people_index, full_name="Claudia Jimenez", office=office)

    def names():
        return [h.get_text(strip=True) for h in soup(client.get("/fr/equipe-dirigeante/")).select(".card__title")]

    assert names() == ["Jamal Mossaddeq", "Claudia Jimenez"]
    MovePageAction(claudia, person, pos="left").execute()
    assert names() == ["Claudia Jimenez", "Jamal Mossaddeq"]


def test_renaming_a_topic_shows_on_the_article(client, article, topic):
    assert "Relation client" in client.get(ARTICLE_FR).content.decode()
    topic.name_fr = "Expérience client"
    topic.save()
    assert "Expérience client" in client.get(ARTICLE_FR).content.decode()


def test_site_settings_show_on_every_page_at_once(client, article):
    client.get(ARTICLE_FR)
    site_settings = SiteSettings.load()
    site_settings.tagline_fr = "Des opérations client qui durent"
    site_settings.save()
    assert "Des opérations client qui durent" in client.get(ARTICLE_FR).content.decode()


def test_changing_an_image_invalidates_every_page_adding_one_does_not(db):
    before = page_cache.content_version()
    image = ImageFactory()
    assert page_cache.content_version() == before  # shown nowhere yet
    image.title = "Casablanca"
    image.save()
    assert page_cache.content_version() != before
    before = page_cache.content_version()
    image.delete()
    assert page_cache.content_version() != before


def test_a_request_rendered_before_a_publish_is_not_kept(client, article, rf):
    """A page rendered from the old data but stored after the publish carries the old versions: it is ignored."""
    client.get(ARTICLE_FR)
    request = rf.get(ARTICLE_FR)
    stale = default_cache.get(page_cache.entry_key(request))
    publish(article, title_fr="Nouveau titre")
    assert default_cache.get(page_cache.path_version_key(ARTICLE_FR)) != stale["path_version"]
    default_cache.set(page_cache.entry_key(request), stale)  # a slow request stores what it rendered before
    response = client.get(ARTICLE_FR)
    assert response["X-Page-Cache"] == "miss"
    assert title(response) == "Nouveau titre"


# --- Never cached -------------------------------------------------------------


def test_the_contact_form_is_never_cached_nor_compressed(client, contact_page):
    for _ in range(2):
        response = client.get("/fr/contact/", HTTP_ACCEPT_ENCODING="gzip, br")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert "Content-Encoding" not in response  # private: no BREACH oracle on what a form echoes back
    assert "no-store" in client.post("/fr/contact/", {})["Cache-Control"]


def test_each_visitor_gets_a_fresh_form_stamp_and_no_cookie(contact_page, settings):
    """Even with the page cache off, the fragments never keep a form's fill-time stamp; no CSRF cookie is set."""
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": False}
    stamps = set()
    for _ in range(2):
        response = Client().get("/fr/contact/")
        stamps.add(soup(response).select_one('input[name="stamp"]')["value"])
        assert not response.cookies
    assert len(stamps) == 2


def test_search_results_are_never_cached(client, article):
    for _ in range(2):
        response = client.get("/fr/recherche/", {"q": "maghreb"})
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
    assert page_cache.is_private_path("/en/search/")


def test_admin_pages_are_private_and_never_cached(client, admin_client, article):
    for response in (client.get("/admin/login/"), admin_client.get("/admin/")):
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_a_preview_never_leaks_into_the_cached_page(client, article):
    client.get(ARTICLE_FR)
    draft = article.get_latest_revision_as_object() if article.get_latest_revision() else article
    draft.title_fr = "Brouillon secret"
    preview = draft.make_preview_request()
    assert title(preview) == "Brouillon secret"
    assert "private" in preview["Cache-Control"]
    assert title(client.get(ARTICLE_FR)) == "Le Maghreb"
    assert title(draft.make_preview_request()) == "Brouillon secret"


def test_a_response_that_sets_a_cookie_or_varies_on_language_is_private_and_not_stored(rf):
    def respond_with(response):
        path = f"/fr/{uuid.uuid4().hex}/"
        return page_cache.PageCacheMiddleware(lambda request: response)(rf.get(path))

    public = respond_with(HttpResponse("<p>Une page publique.</p>" * 20))
    assert public["Cache-Control"].startswith("public,")
    with_cookie = HttpResponse("<p>Une page publique.</p>" * 20)
    with_cookie.set_cookie("tracker", "1")
    assert respond_with(with_cookie)["Cache-Control"] == "private, no-store"
    varying = HttpResponse("<p>Une page publique.</p>" * 20)
    varying["Vary"] = "Accept-Language"
    assert "X-Page-Cache" not in respond_with(varying)
    assert not page_cache.is_public_response(rf.get("/fr/une-page/"), varying)


# --- Headers and compression --------------------------------------------------


def test_public_pages_tell_shared_caches_how_long_to_keep_them(client, article, settings):
    response = client.get(ARTICLE_FR)
    page_cache_settings = settings.PAGE_CACHE
    assert response["Cache-Control"] == (
        f"public, max-age={page_cache_settings['MAX_AGE']}, s-maxage={page_cache_settings['S_MAXAGE']}, "
        f"stale-while-revalidate={page_cache_settings['STALE_WHILE_REVALIDATE']}"
    )
    assert client.get(ARTICLE_FR)["Cache-Control"] == response["Cache-Control"]


@pytest.mark.parametrize(
    ("accept", "encoding"),
    [("gzip, deflate, br, zstd", "br"), ("gzip", "gzip"), ("br;q=0, gzip", "gzip"), ("", None)],
)
def test_public_pages_are_compressed_as_the_browser_asks(client, article, accept, encoding):
    identity = client.get(ARTICLE_FR).content
    for expected_state in ("hit", "hit"):
        response = client.get(ARTICLE_FR, HTTP_ACCEPT_ENCODING=accept)
        assert response["X-Page-Cache"] == expected_state
        assert response.get("Content-Encoding") == encoding
        assert "Accept-Encoding" in response["Vary"]
        body = response.content
        if encoding == "br":
            body = brotli.decompress(body)
        elif encoding == "gzip":
            body = gzip.decompress(body)
        assert body == identity
        assert int(response["Content-Length"]) == len(response.content)


def test_pages_are_compressed_with_the_cache_off_too(client, article, settings):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": False}
    response = client.get(ARTICLE_FR, HTTP_ACCEPT_ENCODING="br")
    assert "X-Page-Cache" not in response
    assert response["Content-Encoding"] == "br"
    assert "Le Maghreb" in brotli.decompress(response.content).decode()


class BrokenCache:
    def __getattr__(self, name):
        def down(*args, **kwargs):
            raise ConnectionError("cache down")

        return down


def test_a_page_cache_outage_costs_speed_not_pages(client, article, monkeypatch):
    monkeypatch.setattr(page_cache, "cache", BrokenCache())
    for _ in range(2):
        response = client.get(ARTICLE_FR)
        assert response.status_code == 200
        assert title(response) == "Le Maghreb"


# Measured: 15 queries for this article with the page cache off, with or without the kept header and footer
# (Wagtail's routing: site, tree walk and privacy check, 8; the article's authors, topics, related cards,
# breadcrumbs and the settings its structured data reads, 7). The first visitor after a publish pays them; the
# page cache serves everyone else without a query.
COLD_ARTICLE_QUERIES = 15


def test_with_the_page_cache_off_a_cold_article_costs_a_bounded_number_of_queries(
    client, article, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": False}
    first = client.get(ARTICLE_FR)
    with django_assert_max_num_queries(COLD_ARTICLE_QUERIES):
        second = client.get(ARTICLE_FR)
    assert "X-Page-Cache" not in second
    assert second.content == first.content


def test_kept_header_and_footer_change_nothing_and_cost_no_query(client, article, settings):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": False, "FRAGMENTS": False}
    client.get(ARTICLE_FR)
    with CaptureQueriesContext(connection) as uncached:
        rendered = client.get(ARTICLE_FR)
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "FRAGMENTS": True}
    client.get(ARTICLE_FR)
    with CaptureQueriesContext(connection) as cached:
        kept = client.get(ARTICLE_FR)
    assert kept.content == rendered.content
    assert len(cached) <= len(uncached)


def test_the_kept_header_marks_each_section_as_current(client, article, people_index, settings):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": False}

    def current(url):
        return {a.get_text(strip=True): a.get("aria-current") for a in soup(client.get(url)).select(".site-nav__link")}

    for _ in range(2):
        assert not any(current("/fr/").values())
        news_marks = current(ARTICLE_FR)
        assert "true" in news_marks.values() and "page" not in news_marks.values()
        assert "page" in current("/fr/actualites/").values()
        assert current(PERSON_FR) != news_marks


@pytest.mark.parametrize("page_cache_on", [True, False])
def test_making_a_page_private_takes_it_out_of_every_cache_at_once(client, article, settings, page_cache_on):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": page_cache_on}
    for _ in range(2):
        assert client.get(ARTICLE_FR).status_code == 200
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(ARTICLE_FR)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_fragments_follow_publishing_too(client, article, settings):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": False}
    client.get(ARTICLE_FR)
    publish(article, title_fr="Titre publié")
    assert title(client.get(ARTICLE_FR)) == "Titre publié"


# --- Frontend cache purges ----------------------------------------------------


class RecordingBackend(BaseBackend):
    purged = []

    def purge(self, url):
        RecordingBackend.purged.append(url)


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {"default": {"BACKEND": "tests.caching.test_caching.RecordingBackend"}}
    RecordingBackend.purged = []
    return RecordingBackend.purged


def test_publishing_purges_the_page_in_both_languages_its_index_home_and_author(
    article, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish(article, title_en="The Maghreb, again")
    expected = {
        f"http://testserver{path}"
        for path in (ARTICLE_FR, ARTICLE_EN, "/fr/actualites/", "/en/news/", "/fr/", "/en/", PERSON_FR, PERSON_EN)
    }
    assert expected <= set(purged)
    assert not any("/admin/" in url for url in purged)


def test_unpublishing_purges_the_page_and_its_index(article, purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=article.pk).unpublish()
    assert {f"http://testserver{ARTICLE_FR}", f"http://testserver{ARTICLE_EN}", "http://testserver/en/news/"} <= set(
        purged
    )


def test_changing_a_topic_purges_every_page(article, topic, purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        topic.name_en = "Customer experience"
        topic.save()
    assert {f"http://testserver{ARTICLE_EN}", f"http://testserver{PERSON_FR}", "http://testserver/fr/"} <= set(purged)


def test_no_frontend_cache_configured_means_no_purge(article, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = None
    with django_capture_on_commit_callbacks(execute=True):
        publish(article, title_fr="Sans cache en façade")


class FakeUrlopen:
    def __init__(self, error=None):
        self.requests = []
        self.error = error

    def __call__(self, request, timeout=None):
        self.requests.append((request, timeout))
        if self.error:
            raise self.error
        return self

    def close(self):
        pass


def test_the_http_purger_sends_purge_with_the_page_host_and_a_timeout(monkeypatch, caplog):
    fake = FakeUrlopen()
    monkeypatch.setattr(page_cache, "urlopen", fake)
    backend = page_cache.HTTPPurgeBackend({"LOCATION": "http://127.0.0.1:8080", "TIMEOUT": 2})
    backend.purge("https://www.oswego.example/fr/actualites/?page=2")
    request, timeout = fake.requests[0]
    assert request.get_method() == "PURGE"
    assert request.full_url == "http://127.0.0.1:8080/fr/actualites/?page=2"
    assert request.get_header("Host") == "www.oswego.example"
    assert timeout == 2


def test_the_http_purger_shrugs_at_uncached_urls_and_logs_a_cache_that_is_down(monkeypatch, caplog):
    backend = page_cache.HTTPPurgeBackend({"LOCATION": "http://127.0.0.1:8080"})
    monkeypatch.setattr(page_cache, "urlopen", FakeUrlopen(HTTPError("u", 404, "Not Found", {}, None)))
    backend.purge("http://localhost/fr/")
    assert "Couldn't purge" not in caplog.text
    monkeypatch.setattr(page_cache, "urlopen", FakeUrlopen(URLError("connection refused")))
    backend.purge("http://localhost/fr/")
    assert "Couldn't purge http://localhost/fr/" in caplog.text


def test_frontend_cache_comes_from_the_environment():
    def configured(**environ):
        code = "from oswego_site.settings import base; print(getattr(base, 'WAGTAILFRONTENDCACHE', None))"
        env = {**os.environ, "FRONTEND_CACHE_PURGE_URL": "", **environ}
        return subprocess.run(  # noqa: S603 - our own interpreter and settings
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout

    assert configured() == "None\n"
    purger = configured(FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:8080")
    assert "'BACKEND': 'caching.cache.HTTPPurgeBackend'" in purger
    assert "'LOCATION': 'http://127.0.0.1:8080'" in purger


# --- Where the cache lives ----------------------------------------------------


def test_the_cache_is_redis_when_redis_url_is_set_and_local_memory_otherwise():
    backend = django_settings.CACHES["default"]["BACKEND"]
    if os.environ.get("REDIS_URL"):
        assert backend == "caching.redis.RedisCache"
    else:
        assert backend == "django.core.cache.backends.locmem.LocMemCache"
    default_cache.set("oswego-test-key", "value")
    assert default_cache.get("oswego-test-key") == "value"
