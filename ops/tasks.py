"""The operations jobs the scheduler runs: scheduled publishing and the queue's own upkeep."""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from ops.models import WorkerHeartbeat


@task()
def publish_scheduled():
    """Publish the revisions whose go-live time has come, unpublish the expired pages (Wagtail's command)."""
    call_command("publish_scheduled", verbosity=0)


@task()
def prune_finished_jobs():
    """Forget finished jobs after TASKS_KEEP_DAYS (failed ones are kept four times as long) and departed workers."""
    now = timezone.now()
    WorkerHeartbeat.objects.filter(seen_at__lt=now - timedelta(days=1)).delete()
    if not apps.is_installed("django_tasks_db"):
        return 0
    from django_tasks_db.models import DBTaskResult

    keep = timedelta(days=settings.TASKS_KEEP_DAYS)
    deleted, _ = (
        DBTaskResult.objects.successful().filter(finished_at__lt=now - keep)
        | DBTaskResult.objects.failed().filter(finished_at__lt=now - 4 * keep)
    ).delete()
    return deleted
