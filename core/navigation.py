"""Pages every template finds its way by: the site's home page and the contact page, looked up once per request."""

from wagtail.models import Page, Site, get_page_models


def site_root(request):
    """The site's home page, fetched once per request."""
    if request is None:
        return None
    if not hasattr(request, "_oswego_site_root"):
        site = Site.find_for_request(request)
        request._oswego_site_root = site.root_page.specific if site else None
    return request._oswego_site_root


def contact_page(request):
    """The live contact page (None when there is none), looked up once per request.

    A page type says it is the contact page with ``is_contact_page = True``: the pages that link to it (a person's
    "contact" button, a call to action) find it without importing the app that defines it.
    """
    if request is None:
        return None
    if not hasattr(request, "_oswego_contact_page"):
        found = None
        for model in get_page_models():
            if getattr(model, "is_contact_page", False):
                found = model.objects.live().order_by("path").first()
                if found is not None:
                    break
        request._oswego_contact_page = found
    return request._oswego_contact_page


def is_empty_listing(page):
    """True for a page whose type hides while empty (``hide_while_empty``) and that has no live child."""
    if not getattr(page.specific_class, "hide_while_empty", False):
        return False
    return not Page.objects.live().child_of(page).exists()


def empty_listings(pages):
    """The ids of those of ``pages`` that hide while empty and are: one query per such page, and a site has one or
    two of them at most (their types have ``max_count = 1``)."""
    return {page.pk for page in pages if is_empty_listing(page)}
