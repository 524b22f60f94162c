"""Counting one view per page request a browser makes, without a cookie, a script or a database query.

``AudienceMiddleware`` sits before the page cache (caching.cache.PageCacheMiddleware), so a page answered from the
cache is counted like a rendered one. It counts a GET that answers 200 with HTML under a language prefix, from a
visitor without a session (staff reading the site are not the audience), that is neither a bot (User-Agent
patterns, read and forgotten) nor a prefetch or prerender. What it keeps: the day, the language, the path and the
referrer's class (``audience.channels.classify``), in Redis (``audience.store``). The path becomes a page when the
scheduler folds the day (``audience.fold``): an unknown path is dropped there.

Behind the nginx of deploy/, whose proxy cache answers most requests without reaching the site, nginx mirrors
every page request to ``/_audience/hit/`` (``mirror_view``) and ``AUDIENCE_COUNT_IN_APP=0`` turns the middleware's
own counting off, so that each view is counted once.
"""

import logging
import re
from urllib.parse import parse_qsl, unquote

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.views.decorators.csrf import csrf_exempt

from audience.channels import classify
from audience.store import field, get_store
from caching.cache import is_anonymous, is_private_path
from ops.security import client_ip

logger = logging.getLogger(__name__)

MAX_PATH = 300
BOTS = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|uptime|headless|lighthouse"
    r"|pingdom|curl|wget|python|httpx|okhttp|java/|go-http|libwww|scrapy|node-fetch|axios|phantom|selenium",
    re.IGNORECASE,
)


def is_bot(user_agent):
    return not user_agent or len(user_agent) > 1000 or BOTS.search(user_agent) is not None


def is_prefetch(meta):
    purposes = " ".join(
        meta.get(name, "") for name in ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")
    ).lower()
    return "prefetch" in purposes or "prerender" in purposes or "preview" in purposes


def page_language(path):
    """The language prefix of a public page's path (/fr/…, /en/…), or None."""
    code = path[1:3]
    if path[:1] == "/" and path[3:4] == "/" and code in _codes():
        return code
    return None


def _codes():
    return {code for code, _name in settings.LANGUAGES}


def utm_source(query_string):
    if "utm_source" not in query_string:
        return ""
    try:
        return dict(parse_qsl(query_string[:1000])).get("utm_source", "")
    except ValueError:
        return ""


def count(path, meta, host, address):
    """Count one view of ``path`` if it is one to count; quietly nothing for anything else. True when counted."""
    language = page_language(path)
    if language is None or len(path) > MAX_PATH or is_private_path(path) or not path.endswith("/"):
        return False
    if is_bot(meta.get("HTTP_USER_AGENT", "")) or is_prefetch(meta):
        return False
    channel = classify(meta.get("HTTP_REFERER", ""), host, utm_source(meta.get("QUERY_STRING", "")))
    day = timezone.localdate().isoformat()
    try:
        return get_store().add(day, field(language, channel, path), address, path, flood_limit())
    except Exception:  # a counter down costs a view, never a page
        logger.warning("Audience counter unavailable", exc_info=True)
        return False


def flood_limit():
    return settings.AUDIENCE["FLOOD_LIMIT"]


def is_html_page(response):
    return response.status_code == 200 and response.get("Content-Type", "").startswith("text/html")


class AudienceMiddleware:
    """Counts the views of public pages on their way out, page-cache hits included (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method == "GET"
            and settings.AUDIENCE["COUNT_IN_APP"]
            and is_html_page(response)
            and is_anonymous(request)
            and not getattr(request, "is_dummy", False)
        ):
            try:
                host = request.get_host()
            except Exception:  # DisallowedHost: not a page of ours
                return response
            try:
                count(request.path_info, request.META, host, client_ip(request))
            except Exception:  # counting never costs a reader the page
                logger.exception("Audience: a view could not be counted")
        return response


@csrf_exempt
def mirror_view(request):
    """nginx's copy of a page request (deploy/nginx/oswego.conf, ``mirror``): the visitor's own headers (referrer,
    user agent, purpose, cookies), the original path in ``X-Original-URI``, authenticated by a shared token.
    Answers 204 whatever it counted; 403 without the token."""
    token = settings.AUDIENCE["MIRROR_TOKEN"]
    if not token or not constant_time_compare(request.headers.get("X-Audience-Token", ""), token):
        return HttpResponseForbidden()
    if request.headers.get("X-Original-Method", "GET") == "GET" and is_anonymous(request):
        raw_path, _sep, query = request.headers.get("X-Original-URI", "")[:2000].partition("?")
        path = unquote(raw_path)
        meta = {**request.META, "QUERY_STRING": query}
        try:
            count(path, meta, request.get_host(), client_ip(request))
        except Exception:  # a forged host or header: nothing to count
            logger.debug("Audience mirror: ignored", exc_info=True)
    return HttpResponse(status=204)
