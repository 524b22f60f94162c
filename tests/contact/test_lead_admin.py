"""Marketing staff read, filter, search and export leads in the admin; nobody types one in."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from contact.factories import LeadFactory
from contact.models import Lead
from tests.helpers import soup

LEADS = "/admin/leads/"


@pytest.fixture
def leads(person):
    return {
        "amina": LeadFactory(name="Amina Benali", person=person, language="fr"),
        "john": LeadFactory(name="John Carter", company="Northwind", language="en"),
        "old": LeadFactory(
            name="Karim Alaoui", language="fr", created_at=timezone.make_aware(datetime.datetime(2024, 3, 1, 10))
        ),
    }


def names(response):
    return [a.get_text(strip=True) for a in soup(response).select("table.listing td.title .title-wrapper a")]


@pytest.fixture
def staff_client(client, db):
    """A member of the sales team: no superuser rights, but the Sales group reads leads."""
    group = Group.objects.get(name="Sales")
    user = get_user_model().objects.create_user("marketing", "marketing@example.com", "a-long-test-password")
    user.groups.add(group)
    client.force_login(user)
    return client


def test_leads_are_listed_newest_first(superuser_client, leads):
    response = superuser_client.get(LEADS)
    assert response.status_code == 200
    assert names(response) == ["John Carter", "Amina Benali", "Karim Alaoui"]
    first_row = soup(response).select_one("table.listing tbody tr").get_text(" ", strip=True)
    assert "Northwind" in first_row


def test_leads_are_filtered_by_person(superuser_client, leads, person):
    assert names(superuser_client.get(LEADS, {"person": person.pk})) == ["Amina Benali"]


def test_leads_are_filtered_by_language(superuser_client, leads):
    assert names(superuser_client.get(LEADS, {"language": "en"})) == ["John Carter"]


def test_leads_are_filtered_by_date(superuser_client, leads):
    response = superuser_client.get(LEADS, {"created_at_from": "2024-01-01", "created_at_to": "2024-12-31"})
    assert names(response) == ["Karim Alaoui"]


def test_leads_are_searched(superuser_client, leads):
    assert names(superuser_client.get(LEADS, {"q": "northwind"})) == ["John Carter"]


def test_lead_is_inspected_with_its_message(superuser_client, leads):
    lead = leads["amina"]
    page = soup(superuser_client.get(f"{LEADS}inspect/{lead.pk}/"))
    text = page.select_one("main dl").get_text(" ", strip=True)
    assert "Amina Benali" in text
    assert lead.email in text
    assert "Jamal Mossaddeq" in text
    assert lead.message in text


def test_leads_are_exported_as_csv(superuser_client, leads):
    response = superuser_client.get(LEADS, {"export": "csv", "language": "fr"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="leads.csv"'
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 3  # the heading and the two French leads
    by_name = {row[1]: row for row in rows[1:]}
    assert set(by_name) == {"Amina Benali", "Karim Alaoui"}
    assert "Jamal Mossaddeq" in by_name["Amina Benali"]
    assert by_name["Karim Alaoui"][0].startswith("2024-03-01T")


def test_leads_are_exported_as_xlsx(superuser_client, leads):
    response = superuser_client.get(LEADS, {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_a_formula_typed_by_a_prospect_is_not_run_by_the_spreadsheet(superuser_client, db):
    LeadFactory(name='=HYPERLINK("https://evil.example")', company="+33 1 23")
    content = b"".join(superuser_client.get(LEADS, {"export": "csv"}).streaming_content).decode()
    row = list(csv.reader(io.StringIO(content)))[1]
    assert row[1] == '\'=HYPERLINK("https://evil.example")'
    assert row[3] == "'+33 1 23"


def test_leads_cannot_be_added_or_edited_in_the_admin(superuser_client, leads):
    listing = soup(superuser_client.get(LEADS))
    assert listing.select_one(f'a[href="{LEADS}new/"]') is None
    lead = leads["amina"]
    # Refused, as every refusal in the admin is (editorial/forbidden.py): a 403, not a redirect.
    assert superuser_client.get(f"{LEADS}new/").status_code == 403
    assert superuser_client.get(f"{LEADS}edit/{lead.pk}/").status_code == 403
    assert superuser_client.post(f"{LEADS}new/", {"name": "Forged"}).status_code == 403
    assert not Lead.objects.filter(name="Forged").exists()


def test_leads_appear_in_the_admin_menu(superuser_client, db):
    response = superuser_client.get("/admin/")
    assert LEADS.encode() in response.content
    assert b"Demandes de contact" in response.content


def test_marketing_staff_read_and_export_leads(staff_client, leads):
    assert names(staff_client.get(LEADS)) == ["John Carter", "Amina Benali", "Karim Alaoui"]
    assert staff_client.get(LEADS, {"export": "csv"}).status_code == 200
    assert staff_client.get(f"{LEADS}inspect/{leads['john'].pk}/").status_code == 200


def test_admin_users_without_the_lead_permission_do_not_see_leads(client, db):
    group = Group.objects.create(name="Translators")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = get_user_model().objects.create_user("translator", "translator@example.com", "a-long-test-password")
    user.groups.add(group)
    client.force_login(user)
    assert LEADS.encode() not in client.get("/admin/").content
    assert client.get(LEADS).status_code == 403
