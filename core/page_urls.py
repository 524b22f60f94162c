"""A page's URL by Wagtail's rule, without the work each call of it repeated.

Every link a page shows asks ``Page.get_url`` (menus, footer, cards, breadcrumbs, alternates, structured data):
thirty to forty times per uncached page. Each call cost about 40 µs, and switching language cost far more:

- wagtail-modeltranslation keeps the sites' root paths on the request for **one** language: the language
  alternates (``core.languages.page_url``) ask in the other language and back, and each switch read them again
  from the cache (a Redis round trip each, three per page). They are kept here per language: one read each.
- ``reverse("wagtail_serve", …)`` resolved the URL pattern anew for every link (about 40 % of a call). The path
  it gives depends only on the URLconf, the script prefix, the active language (the ``/fr/`` prefix) and the
  page's path, so it is remembered for those (bounded), and still raises ``NoReverseMatch`` where it did.

The rest is Wagtail's ``get_url_parts`` (the sites the page belongs to, the current site preferred when it belongs
to several). Installed over Wagtail's and wagtail-modeltranslation's in ``core.apps``; the site's settings keep
Wagtail's i18n off (``WAGTAIL_I18N_ENABLED``), the only case this covers.
"""

from functools import lru_cache

from django.http import HttpRequest
from django.urls import NoReverseMatch, get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from wagtail.coreutils import WAGTAIL_APPEND_SLASH
from wagtail.models import Site
from wagtail_modeltranslation.patch_wagtailadmin import _new_get_site_root_paths

# Distinct page paths × languages × URLconfs a process remembers; a site has a few hundred pages.
SERVE_PATHS = 4096


def site_root_paths(self, request=None, language=None):
    """The sites' root paths in the active language: wagtail-modeltranslation's (from the cache, and kept on the
    request for the last language asked, where Wagtail's redirects app looks for them), and kept on the request
    here for each language, so that switching back and forth reads each language once. Without a request, the
    library's own, kept on the page for the last language (a page may outlive a change to the sites).
    ``language`` is the active one when the caller has already asked for it (get_url_parts), never another."""
    if not request:
        return _new_get_site_root_paths(self)
    language = language or get_language()
    known = getattr(request, "site_root_paths_by_language", None)
    if known is None:
        known = request.site_root_paths_by_language = {}
    paths = known.get(language)
    if paths is None:
        paths = known[language] = _new_get_site_root_paths(self, request)
    return paths


@lru_cache(maxsize=SERVE_PATHS)
def _serve_path(resolver, script_prefix, language, path):
    # The key names what reverse() reads besides the path: the URLconf (its resolver, replaced when URL caches
    # are cleared), the script prefix and the language of the i18n prefix. A NoReverseMatch is not remembered.
    return reverse("wagtail_serve", args=(path,))


def serve_path(path, language=None):
    """``reverse("wagtail_serve", args=(path,))``, remembered for the active URLconf, prefix and language."""
    return _serve_path(get_resolver(get_urlconf()), get_script_prefix(), language or get_language(), path)


def get_url_parts(self, request=None):
    """Wagtail's ``Page.get_url_parts``: ``(site_id, root_url, page_path)``, None when the page belongs to no
    site, ``(site_id, None, None)`` when its path has no URL."""
    language = get_language()
    # The translated path as modeltranslation's descriptor gives it: the active language's when it has one.
    url_path = getattr(self, f"url_path_{language}", None) or self.url_path
    possible_sites = [srp for srp in self._get_site_root_paths(request, language) if url_path.startswith(srp.root_path)]
    if not possible_sites:
        return None
    site_id, root_path, root_url, _language = possible_sites[0]
    if len({values[0] for values in possible_sites}) > 1 and isinstance(request, HttpRequest):
        # The page belongs to several sites: the request's own is preferred.
        site = Site.find_for_request(request)
        if site:
            for values in possible_sites:
                if values[0] == site.pk:
                    site_id, root_path, root_url, _language = values
                    break
    try:
        page_path = serve_path(url_path[len(root_path) :], language)
    except NoReverseMatch:
        return (site_id, None, None)
    if not WAGTAIL_APPEND_SLASH and page_path != "/":
        page_path = page_path.rstrip("/")
    return (site_id, root_url, page_path)


def install():
    from wagtail.models import Page, get_page_models

    # wagtail-modeltranslation assigns its `_get_site_root_paths` onto every translated page class.
    for model in {Page, *get_page_models()}:
        model._get_site_root_paths = site_root_paths
    Page.get_url_parts = get_url_parts
