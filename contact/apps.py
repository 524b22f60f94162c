from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = _("Contact")

    def ready(self):
        from django.db.models.signals import post_save

        from contact import tasks
        from contact.models import Lead

        post_save.connect(tasks.announce_new_lead, sender=Lead, dispatch_uid="contact.announce_new_lead")
