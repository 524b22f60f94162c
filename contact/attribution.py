"""Which page a lead was sent from: the path the form kept (the page that linked to the form), routed as Wagtail
routes a request, so the lead points at the page itself and follows it through slug changes."""

from django.http import Http404
from django.utils import translation
from wagtail.models import Site


def page_at(request, path):
    """The live page this site serves at ``path`` (``/fr/…`` or ``/en/…``), or None."""
    language = translation.get_language_from_path(path or "")
    site = Site.find_for_request(request)
    if not language or site is None:
        return None
    components = [part for part in path.split("?")[0].split("/")[2:] if part]
    try:
        with translation.override(language):
            page = site.root_page.specific.route(request, components)[0]
    except (Http404, ValueError):
        return None
    return page if page.live else None
