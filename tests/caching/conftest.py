"""The caching tests run with the page cache and the fragments on, against local memory or Redis (REDIS_URL)."""

import os

import pytest
import redis
from django.core.cache import cache as default_cache

from articles.factories import ArticlePageFactory, TopicFactory
from caching import cache as page_cache
from contact.factories import ContactPageFactory

ARTICLE_FR = "/fr/actualites/le-maghreb/"
ARTICLE_EN = "/en/news/the-maghreb/"
PERSON_FR = "/fr/equipe-dirigeante/jamal-mossaddeq/"
PERSON_EN = "/en/leadership/jamal-mossaddeq/"


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": True, "FRAGMENTS": True}


@pytest.fixture
def topic(db):
    return TopicFactory(name_fr="Relation client", name_en="Customer care", slug_fr="relation-client", slug_en="care")


@pytest.fixture
def article(news_index, person, topic):
    return ArticlePageFactory(
        parent=news_index,
        title_fr="Le Maghreb",
        title_en="The Maghreb",
        slug_fr="le-maghreb",
        slug_en="the-maghreb",
        authors=[person],
        topics=[topic],
    )


@pytest.fixture
def contact_page(home):
    return ContactPageFactory(parent=home)


def publish(page, **changes):
    """What an editor does: change the latest revision and publish it."""
    draft = page.get_latest_revision_as_object() if page.get_latest_revision() else page.specific
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save_revision().publish()


class RecordingCache:
    """The page cache's cache, recording every key written through the cache API."""

    def __init__(self, cache):
        self.cache = cache
        self.written = set()

    def set(self, key, *args, **kwargs):
        self.written.add(key)
        return self.cache.set(key, *args, **kwargs)

    def add(self, key, *args, **kwargs):
        self.written.add(key)
        return self.cache.add(key, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        self.written.update(data)
        return self.cache.set_many(data, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.cache, name)


@pytest.fixture
def page_entries(monkeypatch):
    """A function that lists the page cache's stored entries: the entry keys written and still there, and on
    Redis (REDIS_URL) every entry key a SCAN finds."""
    recording = RecordingCache(page_cache.cache)
    monkeypatch.setattr(page_cache, "cache", recording)

    def entries():
        written = [key for key in recording.written if key.startswith(page_cache.ENTRY_PREFIX)]
        stored = set(default_cache.get_many(written))
        if os.environ.get("REDIS_URL"):
            client = redis.Redis.from_url(os.environ["REDIS_URL"])
            scanned = {key.decode() for key in client.scan_iter(match=f"*{page_cache.ENTRY_PREFIX}*", count=1000)}
            assert len(scanned) == len(stored), (scanned, stored)
        return stored

    return entries
