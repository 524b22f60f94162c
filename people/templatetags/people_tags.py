from django import template
from django.utils.http import urlencode

from core import navigation
from core.models import SiteSettings
from core.navigation import CARRIED_PARAMETERS
from core.navigation import contact_page as find_contact_page
from people.models import PeopleIndexPage, people_cards

register = template.Library()


@register.simple_tag(takes_context=True)
def contact_url(context, person=None):
    """Where a “contact this person” button leads: the contact page with the person already chosen.

    Without a live contact page: the person's page when it is live and not the
    current page, otherwise the firm's public address from the site settings
    (an empty string when there is none: the template then shows no button).
    A page opened through a tracked link (``?via=<code>``) or from a known channel (``?channel=linkedin``) hands
    them on to the form.
    """
    request = context.get("request")
    contact_page = find_contact_page(request)
    contact_page_url = contact_page.get_url(request) if contact_page is not None else None
    if contact_page_url:
        query = {"person": person.pk} if person is not None and person.live else {}
        for name in CARRIED_PARAMETERS:
            # Only an enabled link's code and a known channel are left in the query by then (links.middleware).
            value = request.GET.get(name, "") if request is not None else ""
            if value:
                query[name] = value
        return f"{contact_page_url}?{urlencode(query)}" if query else contact_page_url
    current = context.get("page")
    if person is not None and person.live and (current is None or current.pk != person.pk):
        return person.get_url(request)
    email = SiteSettings.load(request_or_site=request).contact_email if request is not None else ""
    return f"mailto:{email}" if email else ""


@register.simple_tag(takes_context=True)
def leadership(context, limit=6):
    """The leadership index and its people in the editors' order (for the home page)."""
    index = navigation.section_page(context.get("request"), PeopleIndexPage)
    if index is None:
        return {"index": None, "people": []}
    return {"index": index, "people": people_cards(*navigation.children_range(index), limit)}
