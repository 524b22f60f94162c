"""A scheduled page or change says when it goes live: in the page listings, the editor and the share panel, whose
links and QR codes keep working while Wagtail locks the editor."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import formats, timezone, translation

from articles.factories import ArticlePageFactory
from tests.helpers import soup

GO_LIVE = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)


@pytest.fixture
def chief(db, client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "a-long-test-password")
    client.force_login(user)
    return user


def schedule(page, **changes):
    page = page.specific
    for name, value in changes.items():
        setattr(page, name, value)
    page.go_live_at = GO_LIVE
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def scheduled_change(news_index):
    page = ArticlePageFactory(parent=news_index, title_fr="Le titre publié", title_en="The published title")
    page.save_revision().publish()
    return schedule(page, title_fr="Le titre prévu")


@pytest.fixture
def scheduled_page(news_index):
    page = ArticlePageFactory(parent=news_index, live=False, slug_fr="bientot", slug_en="soon")
    return schedule(page)


def shown(date, format_name):
    """The date as the French admin writes it (the admin's language and time zone)."""
    with translation.override("fr"):
        return formats.date_format(timezone.localtime(date), format_name)


def test_the_share_panel_says_when_a_scheduled_change_goes_live_and_keeps_its_links(client, chief, scheduled_change):
    page = soup(client.get(f"/admin/pages/{scheduled_change.pk}/edit/"))
    assert "content-locked" in page.body["class"]
    notice = page.select_one(".oswego-share-panel [data-goes-live]")
    assert notice is not None and shown(GO_LIVE, "DATETIME_FORMAT") in " ".join(notice.get_text().split())
    assert len(page.select(".oswego-share input[readonly]")) == 2
    assert client.get(f"/admin/share/{scheduled_change.pk}/en/qr.png").status_code == 200


def test_a_scheduled_page_not_live_yet_gets_its_future_addresses_and_qr_codes(client, chief, scheduled_page):
    assert not scheduled_page.live
    page = soup(client.get(f"/admin/pages/{scheduled_page.pk}/edit/"))
    addresses = [field["value"] for field in page.select(".oswego-share input[readonly]")]
    assert any(address.endswith("/fr/actualites/bientot/") or "/bientot/" in address for address in addresses)
    assert any("/en/" in address and address.endswith("/soon/") for address in addresses)
    response = client.get(f"/admin/share/{scheduled_page.pk}/fr/qr.svg")
    assert response.status_code == 200
    assert "bientot" in response["Content-Disposition"]


def test_a_draft_without_schedule_has_no_qr_code(client, chief, news_index):
    page = ArticlePageFactory(parent=news_index, live=False)
    assert client.get(f"/admin/share/{page.pk}/fr/qr.png").status_code == 404


def test_the_editor_says_when_the_scheduled_change_goes_live(client, chief, scheduled_change):
    page = soup(client.get(f"/admin/pages/{scheduled_change.pk}/edit/"))
    # Wagtail's lock message, above the form, and the share panel.
    text = " ".join(page.get_text(" ").split())
    assert "programm" in text.lower()
    assert shown(GO_LIVE, "DATETIME_FORMAT") in text


def test_the_page_listings_say_when_a_scheduled_page_goes_live(client, chief, scheduled_page, scheduled_change):
    for url in (f"/admin/pages/{scheduled_page.get_parent().pk}/", "/admin/article_listing/"):
        listing = soup(client.get(url))
        dates = listing.select("[data-goes-live]")
        assert len(dates) == 2, url
        assert all(shown(GO_LIVE, "SHORT_DATETIME_FORMAT") in date.get_text() for date in dates)
