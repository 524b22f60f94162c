"""Tracked links in the request cycle, ahead of the page cache.

- ``/l/<code>`` is answered here (links.views.open_link), before sessions, the page cache and LocaleMiddleware:
  nothing can set a cookie or store the redirect, and a 404 stays a 404 (LocaleMiddleware would otherwise
  redirect an unprefixed 404 to ``/fr/l/<code>/``).
- ``?via=<code>`` is kept only when it names an enabled link; any other value is dropped from the query before
  the page cache reads it, so forged codes are served the canonical page and never make cache entries of their own.
"""

import re
from urllib.parse import parse_qsl, urlencode

from django.http import QueryDict

from core.navigation import ATTRIBUTION_PARAMETER
from links.resolve import active_link_id
from links.views import open_link

SHORT_LINK_PATH = re.compile(r"^/l/(?P<code>[^/]{1,64})/?$")
MARKER = f"{ATTRIBUTION_PARAMETER}="


class TrackedLinksMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = SHORT_LINK_PATH.match(request.path_info)
        if match:
            return open_link(request, match["code"])
        query = request.META.get("QUERY_STRING", "")
        if MARKER in query:
            cleaned = drop_unknown_codes(query)
            if cleaned != query:
                request.META["QUERY_STRING"] = cleaned
                request.GET = QueryDict(cleaned)
        return self.get_response(request)


def drop_unknown_codes(query):
    """The query without any ``via`` that does not name an enabled link (at most one is kept)."""
    try:
        pairs = parse_qsl(query, keep_blank_values=True)
    except ValueError:
        return ""
    kept, seen = [], False
    for name, value in pairs:
        if name == ATTRIBUTION_PARAMETER:
            if seen or active_link_id(value) is None:
                continue
            seen = True
        kept.append((name, value))
    return urlencode(kept)
