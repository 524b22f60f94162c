from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = _("Contact")

    def ready(self):
        from django.db.models.signals import post_save

        from contact import tasks
        from contact.models import Lead
        from ops import scheduler

        post_save.connect(tasks.announce_new_lead, sender=Lead, dispatch_uid="contact.announce_new_lead")
        # Leads are kept for the period the privacy settings give, not forever.
        scheduler.every(timedelta(days=1), tasks.erase_expired_leads)
