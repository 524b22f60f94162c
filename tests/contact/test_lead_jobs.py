"""A lead is stored by the request; its e-mail is a job the worker sends, tried again while the mail server is down."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from contact.models import Lead
from tests.helpers import queued_jobs, run_queued_jobs

NOTIFY = "contact.tasks.notify_lead"


@pytest.fixture
def jamal(person):
    person.notification_email = "jamal.mossaddeq@oswego.example"
    person.save()
    return person


def test_the_lead_is_stored_at_once_and_its_email_waits_for_the_worker(contact_page, jamal, submit, database_queue):
    response = submit(f"/en/contact/?person={jamal.pk}")
    assert response.status_code == 302
    lead = Lead.objects.get()
    assert lead.notification_status == Lead.NotificationStatus.PENDING
    assert mail.outbox == []
    (job,) = queued_jobs(NOTIFY)
    assert job.args_kwargs == {"args": [lead.pk], "kwargs": {}}

    run_queued_jobs()

    (email,) = mail.outbox
    assert email.to == ["jamal.mossaddeq@oswego.example"]
    lead.refresh_from_db()
    assert (lead.notification_status, lead.notification_attempts) == (Lead.NotificationStatus.SENT, 1)
    assert lead.notified_at is not None


def test_a_mail_server_down_is_tried_again_then_the_failure_is_recorded(
    contact_page, jamal, submit, database_queue, settings
):
    settings.TASKS_MAX_ATTEMPTS = 3
    settings.EMAIL_TRANSPORT = "tests.contact.failing_email_backend.FailingEmailBackend"
    submit(f"/en/contact/?person={jamal.pk}")
    lead = Lead.objects.get()

    run_queued_jobs()
    lead.refresh_from_db()
    assert (lead.notification_status, lead.notification_attempts) == (Lead.NotificationStatus.RETRYING, 1)
    assert "Connection refused" in lead.notification_error
    # The next attempt waits: nothing is due yet.
    (retry,) = DBTaskResult.objects.filter(task_path=NOTIFY, status="READY")
    assert retry.run_after > timezone.now() + timedelta(seconds=20)
    assert retry.args_kwargs == {"args": [lead.pk], "kwargs": {"attempt": 2}}

    for attempt in (2, 3):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())  # time passes
        run_queued_jobs()
        lead.refresh_from_db()
        assert lead.notification_attempts == attempt

    assert lead.notification_status == Lead.NotificationStatus.FAILED
    assert "Connection refused" in lead.notification_error
    assert queued_jobs() == []
    assert mail.outbox == []
    # The lead itself is untouched, in the admin for staff to follow up.
    assert (lead.name, lead.email) == ("Amina Benali", "amina.benali@atlas-telecom.example")


def test_a_mail_server_back_before_the_last_attempt_delivers_the_email(
    contact_page, jamal, submit, database_queue, settings
):
    settings.EMAIL_TRANSPORT = "tests.contact.failing_email_backend.FailingEmailBackend"
    submit(f"/en/contact/?person={jamal.pk}")
    run_queued_jobs()
    settings.EMAIL_TRANSPORT = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_queued_jobs()

    lead = Lead.objects.get()
    assert (lead.notification_status, lead.notification_attempts, lead.notification_error) == (
        Lead.NotificationStatus.SENT,
        2,
        "",
    )
    assert [email.to for email in mail.outbox] == [["jamal.mossaddeq@oswego.example"]]
