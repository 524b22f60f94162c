"""``{% responsive_image image "role" attr=value… %}``: an image in one of the roles of core/images.py.

The role gives the crop, the widths, the formats and ``sizes``; what the role lists is also what the worker makes
ahead, so the template never names a size of its own. A rendition not made yet is queued, not made during the
reader's request.
"""

from django import template

from core import images

register = template.Library()


@register.simple_tag(takes_context=True)
def responsive_image(context, image, role, **attrs):
    if not image:
        return ""
    # The request is on the context itself even inside an `{% include … only %}`.
    request = getattr(context, "request", None) or context.get("request")
    return images.picture(image, role, request, **attrs)
