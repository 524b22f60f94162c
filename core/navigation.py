"""Pages every template finds its way by: the site's home page and the contact page, looked up once per request,
and the pages routing passed on its way to the one served."""

from django.apps import apps
from django.db.models import DEFERRED, Exists, OuterRef
from wagtail.models import Page, Site, get_page_models

from core import languages
from core.prepared import prepared, prepared_for

# The query parameter of a tracked share link (``/l/<code>`` redirects to the page with ``?via=<code>``): every page
# declares it to the page cache, and its contact links carry it to the contact form, so a lead names the link that
# brought its sender. Only codes of enabled links reach the pages (links.middleware drops the others).
ATTRIBUTION_PARAMETER = "via"
# A known channel (LinkedIn, WhatsApp, e-mail) named by the link's utm_source, carried the same way.
CHANNEL_PARAMETER = "channel"
CARRIED_PARAMETERS = (ATTRIBUTION_PARAMETER, CHANNEL_PARAMETER)


def site_root(request):
    """The site's home page, as its own page type but with only its Page row read (links, menus and the
    organisation's URL need no more; the home page's own fields would load on first use), once per request."""
    if request is None:
        return None
    if not hasattr(request, "_oswego_site_root"):
        site = Site.find_for_request(request)
        request._oswego_site_root = site.root_page.specific_deferred if site else None
    return request._oswego_site_root


def site_pages(request):
    """The live pages every page's frame links to, in one query per request: the sections right under the home
    page (news, leadership, offices, contact…) and every page the site settings' menus and footer list.

    Each comes with what a link needs (``languages.LINK_FIELDS``), whether it is ticked for menus, and whether it
    has a live child (``has_live_child``: a section that hides while empty needs it). The header, the footer, the
    contact links and the home page's sections all find their pages here: an uncached page used to ask for the
    menu's pages, the contact page, each section index and each hidden section's children one query at a time,
    and each query over the bilingual page row costs the ORM more than PostgreSQL.
    """
    if request is None:
        return []
    if not hasattr(request, "_oswego_site_pages"):
        root = site_root(request)
        if root is None:
            request._oswego_site_pages = []
            return []
        # By name: core.models imports this module.
        site_settings = apps.get_model("core", "SiteSettings")
        linked = site_settings.load(request_or_site=request).menu_page_ids()
        request._oswego_site_pages = list(_frame_pages(*children_range(root), sorted(linked)))
    return request._oswego_site_pages


@prepared(str, str, int, [int])
def _frame_pages(first, last, depth, linked):
    """The live pages between the tree paths ``first`` and ``last`` at ``depth`` (the home page's children) and
    those in ``linked``, with a link's columns and ``has_live_child``. Prepared: every page's frame asks it."""
    sections = Page.objects.filter(path__range=(first, last), depth=depth)
    live_child = Page.objects.live().filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
    return (
        (sections | Page.objects.filter(pk__in=linked))
        .live()
        .only(*languages.LINK_FIELDS, "show_in_menus")
        .annotate(has_live_child=Exists(live_child))
        .order_by("path")
    )


def specific(page):
    """``page.specific``: the page as its own page type with every column read (the page served), in a query whose
    SQL is built once per page type, with the rows its type names in ``served_select_related`` (an article's hero
    image); the attributes set on ``page`` (annotations, what routing noted) carry over as Wagtail's
    ``get_specific`` carries them. Kept as ``page.specific``."""
    if "specific" in vars(page):
        return page.specific
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page
    # One prepared query per page type: the whole row of one page of that type.
    rows = prepared_for(("page served", model), lambda pk: _page_row(model, pk), int)
    loaded = next(iter(rows(page.pk)), None)
    if loaded is None:
        raise model.DoesNotExist(f"{model.__name__} {page.pk} does not exist.")
    own = vars(loaded)
    for name, value in vars(page).items():
        if name not in own:
            setattr(loaded, name, value)
    page.specific = loaded  # Wagtail's cached property, kept as it keeps it
    return loaded


def _page_row(model, pk):
    rows = model._default_manager.filter(pk=pk)
    related = getattr(model, "served_select_related", ())
    # Only those named: select_related() with none would follow every foreign key (the locale, the content type).
    return rows.select_related(*related) if related else rows


def as_specific(page):
    """``page``, a Page row loaded with some of its columns, as an instance of its own page type, without a query:
    the columns loaded are kept, the others deferred. (Wagtail's ``specific_deferred`` reads every column of the
    Page row, which loads each deferred one in a query of its own.)"""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page
    deferred = page.get_deferred_fields()
    values = tuple(
        page.pk
        if field.primary_key
        else DEFERRED
        if field.attname in deferred
        else getattr(page, field.attname, DEFERRED)
        for field in model._meta.concrete_fields
    )
    specific = model(*values)
    specific._state.adding = False
    specific._state.db = page._state.db
    return specific


def children_range(page):
    """``(first, last, depth)``: the tree paths between which ``page``'s children lie, and their depth — for a
    prepared query (``path__range=(first, last), depth=depth``), where treebeard's ``child_of`` filters by a path
    prefix (``startswith``), which cannot be prepared."""
    first, last = page._get_children_path_interval(page.path)
    return first, last, page.depth + 1


def descendants_range(page):
    """``(first, last)``: the tree paths between which ``page``'s descendants lie (``path__range``), for a prepared
    query. Treebeard's paths are steps of its alphabet, whose last sign sorts last (the column compares bytes)."""
    length = Page._meta.get_field("path").max_length
    return page.path + page.alphabet[0] * page.steplen, page.path + page.alphabet[-1] * (length - len(page.path))


def section_page(request, model):
    """The first live page of ``model`` (or a subclass) right under the home page, from ``site_pages``; else the
    first live one anywhere in the tree (a query), or None."""
    for page in site_pages(request):
        if issubclass(page.specific_class or Page, model):
            return as_specific(page)
    return model.objects.live().only(*languages.LINK_FIELDS).order_by("path").first()


def contact_page(request):
    """The live contact page (None when there is none), looked up once per request, with what a link to it needs.

    A page type says it is the contact page with ``is_contact_page = True``: the pages that link to it (a person's
    "contact" button, a call to action) find it without importing the app that defines it.
    """
    if request is None:
        return None
    if not hasattr(request, "_oswego_contact_page"):
        found = next(
            (
                as_specific(page)
                for page in site_pages(request)
                if getattr(page.specific_class, "is_contact_page", False)
            ),
            None,
        )
        if found is None:
            # Not a section of its own (or no site for this request): the first one in the tree.
            for model in get_page_models():
                if getattr(model, "is_contact_page", False):
                    found = model.objects.live().only(*languages.LINK_FIELDS).order_by("path").first()
                    if found is not None:
                        break
        request._oswego_contact_page = found
    return request._oswego_contact_page


def note_routed(request, page):
    """Routing (``core.models.BasePage.route``) met ``page`` on its way through the tree for this request."""
    if request is None:
        return
    if not hasattr(request, "_oswego_routed"):
        request._oswego_routed = {}
    request._oswego_routed[page.path] = page


def routed_ancestors(request, page, min_depth=2):
    """``page`` and its ancestors from ``min_depth`` down, in tree order, as routing loaded them for this request
    (each with its titles and URL paths), or None when routing did not pass by every one of them (then query)."""
    routed = getattr(request, "_oswego_routed", None)
    if not routed or not page.path:
        return None
    trail = [routed.get(page.path[: depth * page.steplen]) for depth in range(min_depth, page.depth + 1)]
    return trail if all(crumb is not None for crumb in trail) else None


def is_empty_listing(page):
    """True for a page whose type hides while empty (``hide_while_empty``) and that has no live child."""
    if not getattr(page.specific_class, "hide_while_empty", False):
        return False
    if hasattr(page, "has_live_child"):  # loaded with it (site_pages)
        return not page.has_live_child
    return not Page.objects.live().child_of(page).exists()


def empty_listings(pages):
    """The ids of those of ``pages`` that hide while empty and are: no query for pages from ``site_pages``, else one
    per such page (a site has one or two of them at most: their types have ``max_count = 1``)."""
    return {page.pk for page in pages if is_empty_listing(page)}
