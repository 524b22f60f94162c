"""The page cache's per-process layer in front of the shared cache (Redis): a hit read less than LOCAL_MS ago costs
no round trip; a publish through this process shows at once, through any other instance within LOCAL_MS; it is
bounded in entries and bytes."""

import pytest
from django.core.cache import cache as default_cache

from articles.models import ArticlePage
from caching import cache as page_cache
from core.models import SiteSettings
from tests.helpers import soup

from .conftest import ARTICLE_EN, ARTICLE_FR, PERSON_FR, publish


class CountingCache:
    """The page cache's shared cache, counting the reads that go to it."""

    def __init__(self, cache):
        self.cache = cache
        self.reads = 0

    def get(self, *args, **kwargs):
        self.reads += 1
        return self.cache.get(*args, **kwargs)

    def get_many(self, *args, **kwargs):
        self.reads += 1
        return self.cache.get_many(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.cache, name)


@pytest.fixture
def shared(monkeypatch):
    counting = CountingCache(page_cache.cache)
    monkeypatch.setattr(page_cache, "cache", counting)
    return counting


@pytest.fixture
def clock(monkeypatch):
    """The layer's clock, moved by the test."""
    now = [1000.0]
    monkeypatch.setattr(page_cache, "_clock", lambda: now[0])
    return now


def title(response):
    return soup(response).h1.get_text(strip=True)


def test_a_hit_within_the_second_is_served_from_memory_without_a_round_trip(client, article, clock, shared):
    first = client.get(ARTICLE_FR)
    assert first["X-Page-Cache"] == "miss"
    shared.reads = 0
    clock[0] += 0.5
    second = client.get(ARTICLE_FR)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert shared.reads == 0


def test_after_the_second_the_versions_are_read_again_in_one_round_trip(client, article, clock, shared):
    client.get(ARTICLE_FR)
    clock[0] += 1.0
    shared.reads = 0
    assert client.get(ARTICLE_FR)["X-Page-Cache"] == "hit"
    assert shared.reads == 1
    shared.reads = 0
    assert client.get(ARTICLE_FR)["X-Page-Cache"] == "hit"
    assert shared.reads == 0


def test_a_publish_through_another_instance_is_seen_within_the_second(client, article, clock):
    client.get(ARTICLE_FR)
    assert title(client.get(ARTICLE_FR)) == "Le Maghreb"
    # Another instance publishes: the database changes and it bumps the path's version in the shared cache,
    # without a word to this process.
    ArticlePage.objects.filter(pk=article.pk).update(title_fr="Le Maghreb, mis à jour")
    default_cache.set(page_cache.path_version_key(ARTICLE_FR), "bumped-by-another-instance", timeout=None)
    clock[0] += 0.999
    assert title(client.get(ARTICLE_FR)) == "Le Maghreb"  # this process's second is not over
    clock[0] += 0.001
    response = client.get(ARTICLE_FR)
    assert response["X-Page-Cache"] == "miss"
    assert title(response) == "Le Maghreb, mis à jour"


def test_a_site_wide_change_through_another_instance_is_seen_within_the_second(client, article, clock):
    client.get(ARTICLE_EN)
    client.get(ARTICLE_EN)
    default_cache.set(page_cache.VERSION_KEY, "bumped-by-another-instance", timeout=None)
    clock[0] += 1.0
    assert client.get(ARTICLE_EN)["X-Page-Cache"] == "miss"


def test_a_publish_through_this_process_is_seen_at_once(client, article, clock):
    client.get(ARTICLE_FR)
    assert client.get(ARTICLE_FR)["X-Page-Cache"] == "hit"
    publish(article, title_fr="Nouveau titre")
    response = client.get(ARTICLE_FR)
    assert response["X-Page-Cache"] == "miss"
    assert title(response) == "Nouveau titre"


def test_a_settings_change_through_this_process_is_seen_at_once(client, article, clock):
    client.get(ARTICLE_FR)
    assert client.get(ARTICLE_FR)["X-Page-Cache"] == "hit"
    site_settings = SiteSettings.load()
    site_settings.tagline_fr = "Une autre devise"
    site_settings.save()
    assert client.get(ARTICLE_FR)["X-Page-Cache"] == "miss"


def test_the_layer_is_bounded_by_entries_and_bytes(client, article, settings):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "LOCAL_ENTRIES": 2}
    for url in (ARTICLE_FR, ARTICLE_EN, PERSON_FR, "/fr/"):
        client.get(url)
    assert len(page_cache.local) == 2
    page_cache.local.clear()
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "LOCAL_ENTRIES": 256, "LOCAL_BYTES": 100}
    client.get(ARTICLE_FR)
    assert len(page_cache.local) == 0
    assert client.get(ARTICLE_FR)["X-Page-Cache"] == "hit"  # from the shared cache


def test_turned_off_every_hit_reads_the_shared_cache(client, article, settings, shared):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "LOCAL_MS": 0}
    client.get(ARTICLE_FR)
    shared.reads = 0
    assert client.get(ARTICLE_FR)["X-Page-Cache"] == "hit"
    assert shared.reads == 1
    assert len(page_cache.local) == 0
