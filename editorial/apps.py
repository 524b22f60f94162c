from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """For staff: admin reports, share links and QR codes, roles and upload checks."""

    name = "editorial"
    verbose_name = _("Editorial tools")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from editorial.roles import ensure_roles
        from editorial.translations import connect

        connect()

        # Once per migrate, after every migration has run. Django sends post_migrate only for apps with models, so
        # the roles follow Wagtail's own app (whose migrations create the two groups).
        post_migrate.connect(ensure_roles, sender=apps.get_app_config("wagtailcore"), dispatch_uid="oswego_roles")
