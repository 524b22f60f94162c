"""A person's rights over their leads: erasure on request, a retention period, exports readable in French Excel."""

import datetime
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from contact import privacy, tasks
from contact.factories import LeadFactory
from contact.models import Erasure, Lead, PrivacySettings
from ops import scheduler
from tests.helpers import run_queued_jobs, soup

LEADS = "/admin/leads/"
AMINA = "amina.benali@atlas-telecom.example"


def rows_mentioning(address):
    """Every row the site keeps that still holds the address, whatever the case."""
    found = list(Lead.objects.filter(email__iexact=address))
    found += [row for row in DBTaskResult.objects.all() if address.lower() in json.dumps(row.args_kwargs).lower()]
    found += [row for row in Erasure.objects.all() if address.lower() in str(row.__dict__).lower()]
    found += [row for row in ModelLogEntry.objects.all() if address.lower() in json.dumps(row.data).lower()]
    return found


@pytest.fixture
def amina_everywhere(db, database_queue, settings, tmp_path):
    """Amina wrote twice (once with capitals); a queued e-mail and a development mail file hold her address."""
    settings.EMAIL_BACKEND = "ops.mail.QueuedEmailBackend"
    settings.EMAIL_TRANSPORT = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "mail")
    LeadFactory(email=AMINA, name="Amina Benali")
    LeadFactory(email=AMINA.upper(), name="Amina Benali")
    other = LeadFactory(email="john.carter@northwind.example", name="John Carter")
    # A reply to her, queued, and one already sent into the development mailbox.
    mail.EmailMessage("Votre demande", "Bonjour Amina", to=[AMINA]).send()
    mail.EmailMessage("Merci", "Bonjour", to=[AMINA]).send()
    run_queued_jobs()
    mail.EmailMessage("Votre demande", "Bonjour Amina", to=[AMINA]).send()
    mail.EmailMessage("Hello", "Hello John", to=["john.carter@northwind.example"]).send()
    assert rows_mentioning(AMINA)
    # Django's file backend names a file by the second and the backend object's id, and appends: two messages in
    # the same second may share a file when the second backend reuses the first one's memory.
    written = "".join(path.read_text() for path in (tmp_path / "mail").iterdir())
    assert written.count("Subject: ") == 2
    return other


def test_forget_command_leaves_no_row_with_the_address(amina_everywhere, tmp_path):
    out = io.StringIO()
    call_command("forget", "Amina.Benali@Atlas-Telecom.example", "--by", "dpo@oswego.example", stdout=out)
    assert rows_mentioning(AMINA) == []
    assert Lead.objects.get() == amina_everywhere  # John's lead stays
    assert DBTaskResult.objects.filter(args_kwargs__icontains="john.carter").exists()
    assert not any(AMINA in path.read_text().lower() for path in (tmp_path / "mail").iterdir())
    erasure = Erasure.objects.get()
    assert (erasure.reason, erasure.leads_erased, erasure.performed_by) == ("request", 2, "dpo@oswego.example")
    assert erasure.jobs_erased >= 2 and erasure.mail_files_erased == 2
    assert erasure.subject_digest == privacy.subject_digest(AMINA) != privacy.subject_digest("someone@else.example")
    assert "Erased 2 lead(s)" in out.getvalue()


def test_forget_command_refuses_what_is_not_an_address(db):
    with pytest.raises(CommandError):
        call_command("forget", "Amina Benali")
    assert not Erasure.objects.exists()


def test_forget_from_the_leads_listing(superuser_client, amina_everywhere):
    lead = Lead.objects.filter(email=AMINA).first()
    superuser_client.get(f"{LEADS}inspect/{lead.pk}/")  # nothing logged by reading; deleting would log her name
    listing = soup(superuser_client.get(LEADS))
    forget_url = f"{LEADS}forget/{lead.pk}/"
    assert listing.select_one(f'a[href="{forget_url}"]') is not None
    confirm = superuser_client.get(forget_url)
    assert confirm.status_code == 200
    assert "2" in soup(confirm).select_one("main p").get_text()
    response = superuser_client.post(forget_url)
    assert response.status_code == 302
    assert rows_mentioning(AMINA) == []
    erasure = Erasure.objects.get()
    assert erasure.performed_by == "editor-in-chief" and erasure.leads_erased == 2


def test_the_admin_history_of_a_forgotten_lead_goes_too(superuser_client, db):
    lead = LeadFactory(email=AMINA, name="Amina Benali")
    kept = LeadFactory(email=AMINA, name="Amina Benali")
    superuser_client.post(f"{LEADS}delete/{lead.pk}/")
    assert ModelLogEntry.objects.filter(label__icontains="Amina").exists()
    privacy.forget(AMINA, by="dpo")
    assert not ModelLogEntry.objects.filter(label__icontains="Amina").exists()
    assert not Lead.objects.filter(pk=kept.pk).exists()


def test_staff_who_may_only_read_leads_cannot_forget(client, db):
    lead = LeadFactory(email=AMINA)
    group = Group.objects.create(name="Readers")
    group.permissions.add(Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_lead"))
    user = get_user_model().objects.create_user("reader", "reader@example.com", "a-long-test-password")
    user.groups.add(group)
    client.force_login(user)
    assert f"{LEADS}forget/{lead.pk}/".encode() not in client.get(LEADS).content
    assert client.post(f"{LEADS}forget/{lead.pk}/").status_code in (302, 403)
    assert Lead.objects.filter(email=AMINA).exists()
    assert not Erasure.objects.exists()


@pytest.fixture
def retention(home):
    settings = PrivacySettings.for_site(home.get_site())
    settings.lead_retention_months = 24
    settings.save()
    return settings


def test_retention_removes_a_lead_older_than_the_setting_and_keeps_a_younger_one(retention):
    now = timezone.now()
    old = LeadFactory(created_at=now - datetime.timedelta(days=2 * 365 + 5))
    young = LeadFactory(created_at=now - datetime.timedelta(days=2 * 365 - 5))
    assert tasks.erase_expired_leads.call() == 1
    assert not Lead.objects.filter(pk=old.pk).exists()
    assert Lead.objects.filter(pk=young.pk).exists()
    erasure = Erasure.objects.get()
    assert (erasure.reason, erasure.leads_erased, erasure.subject_digest) == ("retention", 1, "")


def test_a_shorter_retention_period_set_by_the_editor_applies_the_next_night(retention):
    young = LeadFactory(created_at=timezone.now() - datetime.timedelta(days=200))
    assert tasks.erase_expired_leads.call() == 0
    retention.lead_retention_months = 6
    retention.save()
    assert tasks.erase_expired_leads.call() == 1
    assert not Lead.objects.filter(pk=young.pk).exists()


def test_retention_is_enforced_daily_by_the_scheduler():
    schedule = scheduler.SCHEDULES["contact.tasks.erase_expired_leads"]
    assert schedule.interval == datetime.timedelta(days=1)


def test_months_are_calendar_months():
    moment = timezone.make_aware(datetime.datetime(2026, 3, 31, 12))
    assert privacy.months_before(moment, 1) == timezone.make_aware(datetime.datetime(2026, 2, 28, 12))
    assert privacy.months_before(moment, 24) == timezone.make_aware(datetime.datetime(2024, 3, 31, 12))


def test_csv_export_starts_with_a_utf8_bom_for_french_excel(superuser_client, db):
    LeadFactory(company="Atlas Télécom")
    content = b"".join(superuser_client.get(LEADS, {"export": "csv"}).streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")
    assert "Atlas Télécom" in content.decode("utf-8-sig")


def test_export_asks_for_the_same_permission_as_the_listing(client, db):
    LeadFactory(email=AMINA)
    group = Group.objects.create(name="Writers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = get_user_model().objects.create_user("writer", "writer@example.com", "a-long-test-password")
    user.groups.add(group)
    client.force_login(user)
    for export in ("csv", "xlsx"):
        response = client.get(LEADS, {"export": export})
        assert response.status_code == client.get(LEADS).status_code != 200
        assert AMINA.encode() not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_erasures_are_listed_read_only_in_the_settings_menu(superuser_client, db):
    privacy.forget(AMINA, by="dpo@oswego.example")
    response = superuser_client.get("/admin/erasures/")
    assert response.status_code == 200
    row = soup(response).select_one("table.listing tbody tr").get_text(" ", strip=True)
    assert "dpo@oswego.example" in row
    assert AMINA not in response.content.decode()
    assert b"/admin/erasures/new/" not in response.content
    erasure = Erasure.objects.get()
    assert superuser_client.post(f"/admin/erasures/delete/{erasure.pk}/").status_code == 403
    assert Erasure.objects.filter(pk=erasure.pk).exists()
