from django import template

from core import navigation
from offices.models import OfficeIndexPage, OfficePage

register = template.Library()


@register.simple_tag(takes_context=True)
def office_list(context, limit=6):
    """The offices index and its offices (for the home page)."""
    index = navigation.section_page(context.get("request"), OfficeIndexPage)
    if index is None:
        return {"index": None, "offices": []}
    # A card and the first office's map: never the body, whatever its length.
    offices = OfficePage.objects.child_of(index).live().defer_streamfields().order_by("path")[:limit]
    return {"index": index, "offices": list(offices)}
