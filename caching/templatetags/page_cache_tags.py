"""``{% pagefragment "name" %}…{% endpagefragment %}``: a rendered part of a page, kept until the content changes.

The page cache (core/cache.py) keeps whole responses for anonymous visitors;
this keeps what is costly to render (the body, the metadata) for the requests
that still reach Wagtail: when the page cache is off, for a first visitor of a
URL, or with a new query string. A fragment is kept per host, language, path
and query, and served only for the content version and the page state (id,
path, last publication) it was rendered for: it never outlives a publish nor
crosses languages. base.html's fragments come with the route, in one round trip.

Rendered afresh, never stored: previews, logged-in users, anything but GET,
no page in the context (error pages, search), and a fragment that used a CSRF
token (a form).
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
        page = context.get("page")
        if (
            not settings.PAGE_CACHE["FRAGMENTS"]
            or request is None
            or page is None
            or getattr(page, "pk", None) is None
            or request.method != "GET"
            or getattr(request, "is_preview", False)
            or not is_anonymous(request)
            or request_content_version(request) is None
        ):
            return self.nodelist.render(context)
        extra = [value.resolve(context) for value in self.vary_on]
        try:
            content = cached_fragment(request, self.name, page, extra)
        except Exception:
            logger.exception("Fragment cache unavailable")
            return self.nodelist.render(context)
        if content is not None:
            return content
        content = self.nodelist.render(context)
        # A CSRF token belongs to one visitor: a page that used one keeps nothing.
        if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            try:
                keep_fragment(request, self.name, page, content, extra)
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
