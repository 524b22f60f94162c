"""Pages every template finds its way by: the site's home page and the contact page, looked up once per request,
and the pages routing passed on its way to the one served."""

from wagtail.models import Page, Site, get_page_models

from core import languages

# The query parameter of a tracked share link (``/l/<code>`` redirects to the page with ``?via=<code>``): every page
# declares it to the page cache, and its contact links carry it to the contact form, so a lead names the link that
# brought its sender. Only codes of enabled links reach the pages (links.middleware drops the others).
ATTRIBUTION_PARAMETER = "via"
# A known channel (LinkedIn, WhatsApp, e-mail) named by the link's utm_source, carried the same way.
CHANNEL_PARAMETER = "channel"
CARRIED_PARAMETERS = (ATTRIBUTION_PARAMETER, CHANNEL_PARAMETER)


def site_root(request):
    """The site's home page, fetched once per request."""
    if request is None:
        return None
    if not hasattr(request, "_oswego_site_root"):
        site = Site.find_for_request(request)
        request._oswego_site_root = site.root_page.specific if site else None
    return request._oswego_site_root


def contact_page(request):
    """The live contact page (None when there is none), looked up once per request, with what a link to it needs.

    A page type says it is the contact page with ``is_contact_page = True``: the pages that link to it (a person's
    "contact" button, a call to action) find it without importing the app that defines it.
    """
    if request is None:
        return None
    if not hasattr(request, "_oswego_contact_page"):
        found = None
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
    return not Page.objects.live().child_of(page).exists()


def empty_listings(pages):
    """The ids of those of ``pages`` that hide while empty and are: one query per such page, and a site has one or
    two of them at most (their types have ``max_count = 1``)."""
    return {page.pk for page in pages if is_empty_listing(page)}
