"""Background work leaves the request: e-mails, search documents and share images are jobs a worker runs."""

import statistics
import time
from datetime import timedelta
from email.mime.text import MIMEText

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.storage import default_storage
from django.core.mail import EmailMessage
from django.utils import timezone

from articles.factories import ArticlePageFactory
from ops.models import WorkerHeartbeat
from search.models import SearchDocument
from seo import share_images
from tests.helpers import queued_jobs, run_queued_jobs

QUEUED = "ops.mail.QueuedEmailBackend"
SEND = "ops.mail.send_email"


@pytest.fixture
def queued_mail(db, settings, database_queue):
    """Messages go through the queue, as in production; the worker's transport is the test outbox."""
    settings.EMAIL_BACKEND = QUEUED
    settings.EMAIL_TRANSPORT = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser("chief", "chief@example.com", "a-long-test-password")


def test_password_reset_email_is_queued_and_sent_by_the_worker(client, staff, queued_mail):
    response = client.post("/admin/password_reset/", {"email": "chief@example.com"})
    assert response.status_code == 302
    assert mail.outbox == []
    assert len(queued_jobs(SEND)) == 1

    run_queued_jobs()

    (email,) = mail.outbox
    assert email.to == ["chief@example.com"]
    assert "/admin/password_reset/confirm/" in email.body


def test_password_reset_takes_as_long_for_a_known_address_as_for_an_unknown_one(client, staff, queued_mail):
    def median_ms(address):
        durations = []
        for _ in range(20):
            start = time.perf_counter()
            assert client.post("/admin/password_reset/", {"email": address}).status_code == 302
            durations.append((time.perf_counter() - start) * 1000)
        return statistics.median(durations)

    median_ms("chief@example.com")  # warm up templates and connections
    known, unknown = median_ms("chief@example.com"), median_ms("nobody@example.com")
    assert abs(known - unknown) < 50, f"known {known:.1f} ms, unknown {unknown:.1f} ms"


def test_a_queued_message_keeps_its_headers_alternatives_and_attachments(queued_mail):
    message = EmailMessage("Sujet é", "Corps", "site@oswego.example", ["a@example.com"], reply_to=["r@example.com"])
    message.attach("notes.txt", "bonjour", "text/plain")
    assert message.send() == 1
    run_queued_jobs()
    (sent,) = mail.outbox
    assert (sent.subject, sent.body, sent.reply_to) == ("Sujet é", "Corps", ["r@example.com"])
    assert sent.attachments[0][:2] == ("notes.txt", "bonjour")


def test_a_message_the_queue_cannot_carry_is_sent_at_once(queued_mail):
    message = EmailMessage("Alert", "Body", "site@oswego.example", ["ops@example.com"])
    message.attach(MIMEText("a MIME part, which the queue's JSON cannot carry"))
    assert message.send() == 1
    assert [email.subject for email in mail.outbox] == ["Alert"]
    assert queued_jobs(SEND) == []


def test_a_failing_mail_server_is_tried_again_then_the_job_is_recorded_failed(queued_mail, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS_MAX_ATTEMPTS = 2
    settings.EMAIL_TRANSPORT = "tests.contact.failing_email_backend.FailingEmailBackend"
    EmailMessage("Alert", "Body", "site@oswego.example", ["ops@example.com"]).send()
    run_queued_jobs()
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_queued_jobs()
    statuses = sorted(DBTaskResult.objects.filter(task_path=SEND).values_list("status", flat=True))
    assert statuses == ["FAILED", "SUCCESSFUL"]  # the first attempt handed over to the second, which gave up
    failed = DBTaskResult.objects.get(task_path=SEND, status="FAILED")
    assert "Connection refused" in failed.traceback


def test_publishing_queues_search_documents_and_share_images_for_the_worker(news_index, database_queue):
    article = ArticlePageFactory(parent=news_index, title_fr="Relation client à Tanger", live=False)
    article.save_revision().publish()
    assert SearchDocument.objects.filter(page=article).count() == 0
    paths = {job.task_path for job in queued_jobs()}
    assert {"search.tasks.refresh_page_documents", "seo.tasks.draw_share_images"} <= paths

    run_queued_jobs()

    assert SearchDocument.objects.filter(page=article, language="fr").exists()
    article.refresh_from_db()
    assert default_storage.exists(share_images.storage_name(article, "fr"))
    assert default_storage.exists(share_images.storage_name(article, "en"))


def test_healthz_reports_the_workers_heartbeat_and_the_queue_depth(client, db, queued_mail):
    assert client.get("/healthz").content.decode().splitlines() == [
        "ok",
        "worker_heartbeat_age_seconds none",
        "queue_depth 0",
    ]
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id="w1", hostname="app-1", pid=42, started_at=now, seen_at=now - timedelta(seconds=12)
    )
    EmailMessage("Hello", "Body", "site@oswego.example", ["someone@example.com"]).send()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content.decode().splitlines() == ["ok", "worker_heartbeat_age_seconds 12", "queue_depth 1"]
