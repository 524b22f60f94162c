"""The audience tests: the launch article in both languages, the page cache on, staff in each role."""

import pytest
from django.test import Client
from wagtail.users.models import UserProfile

from articles.factories import ArticlePageFactory
from audience.store import get_store
from tests.helpers import staff_by_role

ARTICLE_FR = "/fr/actualites/oswego-s-installe-au-maghreb/"
ARTICLE_EN = "/en/news/oswego-opens-in-the-maghreb/"
BROWSER = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": True, "FRAGMENTS": True}


@pytest.fixture(autouse=True)
def _no_views_held_from_another_test():
    # With Redis, this process holds its views up to a second: none may pass from one test to the next.
    getattr(get_store(), "pending", []).clear()
    yield
    getattr(get_store(), "pending", []).clear()


@pytest.fixture
def launch_article(news_index, person):
    return ArticlePageFactory(
        parent=news_index,
        title_fr="OswegO s’installe au Maghreb",
        title_en="OswegO opens in the Maghreb",
        slug_fr="oswego-s-installe-au-maghreb",
        slug_en="oswego-opens-in-the-maghreb",
        authors=[person],
    )


def visit(path, address="198.51.100.7", client=None, **headers):
    """A reader's browser asking for a page (its own address, a browser's user agent)."""
    headers.setdefault("HTTP_USER_AGENT", BROWSER)
    return (client or Client()).get(path, REMOTE_ADDR=address, **headers)


@pytest.fixture
def staff(db):
    return staff_by_role()


def client_for(user, language="en"):
    client = Client()
    client.force_login(user)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return client
