from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Running the site: security headers, the lock-out page, the database-down page and the health check."""

    name = "ops"
    verbose_name = _("Operations")
