"""Each staff member gets their own tracked links from a page's share panel or the links listing, and sees their
opens on the dashboard; Moderators see everyone's and may disable any."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.factories import ArticlePageFactory
from contact.factories import ContactPageFactory
from links.models import ShortLink
from tests.helpers import soup

from .conftest import BROWSER


def dashboard_line(client):
    return soup(client.get("/admin/")).select_one(".oswego-tracked-links-panel__own").get_text(" ", strip=True)


def test_a_link_opened_k_times_shows_k_for_its_owner_only(client, sofia, karim, article):
    client.force_login(sofia)
    share = soup(client.get(f"/admin/links/page/{article.pk}/"))
    english = share.select_one('.oswego-tracked-link[data-language="en"] input')["value"]
    code = re.fullmatch(r"http://testserver/l/([A-Za-z0-9]{8})", english)[1]
    client.logout()
    for _ in range(3):
        assert client.get(f"/l/{code}", HTTP_USER_AGENT=BROWSER).status_code == 302

    client.force_login(sofia)
    assert "ouverts 3 fois cette semaine" in dashboard_line(client)
    row = soup(client.get("/admin/links/")).select_one(f'tr[data-code="{code}"]')
    assert row.select_one(".oswego-links__week").get_text(strip=True) == "3"
    assert row.select_one(".oswego-links__total").get_text(strip=True) == "3"

    client.force_login(karim)
    assert "pas encore de lien suivi" in dashboard_line(client)
    listing = client.get("/admin/links/")
    assert code not in listing.content.decode()
    assert not soup(listing).select("tr[data-code]")


def test_the_share_view_makes_one_link_per_language_once(client, sofia, article):
    client.force_login(sofia)
    first = soup(client.get(f"/admin/links/page/{article.pk}/"))
    again = soup(client.get(f"/admin/links/page/{article.pk}/"))
    values = [field["value"] for field in first.select(".oswego-tracked-link input")]
    assert len(values) == 2
    assert values == [field["value"] for field in again.select(".oswego-tracked-link input")]
    assert ShortLink.objects.filter(owner=sofia).count() == 2


def test_the_share_panel_of_the_editor_offers_then_shows_ones_links(superuser_client, article):
    edit = f"/admin/pages/{article.pk}/edit/"
    panel = soup(superuser_client.get(edit)).select_one(".oswego-tracked-links")
    assert panel.select_one("a.button")["href"] == f"/admin/links/page/{article.pk}/"
    superuser_client.get(f"/admin/links/page/{article.pk}/")
    panel = soup(superuser_client.get(edit)).select_one(".oswego-tracked-links")
    assert [item["data-language"] for item in panel.select(".oswego-tracked-link")] == ["fr", "en"]
    assert panel.select_one('.oswego-tracked-link[data-language="en"] a[href$="qr.png"]')


def test_the_qr_code_is_the_owners_own(client, sofia, karim, link):
    client.force_login(sofia)
    png = client.get(f"/admin/links/{link.pk}/qr.png")
    assert png.status_code == 200
    assert png["Content-Type"] == "image/png"
    assert client.get(f"/admin/links/{link.pk}/qr.svg")["Content-Type"] == "image/svg+xml"
    assert client.get(f"/admin/links/{link.pk}/qr.gif").status_code == 404
    client.force_login(karim)
    assert client.get(f"/admin/links/{link.pk}/qr.png").status_code == 403


def test_moderators_see_every_link_and_disable_any(client, moderator, link):
    client.force_login(moderator)
    listing = soup(client.get("/admin/links/"))
    row = listing.select_one(f'tr[data-code="{link.code}"]')
    assert "Sofia" in row.get_text()
    assert not soup(client.get("/admin/links/?owner=mine")).select("tr[data-code]")
    assert "Les liens de tous : ouverts 0 fois cette semaine." in client.get("/admin/").content.decode()
    assert client.post(f"/admin/links/{link.pk}/toggle/").status_code == 302
    link.refresh_from_db()
    assert link.disabled
    assert client.get(f"/l/{link.code}", HTTP_USER_AGENT=BROWSER).status_code == 404


def test_sales_cannot_disable_someone_elses_link(client, karim, link):
    client.force_login(karim)
    assert client.post(f"/admin/links/{link.pk}/toggle/").status_code == 403
    link.refresh_from_db()
    assert not link.disabled


def test_a_page_is_found_by_its_title_in_either_language(client, sofia, article):
    client.force_login(sofia)
    found = soup(client.get("/admin/links/", {"q": "opens in the"})).select(".oswego-links-found a")
    assert [a["href"] for a in found] == [f"/admin/links/page/{article.pk}/"]
    assert soup(client.get("/admin/links/", {"q": "implante"})).select(".oswego-links-found a")


def test_a_page_that_is_not_live_has_no_links(client, sofia, home):
    draft = ContactPageFactory(parent=home, live=False)
    client.force_login(sofia)
    for page_id in (draft.pk, 999999):
        response = client.get(f"/admin/links/page/{page_id}/", follow=True)
        assert response.redirect_chain == [("/admin/links/", 302)]
        assert "Seule une page publiée a des liens suivis." in response.content.decode()
    assert not ShortLink.objects.exists()


def test_the_listing_costs_the_same_queries_for_many_links(client, moderator, sofia, karim, news_index):
    client.force_login(moderator)
    ShortLink.for_owner(sofia, ArticlePageFactory(parent=news_index), "fr")
    client.get("/admin/links/")
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/links/")
    for owner in (sofia, karim):
        for _ in range(4):
            ShortLink.for_owner(owner, ArticlePageFactory(parent=news_index), "en")
    with CaptureQueriesContext(connection) as many:
        response = client.get("/admin/links/")
    assert len(soup(response).select("tr[data-code]")) == 9
    assert len(many) == len(few)
