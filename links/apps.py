from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinksConfig(AppConfig):
    """Tracked share links: each staff member's own short link to a page in each language, and its opens."""

    name = "links"
    verbose_name = _("Tracked links")

    def ready(self):
        from django.db.models.signals import post_save

        from links.models import ShortLink
        from links.resolve import forget

        # A disabled (or re-enabled) link stops (or starts) being honoured at once, in every process.
        post_save.connect(forget, sender=ShortLink, dispatch_uid="links.forget_cached_link")
