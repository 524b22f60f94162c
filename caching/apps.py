from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    """The page cache, the shared fragments (header, footer), and their invalidation and purges when content changes."""

    name = "caching"
    verbose_name = _("Caching")

    def ready(self):
        from caching import signals

        signals.connect()
