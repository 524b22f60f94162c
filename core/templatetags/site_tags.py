"""Tags every page uses: language alternates (switcher, hreflang, canonical), the menu and French typography."""

from dataclasses import dataclass

from django import template
from django.urls import translate_url
from django.utils import translation
from django.utils.safestring import SafeData, mark_safe
from wagtail.models import Page

from core import languages, typography
from core.models import BasePage
from core.navigation import site_root

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


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Pages ticked “show in menus” directly under the home page, in tree order.

    One query per request: the header and the footer share the result.
    """
    request = context.get("request")
    root = site_root(request)
    if root is None:
        return []
    cache_key = f"_oswego_menu_{translation.get_language()}"
    if not hasattr(request, cache_key):
        setattr(request, cache_key, list(root.get_children().live().in_menu()))
    page = context.get("page")
    items = []
    for item in getattr(request, cache_key):
        current = ""
        if isinstance(page, Page) and page.path:
            if page.pk == item.pk:
                current = "page"
            elif page.path.startswith(item.path):
                current = "true"
        items.append(MenuItem(title=item.title, url=item.get_url(request), current=current))
    return items


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
