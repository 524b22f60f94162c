"""Tracked links in the request cycle, ahead of the page cache.

- ``/l/<code>`` is answered here (links.views.open_link), before sessions, the page cache and LocaleMiddleware:
  nothing can set a cookie or store the redirect, and a 404 stays a 404 (LocaleMiddleware would otherwise
  redirect an unprefixed 404 to ``/fr/l/<code>/``).
- ``?via=<code>`` is kept only when it names an enabled link; any other value is dropped from the query before
  the page cache reads it, so forged codes are served the canonical page and never make cache entries of their own.
- ``?utm_source=linkedin`` (a known channel, links/channels.py) adds ``channel=linkedin``; a ``channel`` that names
  no known channel is dropped.
"""

import re
from urllib.parse import parse_qsl, urlencode

from django.http import QueryDict

from core.navigation import ATTRIBUTION_PARAMETER, CHANNEL_PARAMETER
from links.channels import channel_named
from links.resolve import active_link_id
from links.views import open_link

SHORT_LINK_PATH = re.compile(r"^/l/(?P<code>[^/]{1,64})/?$")
MARKERS = (f"{ATTRIBUTION_PARAMETER}=", f"{CHANNEL_PARAMETER}=", "utm_source=")


class TrackedLinksMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = SHORT_LINK_PATH.match(request.path_info)
        if match:
            return open_link(request, match["code"])
        query = request.META.get("QUERY_STRING", "")
        if any(marker in query for marker in MARKERS):
            cleaned = attribution_query(query)
            if cleaned != query:
                request.META["QUERY_STRING"] = cleaned
                request.GET = QueryDict(cleaned)
        return self.get_response(request)


def attribution_query(query):
    """The query with at most one ``via`` naming an enabled link and one ``channel`` naming a known channel (taken
    from ``utm_source`` when there is none); any other value of either is dropped."""
    try:
        pairs = parse_qsl(query, keep_blank_values=True)
    except ValueError:
        return ""
    kept, via, channel, source = [], False, "", ""
    for name, value in pairs:
        if name == ATTRIBUTION_PARAMETER:
            if via or active_link_id(value) is None:
                continue
            via = True
        elif name == CHANNEL_PARAMETER:
            if channel or not channel_named(value):
                continue
            channel = value = channel_named(value)
        elif name == "utm_source":
            source = source or channel_named(value)
        kept.append((name, value))
    if source and not channel:
        kept.append((CHANNEL_PARAMETER, source))
    return urlencode(kept)
