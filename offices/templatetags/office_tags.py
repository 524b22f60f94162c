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
    return {"index": index, "offices": list(OfficePage.objects.child_of(index).live().order_by("path")[:limit])}
