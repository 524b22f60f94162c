from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every page shares: the base page, the home page, site settings, shared blocks and the languages."""

    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from core import images, sanitise

        # Renditions are made ahead of the readers: on upload and on publish (core/images.py).
        images.connect()
        # Rich text is cleaned on every save of a page, snippet, setting or revision (core/sanitise.py).
        sanitise.connect()
