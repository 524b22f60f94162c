from django import template

from core import languages
from offices.models import OfficeIndexPage, OfficePage

register = template.Library()


@register.simple_tag
def office_list(limit=6):
    """The offices index and its offices (for the home page)."""
    index = OfficeIndexPage.objects.live().only(*languages.LINK_FIELDS).first()
    if index is None:
        return {"index": None, "offices": []}
    return {"index": index, "offices": list(OfficePage.objects.child_of(index).live().order_by("path")[:limit])}
