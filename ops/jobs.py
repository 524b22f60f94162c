"""Background jobs: the retry rule every job of the site follows, and the queue's depth for /healthz.

Jobs are django-tasks tasks (``@task()``), declared by the app that owns the work (``contact/tasks.py``,
``seo/tasks.py``, ``search/tasks.py``, ``ops/mail.py``). With the database backend a job is a row written in the
caller's transaction: a lead and the job that announces it are committed together, a publish and the jobs that
follow it too, and both survive a restart. ``manage.py worker`` runs them.
"""

import json
import logging
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from django_tasks import task_backends
from django_tasks.signals import task_finished

logger = logging.getLogger(__name__)

# Pauses before the 2nd, 3rd, 4th… attempt: a mail server back within the hour loses nothing.
RETRY_DELAYS = (timedelta(seconds=30), timedelta(minutes=2), timedelta(minutes=10), timedelta(hours=1))


def attempts_left(attempt):
    """True while the job that just failed its ``attempt``-th try may be tried again."""
    return attempt < settings.TASKS_MAX_ATTEMPTS


def retry(task, attempt, *args, **kwargs):
    """Enqueue attempt ``attempt + 1`` of ``task`` after a pause (at once on a backend that cannot defer)."""
    delay = RETRY_DELAYS[min(attempt, len(RETRY_DELAYS)) - 1]
    if task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + delay)
    return task.enqueue(*args, attempt=attempt + 1, **kwargs)


def uses_database_queue():
    return type(task_backends["default"]).__module__.startswith("django_tasks_db")


def queue_depth():
    """Jobs ready to run now (None when jobs do not wait in the database)."""
    if not uses_database_queue() or not apps.is_installed("django_tasks_db"):
        return None
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.ready().count()


def erase_jobs_mentioning(text):
    """Delete the jobs (waiting, running or finished) whose arguments, result or error mention ``text``.

    For a person's right to erasure: a queued e-mail carries its recipients and reply-to address. Case-insensitive;
    the number of jobs deleted. Read in Python, not by a database lookup: JSON escapes differ between databases.
    """
    if not text or not apps.is_installed("django_tasks_db"):
        return 0
    from django_tasks_db.models import DBTaskResult

    needle = text.casefold()
    rows = DBTaskResult.objects.only("id", "args_kwargs", "return_value", "traceback").iterator(chunk_size=500)
    doomed = [
        row.pk
        for row in rows
        if needle in json.dumps([row.args_kwargs, row.return_value], ensure_ascii=False).casefold()
        or needle in (row.traceback or "").casefold()
    ]
    deleted, _ = DBTaskResult.objects.filter(pk__in=doomed).delete()
    return deleted


def report_failure(sender, task_result, **kwargs):
    """A job that failed for good reaches the people in ADMINS (and Sentry) through the ``ops.jobs`` logger."""
    if task_result.status != "FAILED" or task_result.task.module_path == "ops.mail.send_email":
        # A message that could not be sent is not announced by another message.
        return
    error = task_result.errors[-1].traceback if task_result.errors else ""
    logger.error("Job %s (%s) failed:\n%s", task_result.task.module_path, task_result.id, error)


def connect():
    task_finished.connect(report_failure, dispatch_uid="ops.jobs.report_failure")
