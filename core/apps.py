from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every page shares: the base page, the home page, site settings, shared blocks and the languages."""

    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from wagtail.models import Page, Site, get_page_models

        from core import images, instances, page_urls, sanitise, sites
        from core.models import BasePage, route_for_request

        # wagtail-modeltranslation assigns its own `route` onto every translated page class when it starts (before
        # this app); BasePage.route keeps its rules in one query per level of the path.
        for model in get_page_models():
            if issubclass(model, BasePage):
                model.route = BasePage.route
        Page.route_for_request = staticmethod(route_for_request)
        # Every request's site, by Wagtail's rule in a cheaper query (core/sites.py); Wagtail still keeps it on the
        # request.
        Site._find_for_request = staticmethod(sites.find_for_request)
        # Pages loaded from the database skip modelcluster's scan for child objects in keyword arguments
        # (core/instances.py).
        instances.install()
        # A page's URL without a cache read per language switch or a URL pattern resolved per link
        # (core/page_urls.py).
        page_urls.install()

        # Renditions are made ahead of the readers: on upload and on publish (core/images.py).
        images.connect()
        # Rich text is cleaned on every save of a page, snippet, setting or revision (core/sanitise.py).
        sanitise.connect()
