from datetime import timedelta

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Running the site: security headers, lock-out and database-down pages, health, jobs and the scheduler."""

    name = "ops"
    verbose_name = _("Operations")

    def ready(self):
        from ops import jobs, scheduler, tasks

        jobs.connect()
        scheduler.every(timedelta(seconds=settings.SCHEDULED_PUBLISHING_SECONDS), tasks.publish_scheduled)
        scheduler.every(timedelta(days=1), tasks.prune_finished_jobs)
