from django import template

from core import navigation
from core.prepared import Key, prepared
from offices.models import OfficeIndexPage, OfficePage

register = template.Library()


@register.simple_tag(takes_context=True)
def office_list(context, limit=6):
    """The offices index and its offices (for the home page)."""
    index = navigation.section_page(context.get("request"), OfficeIndexPage)
    if index is None:
        return {"index": None, "offices": []}
    return {"index": index, "offices": list(_office_cards(*navigation.children_range(index), limit))}


@prepared(str, str, int, Key)
def _office_cards(first, last, depth, limit):
    """The first ``limit`` live offices at ``depth`` between the tree paths ``first`` and ``last``: a card and the
    first office's map read them, never the body, whatever its length."""
    offices = OfficePage.objects.filter(path__range=(first, last), depth=depth).live()
    return offices.defer_streamfields().order_by("path")[:limit]
