from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from django.db.models.signals import post_migrate

        from core import signals  # noqa: F401 (connects the receivers)
        from core.roles import ensure_roles

        # Once per migrate, after every app's permissions exist.
        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="oswego_roles")
