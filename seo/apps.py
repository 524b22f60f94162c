from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeoConfig(AppConfig):
    """What crawlers and link previews see: meta tags, JSON-LD, share images, sitemap, robots.txt, redirects."""

    name = "seo"
    verbose_name = _("Search engines and link previews")

    def ready(self):
        from wagtail.models import get_page_models
        from wagtail.signals import page_published

        from seo import redirects, tasks

        redirects.connect()
        for model in get_page_models():
            page_published.connect(tasks.draw_on_publish, sender=model, dispatch_uid=f"seo_{model.__name__}")
