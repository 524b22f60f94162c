"""Counting page views: one per page request a browser makes, page-cache hits included, without a cookie, a
query or anything about the reader; bots, prefetches and floods not counted; bad input ignored quietly."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from audience import fold as folding
from audience.fold import fold
from audience.models import DailyViews
from audience.store import get_store

from .conftest import ARTICLE_EN, ARTICLE_FR, BROWSER, visit


def views(page, language=None, channel=None):
    rows = DailyViews.objects.filter(page=page)
    if language:
        rows = rows.filter(language=language)
    if channel:
        rows = rows.filter(channel=channel)
    return sum(rows.values_list("views", flat=True))


def test_french_and_english_views_are_counted_page_cache_hits_included(launch_article):
    first = visit(ARTICLE_FR, address="203.0.113.1")
    assert first["X-Page-Cache"] == "miss"
    for number in range(2, 8):
        assert visit(ARTICLE_FR, address=f"203.0.113.{number}")["X-Page-Cache"] == "hit"
    for number in range(1, 4):
        visit(ARTICLE_EN, address=f"203.0.113.{number}")
    fold()
    assert views(launch_article, "fr") == 7
    assert views(launch_article, "en") == 3


def test_the_referrer_is_kept_as_its_class_only(launch_article):
    visit(ARTICLE_EN, address="203.0.113.1", HTTP_REFERER="https://www.linkedin.com/feed/update/urn:li:activity:1/")
    visit(ARTICLE_EN, address="203.0.113.2", HTTP_REFERER="https://www.google.com/")
    visit(ARTICLE_EN + "?utm_source=whatsapp", address="203.0.113.3")
    visit(ARTICLE_EN, address="203.0.113.4")
    fold()
    assert {row.channel: row.views for row in DailyViews.objects.all()} == {
        "linkedin": 1,
        "search": 1,
        "whatsapp": 1,
        "direct": 1,
    }
    stored = " ".join(str(value) for row in DailyViews.objects.values() for value in row.values())
    assert "linkedin.com" not in stored and "google" not in stored and "203.0.113" not in stored


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_USER_AGENT": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
        {"HTTP_USER_AGENT": "Mozilla/5.0 (compatible; bingbot/2.0)"},
        {"HTTP_USER_AGENT": "facebookexternalhit/1.1"},
        {"HTTP_USER_AGENT": "LinkedInBot/1.0 (compatible; Mozilla/5.0)"},
        {"HTTP_USER_AGENT": "curl/8.5.0"},
        {"HTTP_USER_AGENT": ""},
        {"HTTP_USER_AGENT": BROWSER, "HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_USER_AGENT": BROWSER, "HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_USER_AGENT": BROWSER, "HTTP_PURPOSE": "prefetch"},
    ],
)
def test_bots_and_prefetches_are_not_counted(launch_article, headers):
    response = Client().get(ARTICLE_FR, REMOTE_ADDR="203.0.113.9", **headers)
    assert response.status_code == 200
    fold()
    assert views(launch_article) == 0


def test_head_admin_feeds_missing_pages_and_staff_are_not_counted(launch_article, superuser_client):
    Client().head(ARTICLE_FR, HTTP_USER_AGENT=BROWSER)
    visit("/fr/feed.xml")
    visit("/fr/actualites/no-such-article/")
    visit("/admin/login/")
    superuser_client.get(ARTICLE_FR, HTTP_USER_AGENT=BROWSER)
    fold()
    assert DailyViews.objects.count() == 0


def test_one_address_cannot_inflate_a_page_beyond_the_flood_limit(launch_article, settings):
    settings.AUDIENCE = {**settings.AUDIENCE, "FLOOD_LIMIT": 5}
    for _request in range(20):
        assert visit(ARTICLE_FR, address="203.0.113.66").status_code == 200
    visit(ARTICLE_FR, address="203.0.113.67")
    visit(ARTICLE_EN, address="203.0.113.66")
    fold()
    assert views(launch_article, "fr") == 6
    assert views(launch_article, "en") == 1


def test_counting_adds_no_query_to_a_page_request(launch_article, django_assert_num_queries, settings):
    visit(ARTICLE_FR, address="203.0.113.1")  # rendered and stored
    with django_assert_num_queries(0):
        assert visit(ARTICLE_FR, address="203.0.113.2")["X-Page-Cache"] == "hit"
    # A render costs the same queries with counting on as with it off.
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": False}
    visit(ARTICLE_EN, address="203.0.113.5")  # what the first render of a process warms (site root paths…)
    with CaptureQueriesContext(connection) as counting:
        visit(ARTICLE_EN, address="203.0.113.3")
    settings.AUDIENCE = {**settings.AUDIENCE, "COUNT_IN_APP": False}
    with CaptureQueriesContext(connection) as not_counting:
        visit(ARTICLE_EN, address="203.0.113.4")
    assert len(counting) == len(not_counting)
    fold()
    assert views(launch_article) == 4


def test_no_cookie_is_set_on_a_counted_view(launch_article):
    for path in (ARTICLE_FR, ARTICLE_FR, ARTICLE_EN):
        response = visit(path, HTTP_REFERER="https://www.linkedin.com/")
        assert "Set-Cookie" not in response.headers
        assert not response.cookies


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_REFERER": "https://" + "x" * 100_000 + ".example/"},
        {"HTTP_REFERER": "http://[broken"},
        {"HTTP_REFERER": "\udcff\x00"},
        {"HTTP_USER_AGENT": BROWSER + "x" * 50_000},
        {"HTTP_X_REAL_IP": "not-an-address", "REMOTE_ADDR": ""},
        {"QUERY_STRING": "utm_source=" + "%ff" * 3000},
    ],
)
def test_bad_input_is_ignored_quietly(launch_article, headers):
    headers = {"HTTP_USER_AGENT": BROWSER, **headers}
    response = Client().get(ARTICLE_FR, **headers)
    assert response.status_code == 200
    fold()
    assert views(launch_article) in (0, 1)


def test_a_forged_language_or_made_up_path_never_becomes_a_row(launch_article):
    visit("/xx/actualites/oswego-s-installe-au-maghreb/")
    visit("/en/actualites/oswego-s-installe-au-maghreb/")
    visit("/fr/" + "a/" * 400)
    fold()
    assert DailyViews.objects.count() == 0


def test_a_counter_down_costs_the_view_never_the_page(launch_article, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(type(get_store()), "add", broken)
    assert visit(ARTICLE_FR).status_code == 200


# --- The fold ------------------------------------------------------------------


def test_a_fold_that_crashes_after_its_commit_does_not_count_twice(launch_article, monkeypatch):
    for number in range(4):
        visit(ARTICLE_FR, address=f"203.0.113.{number}")
    store = type(get_store())
    real_done = store.done

    def crash(self, batch, day):
        raise RuntimeError("worker killed")

    monkeypatch.setattr(store, "done", crash)
    with pytest.raises(RuntimeError):
        fold()
    assert views(launch_article) == 4
    monkeypatch.setattr(store, "done", real_done)
    visit(ARTICLE_FR, address="203.0.113.50")
    fold()
    fold()
    assert views(launch_article) == 5


def test_a_fold_that_crashes_before_its_commit_loses_nothing(launch_article, monkeypatch):
    for number in range(3):
        visit(ARTICLE_EN, address=f"203.0.113.{number}")

    def crash(paths_unused=None):
        raise RuntimeError("database gone")

    monkeypatch.setattr(folding, "live_page_paths", crash)
    with pytest.raises(RuntimeError):
        fold()
    monkeypatch.undo()
    fold()
    assert views(launch_article, "en") == 3


def test_views_of_a_deleted_page_go_with_it(launch_article):
    visit(ARTICLE_FR)
    fold()
    assert DailyViews.objects.count() == 1
    launch_article.delete()
    assert DailyViews.objects.count() == 0


def test_the_scheduler_folds_every_few_minutes():
    from ops.scheduler import SCHEDULES

    schedule = SCHEDULES["audience.tasks.fold_views"]
    assert schedule.interval.total_seconds() <= 15 * 60


def test_the_mirror_endpoint_counts_nginx_copies_only_with_its_token(launch_article, settings):
    settings.AUDIENCE = {**settings.AUDIENCE, "MIRROR_TOKEN": "s3cret-token-for-tests", "COUNT_IN_APP": False}
    client = Client()
    headers = {"HTTP_USER_AGENT": BROWSER, "HTTP_X_ORIGINAL_URI": ARTICLE_EN + "?utm_source=linkedin"}
    assert client.get("/_audience/hit/", **headers).status_code == 403
    assert client.get("/_audience/hit/", HTTP_X_AUDIENCE_TOKEN="wrong", **headers).status_code == 403
    for number in range(3):
        response = client.get(
            "/_audience/hit/",
            HTTP_X_AUDIENCE_TOKEN="s3cret-token-for-tests",
            HTTP_X_REAL_IP=f"203.0.113.{number}",
            **headers,
        )
        assert response.status_code == 204
    client.get("/_audience/hit/", HTTP_X_AUDIENCE_TOKEN="s3cret-token-for-tests", HTTP_X_ORIGINAL_URI="\x00" * 9000)
    visit(ARTICLE_EN)  # the app's own counting is off: nginx's copy is the only count
    fold()
    assert views(launch_article, "en", "linkedin") == 3
    assert views(launch_article) == 3


def test_a_staff_account_is_never_needed_to_count(launch_article):
    assert not get_user_model().objects.exists()
    visit(ARTICLE_FR)
    fold()
    assert views(launch_article) == 1


def test_with_redis_a_process_sends_its_views_in_one_round_trip_a_second(launch_article, settings):
    store = get_store()
    if not hasattr(store, "pending"):
        pytest.skip("REDIS_URL unset: the cache store writes every view at once (CI runs this with Redis)")
    for number in range(3):
        visit(ARTICLE_FR, address=f"203.0.113.{number}")
    assert len(store.pending) >= 2  # held, not yet sent
    fold()  # the fold sends what its own process holds first
    assert views(launch_article, "fr") == 3
    assert store.pending == []
