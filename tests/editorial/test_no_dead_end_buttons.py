"""The admin offers no button that only leads to a refusal: an editor sees Delete on their own drafts, images and
documents, never on a colleague's; a moderator sees it everywhere."""

import re

from editorial.roles import EDITORS, MODERATORS
from tests.helpers import soup


def delete_links(response, path):
    return [link for link in soup(response).select("a[href]") if re.match(rf"{path}(\?|$)", link["href"])]


def test_an_editor_sees_no_delete_on_a_colleagues_draft_in_its_editor(client, staff, things):
    client.force_login(staff[EDITORS])
    others = things["others_draft"]
    assert not delete_links(client.get(f"/admin/pages/{others.pk}/edit/"), f"/admin/pages/{others.pk}/delete/")


def test_an_editor_sees_delete_on_their_own_draft(client, staff, things):
    client.force_login(staff[EDITORS])
    own = things["own_draft"]
    assert delete_links(client.get(f"/admin/pages/{own.pk}/edit/"), f"/admin/pages/{own.pk}/delete/")


def test_the_page_listings_offer_delete_only_where_it_works(client, staff, things):
    others, own = things["others_draft"], things["own_draft"]
    for url in (f"/admin/pages/{others.get_parent().pk}/", "/admin/article_listing/"):
        client.force_login(staff[EDITORS])
        response = client.get(url)
        assert not delete_links(response, f"/admin/pages/{others.pk}/delete/"), url
        assert delete_links(response, f"/admin/pages/{own.pk}/delete/"), url
        client.force_login(staff[MODERATORS])
        assert delete_links(client.get(url), f"/admin/pages/{others.pk}/delete/"), url


def test_an_editor_sees_no_delete_for_images_and_documents_of_others(client, staff, things):
    client.force_login(staff[EDITORS])
    image, own_image, document = things["image"], things["own_image"], things["document"]
    listing = client.get("/admin/images/")
    assert not delete_links(listing, f"/admin/images/{image.pk}/delete/")
    assert client.get(f"/admin/images/{own_image.pk}/").status_code == 200
    assert delete_links(client.get(f"/admin/images/{own_image.pk}/"), f"/admin/images/{own_image.pk}/delete/")
    assert not delete_links(client.get("/admin/documents/"), f"/admin/documents/delete/{document.pk}/")
