"""``{% pagefragment "name" [value…] %}…{% endpagefragment %}``: a part every page shares, rendered once per content
version.

The page cache (caching/cache.py) keeps whole pages for anonymous visitors; this keeps what every page repeats —
the header's menu, the footer — for the requests that still reach Wagtail (a first visitor after a publish, the
page cache off). A fragment is kept per name, scheme, host, language and the values it varies on, and served only
for the site-wide content version it was rendered with: a change to a menu page, the settings or a site bumps that
version (caching/signals.py). Nothing page-specific belongs inside one unless it is among the values.

Rendered afresh, never stored: previews, logged-in users, anything but GET, and a fragment rendered on a response
that uses a CSRF token (a form).
"""

import logging

from django import template
from django.conf import settings

from caching.cache import cached_fragment, is_anonymous, keep_fragment, request_content_version

logger = logging.getLogger(__name__)
register = template.Library()


class PageFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if (
            not settings.PAGE_CACHE["FRAGMENTS"]
            or request is None
            or request.method != "GET"
            or getattr(request, "is_preview", False)
            or not is_anonymous(request)
        ):
            return self.nodelist.render(context)
        extra = [value.resolve(context) for value in self.vary_on]
        try:
            if request_content_version(request) is None:
                return self.nodelist.render(context)
            content = cached_fragment(request, self.name, extra)
        except Exception:
            logger.exception("Fragment cache unavailable")
            return self.nodelist.render(context)
        if content is not None:
            return content
        content = self.nodelist.render(context)
        # A CSRF token belongs to one visitor: a page that used one keeps nothing.
        if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            try:
                keep_fragment(request, self.name, content, extra)
            except Exception:
                logger.exception("Fragment cache unavailable")
        return content


@register.tag("pagefragment")
def do_pagefragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes a quoted name, then optional values to vary on.")
    nodelist = parser.parse(("endpagefragment",))
    parser.delete_first_token()
    return PageFragmentNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]])
