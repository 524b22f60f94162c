from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    """What the firm sells: the services index and one page per offer."""

    name = "services"
    verbose_name = _("Services")
