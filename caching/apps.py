from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    """The page cache, cached fragments and routes, and their invalidation and purges when content changes."""

    name = "caching"
    verbose_name = _("Caching")

    def ready(self):
        from caching import signals

        signals.connect()
