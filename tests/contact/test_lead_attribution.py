"""A lead records the page it was sent from and, when the prospect came through a staff member's tracked link in
the same visit, that link: carried by the addresses the site builds (?via=), never by a cookie."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.http import urlencode
from wagtail.users.models import UserProfile

from contact.models import Lead
from links.models import ShortLink
from tests.helpers import soup

from .conftest import fill, form_action

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
PERSON_FR = "/fr/equipe-dirigeante/jamal-mossaddeq/"


@pytest.fixture
def sofia(db):
    user = get_user_model().objects.create_user(
        "sofia", "sofia@oswego.example", "a-long-test-password", first_name="Sofia", last_name="Commerciale"
    )
    user.groups.add(Group.objects.get(name="Sales"))
    return user


@pytest.fixture
def link(sofia, person):
    return ShortLink.for_owner(sofia, person, "fr")


def send_from(client, page_url, contact_url, django_capture_on_commit_callbacks, **overrides):
    form = client.get(contact_url, HTTP_REFERER=f"http://testserver{page_url}", HTTP_USER_AGENT=BROWSER)
    assert form.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_action(form), fill(form, **overrides))
    assert response.status_code == 302
    return Lead.objects.get()


def test_a_lead_sent_after_opening_a_tracked_link_names_that_link(
    client, contact_page, person, link, django_capture_on_commit_callbacks
):
    landing_url = client.get(f"/l/{link.code}", HTTP_USER_AGENT=BROWSER)["Location"]
    assert landing_url == f"{PERSON_FR}?via={link.code}"
    landing = client.get(landing_url, HTTP_USER_AGENT=BROWSER)
    assert not landing.cookies
    button = soup(landing).select_one(".person__actions a.button")["href"]
    assert button == f"/fr/contact/?{urlencode({'person': person.pk, 'via': link.code})}"
    form = client.get(button)
    assert soup(form).select_one("input[name=via]")["value"] == link.code

    lead = send_from(client, PERSON_FR, button, django_capture_on_commit_callbacks)
    assert lead.short_link == link
    assert lead.source_page.specific == person
    assert lead.source() == f"Lien suivi {link.code} de Sofia Commerciale"


def test_a_lead_without_a_tracked_link_records_its_page_only(
    client, contact_page, person, django_capture_on_commit_callbacks
):
    button = soup(client.get(PERSON_FR)).select_one(".person__actions a.button")["href"]
    assert "via" not in button
    lead = send_from(client, PERSON_FR, button, django_capture_on_commit_callbacks)
    assert lead.short_link is None
    assert lead.source_page.specific == person
    assert lead.source_path == PERSON_FR


@pytest.mark.parametrize("forged", ["AbCdEfGh", "x" * 500, "'><script>", ""])
def test_a_forged_code_is_ignored_not_an_error(
    client, contact_page, person, link, forged, django_capture_on_commit_callbacks
):
    landing = client.get(PERSON_FR, {"via": forged})
    assert landing.status_code == 200
    assert "via" not in soup(landing).select_one(".person__actions a.button")["href"]
    contact_url = f"/fr/contact/?{urlencode({'person': person.pk, 'via': forged})}"
    assert not soup(client.get(contact_url)).select_one("input[name=via]").get("value")
    # Even posted straight to the form.
    lead = send_from(client, PERSON_FR, contact_url, django_capture_on_commit_callbacks, via=forged)
    assert lead.short_link is None


def test_a_disabled_links_code_is_ignored(client, contact_page, person, link, django_capture_on_commit_callbacks):
    link.disabled = True
    link.save()
    contact_url = f"/fr/contact/?{urlencode({'person': person.pk})}"
    lead = send_from(client, PERSON_FR, contact_url, django_capture_on_commit_callbacks, via=link.code)
    assert lead.short_link is None


def test_a_made_up_source_path_names_no_page(client, contact_page, person, django_capture_on_commit_callbacks):
    lead = send_from(client, "/fr/nulle-part/", "/fr/contact/", django_capture_on_commit_callbacks)
    assert lead.source_page is None


def test_the_leads_listing_shows_filters_and_exports_the_source(
    superuser_client, contact_page, person, link, django_capture_on_commit_callbacks
):
    client = superuser_client
    send_from(client, PERSON_FR, f"/fr/contact/?via={link.code}", django_capture_on_commit_callbacks)
    Lead.objects.create(name="Sans lien", email="a@b.example", company="B", message="m", language="fr")

    listing = client.get("/admin/leads/")
    assert f"Lien suivi {link.code} de Sofia Commerciale" in listing.content.decode()
    tracked = client.get("/admin/leads/", {"source": "tracked_link"}).content.decode()
    assert "Amina Benali" in tracked
    assert "Sans lien" not in tracked
    assert "Amina Benali" not in client.get("/admin/leads/", {"source": "other"}).content.decode()
    assert "Amina Benali" in client.get("/admin/leads/", {"link_owner": link.owner_id}).content.decode()

    export = client.get("/admin/leads/", {"export": "csv", "source": "tracked_link"})
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode().lstrip("\ufeff"))))
    assert [row["Source"] for row in rows] == [f"Lien suivi {link.code} de Sofia Commerciale"]
    assert rows[0]["Page d’envoi"] == "Jamal Mossaddeq"
    assert client.get("/admin/leads/", {"export": "xlsx"}).status_code == 200


def test_a_lead_from_a_page_shared_on_linkedin_names_the_channel(
    client, contact_page, person, django_capture_on_commit_callbacks
):
    landing = client.get(PERSON_FR, {"utm_source": "LinkedIn", "utm_medium": "social"})
    button = soup(landing).select_one(".person__actions a.button")["href"]
    assert button == f"/fr/contact/?{urlencode({'person': person.pk, 'channel': 'linkedin'})}"
    lead = send_from(client, PERSON_FR, button, django_capture_on_commit_callbacks)
    assert lead.channel == "linkedin"
    assert lead.short_link is None
    assert lead.source() == "LinkedIn"


@pytest.mark.parametrize("query", [{"utm_source": "myspace"}, {"channel": "fax"}, {"channel": "x" * 300}])
def test_an_unknown_channel_is_ignored(client, contact_page, person, query, django_capture_on_commit_callbacks):
    landing = client.get(PERSON_FR, query)
    assert landing.status_code == 200
    assert "channel" not in soup(landing).select_one(".person__actions a.button")["href"]
    lead = send_from(client, PERSON_FR, "/fr/contact/", django_capture_on_commit_callbacks, **query)
    assert lead.channel == ""


def test_the_leads_listing_filters_by_channel(superuser_client, contact_page, django_capture_on_commit_callbacks):
    Lead.objects.create(
        name="Par WhatsApp", email="a@b.example", company="B", message="m", language="fr", channel="whatsapp"
    )
    Lead.objects.create(name="Sans source", email="c@d.example", company="D", message="m", language="fr")
    whatsapp = superuser_client.get("/admin/leads/", {"source": "whatsapp"}).content.decode()
    assert "Par WhatsApp" in whatsapp
    assert "Sans source" not in whatsapp
    nothing = superuser_client.get("/admin/leads/", {"source": "other"}).content.decode()
    assert "Sans source" in nothing
    assert "Par WhatsApp" not in nothing


def test_the_dashboards_audience_panel_counts_this_weeks_leads_and_opens_by_source(
    client, contact_page, person, link, sofia, django_capture_on_commit_callbacks
):
    client.get(f"/l/{link.code}", HTTP_USER_AGENT=BROWSER)
    send_from(client, PERSON_FR, f"/fr/contact/?via={link.code}", django_capture_on_commit_callbacks)
    Lead.objects.create(name="B", email="b@b.example", company="B", message="m", language="fr", channel="linkedin")
    Lead.objects.create(name="C", email="c@c.example", company="C", message="m", language="en")

    UserProfile.get_for_user(sofia).__class__.objects.filter(user=sofia).update(preferred_language="en")
    client.force_login(sofia)
    panel = soup(client.get("/admin/")).select_one(".oswego-audience")
    text = panel.get_text(" ", strip=True)
    assert "Leads by source" in text
    assert "Tracked links: 1" in text and "LinkedIn: 1" in text and "Direct or unknown: 1" in text
    assert "Your tracked links: 1" in text
