from datetime import timedelta

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class AudienceConfig(AppConfig):
    """First-party, cookieless audience: counts by page, language, day and channel, and their reports."""

    name = "audience"
    verbose_name = _("Audience")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from audience import tasks
        from ops import scheduler

        scheduler.every(timedelta(minutes=settings.AUDIENCE["FOLD_MINUTES"]), tasks.fold_views)
