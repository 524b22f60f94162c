from django import template

from core.models import SiteSettings
from people.models import PeopleIndexPage, PersonPage

register = template.Library()


@register.simple_tag(takes_context=True)
def contact_url(context, person=None):
    """Where a “contact this person” button leads.

    Until the contact form exists: the person's page when it is live and not the
    current page, otherwise the firm's public address from the site settings
    (an empty string when there is none: the template then shows no button).
    """
    request = context.get("request")
    current = context.get("page")
    if person is not None and person.live and (current is None or current.pk != person.pk):
        return person.get_url(request)
    email = SiteSettings.load(request_or_site=request).contact_email if request is not None else ""
    return f"mailto:{email}" if email else ""


@register.simple_tag
def leadership(limit=6):
    """The leadership index and its people in the editors' order (for the home page)."""
    index = PeopleIndexPage.objects.live().first()
    if index is None:
        return {"index": None, "people": []}
    people = (
        PersonPage.objects.child_of(index)
        .live()
        .select_related("photo", "office")
        .prefetch_related("photo__renditions")
        .order_by("path")[:limit]
    )
    return {"index": index, "people": list(people)}
