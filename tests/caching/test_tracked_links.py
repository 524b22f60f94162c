"""Tracked links and the page cache: an enabled link's ?via= makes the landing page's own entry (its contact
links carry the code); forged codes are served the canonical page and make no entry; /l/ is never stored."""

from django.contrib.auth import get_user_model

from links.models import ShortLink
from tests.helpers import soup

from .conftest import PERSON_FR

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


def contact_button(response):
    return soup(response).select_one(".person__actions a.button")["href"]


def make_link(person):
    owner = get_user_model().objects.create_user("sofia", "sofia@oswego.example", "a-long-test-password")
    return ShortLink.for_owner(owner, person, "fr")


def test_an_enabled_links_landing_page_is_cached_with_the_code_carried_on(client, contact_page, person, page_entries):
    link = make_link(person)
    bare = client.get(PERSON_FR)
    assert "via" not in contact_button(bare)
    first = client.get(PERSON_FR, {"via": link.code})
    assert first["X-Page-Cache"] == "miss"
    assert contact_button(first).endswith(f"via={link.code}")
    again = client.get(PERSON_FR, {"via": link.code, "utm_campaign": "launch"})
    assert again["X-Page-Cache"] == "hit"
    assert contact_button(again).endswith(f"via={link.code}")
    assert client.get(PERSON_FR)["X-Page-Cache"] == "hit"
    assert "via" not in contact_button(client.get(PERSON_FR))
    assert len(page_entries()) == 2


def test_forged_codes_are_served_the_canonical_page_and_make_no_entry(client, contact_page, person, page_entries):
    make_link(person)
    bare = client.get(PERSON_FR)
    for number in range(30):
        response = client.get(PERSON_FR, {"via": f"Forged{number:02d}"})
        assert response["X-Page-Cache"] == "hit"
        assert response.content == bare.content
    assert len(page_entries()) == 1


def test_a_disabled_links_code_stops_making_entries(client, contact_page, person, page_entries):
    link = make_link(person)
    client.get(PERSON_FR)
    link.disabled = True
    link.save()
    response = client.get(PERSON_FR, {"via": link.code})
    assert response["X-Page-Cache"] == "hit"
    assert "via" not in contact_button(response)
    assert len(page_entries()) == 1


def test_the_short_link_is_never_stored_and_always_counted(client, person, page_entries):
    link = make_link(person)
    for _ in range(3):
        response = client.get(f"/l/{link.code}", HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 302
        assert "X-Page-Cache" not in response
    assert sum(link.opens.values_list("count", flat=True)) == 3
    assert page_entries() == set()


def test_a_known_channel_makes_one_entry_and_anything_else_none(client, contact_page, person, page_entries):
    client.get(PERSON_FR)
    first = client.get(PERSON_FR, {"utm_source": "linkedin", "utm_campaign": "launch"})
    assert first["X-Page-Cache"] == "miss"
    assert contact_button(first).endswith("channel=linkedin")
    for query in ({"utm_source": "LinkedIn"}, {"utm_source": "linkedin", "utm_medium": "social"}):
        assert client.get(PERSON_FR, query)["X-Page-Cache"] == "hit"
    for query in ({"utm_source": "myspace"}, {"channel": "fax"}, {"channel": "linkedin-x"}):
        response = client.get(PERSON_FR, query)
        assert response["X-Page-Cache"] == "hit"
        assert "channel" not in contact_button(response)
    assert len(page_entries()) == 2
