"""Tags every page uses: language alternates (switcher, hreflang, canonical), the menu and French typography."""

from dataclasses import dataclass

from django import template
from django.urls import translate_url
from django.utils import translation
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core import languages, typography
from core.models import BasePage, SiteSettings
from core.navigation import empty_listings, site_pages, site_root

register = template.Library()


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str
    url: str
    available: bool
    current: bool


def _is_routable_page(page):
    return isinstance(page, Page) and page.pk is not None and page.depth > 1


def _alternates(request, page=None, home_only=False, view_query=""):
    current = translation.get_language()
    if page is None and request is not None:
        match = getattr(request, "resolver_match", None)
        # No page and no view of our own (an error page): the home pages are
        # the only sure translations.
        home_only = home_only or match is None or match.url_name == "wagtail_serve"
    target = site_root(request) if home_only else page
    alternates = []
    for code in languages.CODES:
        if target is not None and _is_routable_page(target):
            url = languages.page_url(target, code, request)
            # Wagtail's own Page.has_translation() speaks of locales: only our pages answer per language.
            ours = isinstance(target, BasePage)
            available = target.has_translation(code) if ours else True
            with translation.override(code):
                query = target.get_alternate_query(request, code) if ours else ""
            if url and query:
                url = f"{url}?{query}"
        elif request is not None:
            url = translate_url(request.path, code)
            if view_query:
                url = f"{url}?{view_query}"
            available = True
        else:
            continue
        if url and request is not None:
            url = request.build_absolute_uri(url)
        alternates.append(
            Alternate(code=code, name=languages.autonym(code), url=url, available=available, current=code == current)
        )
    return alternates


@register.simple_tag(takes_context=True)
def language_alternates(context, home_only=False):
    """This page in every language, for the switcher, hreflang links and the canonical URL.

    On a Wagtail page each language links to the page's own translation (its
    translated slug); elsewhere to the same view in the other language; with
    ``home_only`` (error pages) to the home page in each language. A view of
    our own keeps the query it names in ``alternate_query`` (the search view:
    its words), as a page does with ``get_alternate_query``.
    """
    return _alternates(
        context.get("request"),
        context.get("page"),
        home_only=home_only,
        view_query=context.get("alternate_query") or "",
    )


@register.simple_tag
def canonical_url(alternates):
    """The current language's URL, or the default language's when this page has no translation."""
    by_code = {alternate.code: alternate for alternate in alternates}
    current = next((a for a in alternates if a.current), None)
    if current is not None and current.available:
        return current.url
    default = by_code.get(languages.DEFAULT)
    return default.url if default else ""


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    current: str  # "page", "true" (a page below it is shown) or ""


def _current(page, item):
    if isinstance(page, Page) and page.path:
        if page.pk == item.pk:
            return "page"
        if page.path.startswith(item.path):
            return "true"
    return ""


def _edited_menus(request):
    """{menu name: [(page, label)]} of the site settings' menus in the active language, live pages only.

    One query for the pages of every list, once per request: the header and the footer share it (the settings row
    is the one the footer reads anyway, kept on the request by Wagtail).
    """
    language = translation.get_language()
    cache_key = f"_oswego_menus_{language}"
    if not hasattr(request, cache_key):
        navigation = SiteSettings.load(request_or_site=request)
        raw = {}
        for name in SiteSettings.MENUS:
            own = getattr(navigation, f"{name}_{language}", None)
            use_labels = bool(own) or language == languages.DEFAULT
            stream = own if own else getattr(navigation, f"{name}_{languages.DEFAULT}")
            raw[name] = [
                (child["value"].get("page"), child["value"].get("label", "") if use_labels else "")
                for child in (stream.raw_data if stream else [])
                if child.get("type") == "link" and child["value"].get("page")
            ]
        # The settings' menus are among the pages every frame links to (site_pages): no query of their own.
        # A page missing there is not live.
        hidden = empty_listings(site_pages(request))
        pages = {page.pk: page for page in site_pages(request) if page.pk not in hidden}
        menus = {
            name: [(pages[page_id], label) for page_id, label in links if page_id in pages]
            for name, links in raw.items()
        }
        setattr(request, cache_key, menus)
    return getattr(request, cache_key)


def _menu_items(request, page, links):
    return [
        MenuItem(title=label or item.title, url=item.get_url(request), current=_current(page, item))
        for item, label in links
    ]


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu of the site settings; without one, the pages ticked “show in menus” directly
    under the home page, in tree order. The header and the footer share the result (one query or two a request)."""
    request = context.get("request")
    root = site_root(request)
    if root is None:
        return []
    page = context.get("page")
    edited = _edited_menus(request)["main_menu"]
    if edited:
        return _menu_items(request, page, edited)
    cache_key = f"_oswego_menu_{translation.get_language()}"
    if not hasattr(request, cache_key):
        items = [page for page in site_pages(request) if page.depth == root.depth + 1 and page.show_in_menus]
        hidden = empty_listings(items)
        setattr(request, cache_key, [item for item in items if item.pk not in hidden])
    return _menu_items(request, page, [(item, "") for item in getattr(request, cache_key)])


FOOTER_COLUMNS = (
    ("footer_services", _("Services")),
    ("footer_firm", _("The firm")),
    ("footer_legal", _("Legal")),
)


@register.simple_tag(takes_context=True)
def footer_columns(context):
    """[(heading, items)] of the footer's columns that have links; empty when none has (the footer then lists the
    main menu)."""
    request = context.get("request")
    if request is None:
        return []
    menus = _edited_menus(request)
    return [(heading, _menu_items(request, None, menus[name])) for name, heading in FOOTER_COLUMNS if menus[name]]


# The menu lists the children of the site's home page, which sits right under Wagtail's root.
MENU_DEPTH = 3


@register.simple_tag(takes_context=True)
def menu_position(context):
    """All the menu's "current" marks depend on: the page's ancestor-or-self among the menu's depth, and whether
    the page is that item or below it. A fragment kept with it serves every page of a section (no query)."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.path:
        return ""
    return f"{page.path[: MENU_DEPTH * page.steplen]}:{min(page.depth, MENU_DEPTH + 1)}"


@register.simple_tag(takes_context=True)
def home_url(context):
    root = site_root(context.get("request"))
    return root.get_url(context.get("request")) if root else "/"


@register.filter(is_safe=True)
def typo(value):
    """French spacing before ``? ! ; : %`` and inside ``« »`` on a French page; nothing elsewhere.

    base.html runs the whole page body and title through it (``{% filter typo %}``), so rich text, StreamField
    blocks and translated strings all get it; HTML tags and attributes are left untouched.
    """
    if not value or not typography.is_french():
        return value
    if isinstance(value, SafeData):
        # Already safe HTML: only the spaces between words change.
        return mark_safe(typography.french_html(str(value)))  # noqa: S308  # nosec B308 B703
    return typography.french_text(str(value))


@register.filter
def de(name):
    """A name with the French “de” before it, elided before a vowel (“d’Olivier”); the bare name in English.

    For translated strings such as “Articles by {{ name }}”: the French catalogue writes “Articles {{ name }}”.
    """
    if not name:
        return name
    return typography.de(name) if typography.is_french() else name
