"""Caching in one place: the page cache for anonymous visitors, Cache-Control, safe compression and purges.

- **Page cache.** A public GET page (under /fr/ or /en/) asked for by an anonymous visitor (no session
  cookie) is stored whole — status, headers and its identity, gzip and Brotli
  bodies — in the default cache (Redis when REDIS_URL is set, local memory
  otherwise), keyed by scheme, host, language, path and query. The next
  visitor gets it without a database query. Every entry carries the site's
  *content version*; publishing, unpublishing, moving or deleting a page, or
  saving a snippet, an image or the site settings, bumps that version
  (seo.redirects), so no entry written before the change is served after it.
- **What is never stored**: anything under /admin/, previews,
  /documents/, the search page, requests carrying a session cookie (editors),
  POST, and every response that sets a cookie, uses a CSRF token (forms, the
  contact page), varies on anything but Accept-Encoding or Cookie, or already
  says how it may be cached (``never_cache`` views, the share images).
- **Cache-Control.** What could be stored is public:
  ``public, max-age, s-maxage, stale-while-revalidate`` (browsers keep it for a
  minute, a CDN or the nginx in deploy/ for longer: publishing purges them).
  What belongs to one person (a session, a cookie, a form) is ``private, no-store``.
- **Compression.** Only public responses are compressed (Brotli or gzip): they
  hold no secret for BREACH to guess. Pages with a CSRF token or a session go
  out uncompressed. Static files are compressed by whitenoise at collectstatic.
- **Purges.** When a page changes, its URLs in both languages, its ancestors
  (index, home) and the pages it links to or is linked from (an article's
  authors, say) are purged from the frontend cache (wagtail.contrib.frontend_cache,
  configured from FRONTEND_CACHE_PURGE_URL).
"""

import contextlib
import copy
import gzip
import hashlib
import logging
import uuid
from urllib.error import HTTPError, URLError
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
from urllib.request import urlopen

import brotli
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail import __version__ as wagtail_version
from wagtail import hooks
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest
from wagtail.fields import StreamField
from wagtail.views import serve as wagtail_serve

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"
ENTRY_PREFIX = "pagecache:entry:"
FRAGMENT_PREFIX = "pagecache:fragment:"
ROUTE_PREFIX = "pagecache:route:"
ENCODINGS = ("br", "gzip", "identity")
COMPRESSIBLE_TYPES = ("text/", "application/rss+xml", "application/xml", "application/json", "image/svg+xml")
MIN_COMPRESS_BYTES = 256
# Vary values a stored page may carry: the encoding is part of the key, and
# Cookie only matters for requests with a session, which never reach the cache.
HARMLESS_VARY = {"accept-encoding", "cookie"}
# Marketing links carry these; the page is the same with or without them.
TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "msclkid", "mc_cid", "mc_eid")
PRIVATE_PREFIXES = ("/admin/", "/documents/", "/media/", "/static/")


# --- The content version ------------------------------------------------------


def content_version():
    """The site-wide version every cached page and fragment is keyed on (created on first use)."""
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
            version = cache.get(VERSION_KEY)
    except Exception:  # a cache outage costs speed, never a page
        logger.exception("Page cache unavailable")
        return None
    return version


def bump_content_version():
    """Make every cached page and fragment stale at once (the site is small)."""
    try:
        cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:
        logger.exception("Page cache unavailable: could not invalidate it")


def request_content_version(request):
    """The content version read once per request (the middleware usually read it already)."""
    if request is None:
        return content_version()
    if getattr(request, "content_version", None) is None:
        request.content_version = content_version()
    return request.content_version


# --- Which requests and responses ---------------------------------------------


def _search_paths():
    paths = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code), contextlib.suppress(NoReverseMatch):
            paths.add(reverse("search"))
    return paths


_SEARCH_PATHS = None


def is_private_path(path):
    """Paths whose answers are never public: the admin and previews, documents, search results."""
    global _SEARCH_PATHS
    if path.startswith(PRIVATE_PREFIXES) or path == "/admin":
        return True
    if _SEARCH_PATHS is None:
        _SEARCH_PATHS = _search_paths()
    return path in _SEARCH_PATHS


def is_anonymous(request):
    """No session cookie, no credentials: the request is nobody in particular."""
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "HTTP_AUTHORIZATION" not in request.META


def may_be_public(request):
    """A request for a page under a language prefix (/fr/, /en/) by nobody in particular.

    Wagtail renders previews through the middleware with a cookie-less "dummy"
    request for the live page's URL: never from nor into the cache.
    """
    return (
        request.method in ("GET", "HEAD")
        and is_anonymous(request)
        and not getattr(request, "is_dummy", False)
        and translation.get_language_from_path(request.path_info) is not None
        and not is_private_path(request.path_info)
    )


def _vary(response):
    return {value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()}


def is_public_response(request, response):
    """The same answer for every anonymous visitor: storable, shareable, safe to compress."""
    return (
        response.status_code == 200
        and not getattr(request, "is_preview", False)
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and _vary(response) <= HARMLESS_VARY
    )


def public_cache_control():
    page_cache = settings.PAGE_CACHE
    return (
        f"public, max-age={page_cache['MAX_AGE']}, s-maxage={page_cache['S_MAXAGE']}, "
        f"stale-while-revalidate={page_cache['STALE_WHILE_REVALIDATE']}"
    )


def request_identity(request):
    """What makes two requests the same page: scheme, host, language, path and query.

    The query is sorted and loses its tracking parameters (a link with
    utm_source shows the same page as the bare link).
    """
    language = translation.get_language_from_path(request.path_info)
    query = sorted(
        (name, value)
        for name, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        if not name.startswith(TRACKING_PARAMETERS)
    )
    return f"{request.scheme}://{request.get_host()}|{language}|{request.path}?{urlencode(query)}"


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def entry_key(request, encoding):
    return f"{ENTRY_PREFIX}{_digest(request_identity(request))}:{encoding}"


# The fragments of templates/base.html, fetched with the route in one round trip.
PAGE_FRAGMENTS = ("meta", "body")


def fragment_key(request, name, extra=()):
    """Where a rendered fragment of the page at this URL is kept (its entry says for which version and page)."""
    parts = [name, request_identity(request), *extra]
    return f"{FRAGMENT_PREFIX}{_digest('|'.join(map(str, parts)))}"


def cached_fragment(request, name, page, extra=()):
    """The fragment rendered for this page, language, URL and content version, or None."""
    key = fragment_key(request, name, extra)
    prefetched = getattr(request, "_oswego_fragments", {})
    entry = prefetched[key] if key in prefetched else cache.get(key)
    if entry and entry["version"] == request_content_version(request) and entry["page"] == page.cache_key:
        return entry["content"]
    return None


def keep_fragment(request, name, page, content, extra=()):
    entry = {"version": request_content_version(request), "page": page.cache_key, "content": content}
    cache.set(fragment_key(request, name, extra), entry, settings.PAGE_CACHE["TIMEOUT"])


def accepted_encoding(request):
    """The best encoding the client takes: Brotli, then gzip, else none."""
    accepted = set()
    for item in request.META.get("HTTP_ACCEPT_ENCODING", "").lower().split(","):
        name, _sep, params = item.strip().partition(";")
        if params.replace(" ", "") in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            continue
        accepted.add(name.strip())
    for encoding in ("br", "gzip"):
        if encoding in accepted:
            return encoding
    return "identity"


def _compressible(response):
    content_type = response.get("Content-Type", "").lower()
    return (
        not response.has_header("Content-Encoding")
        and content_type.startswith(COMPRESSIBLE_TYPES)
        and len(response.content) >= MIN_COMPRESS_BYTES
    )


def compress(body, encoding, best=False):
    """Brotli or gzip: the best for bodies compressed once and served many times, the fastest for one response
    (its compression must cost less than what the page cache saved)."""
    if encoding == "br":
        return brotli.compress(body, quality=11 if best else 1, mode=brotli.MODE_TEXT)
    if encoding == "gzip":
        return gzip.compress(body, compresslevel=9 if best else 1, mtime=0)
    return body


def _set_body(response, body, encoding):
    response.content = body
    if encoding != "identity":
        response["Content-Encoding"] = encoding
    response["Content-Length"] = str(len(body))


# --- Routes -------------------------------------------------------------------
# Wagtail finds a page by walking the tree, one level (and a query or two) at a
# time. For anonymous requests the result — the site and the page, as loaded —
# is kept per host, path and content version: a request that misses the page
# cache (or runs with it off) then reaches the page's view without that walk.


def route_key(request):
    return f"{ROUTE_PREFIX}{_digest(f'{request.scheme}://{request.get_host()}|{request.path}')}"


def _route_cacheable(request):
    return settings.PAGE_CACHE["FRAGMENTS"] and may_be_public(request) and not getattr(request, "is_preview", False)


@hooks.register("before_serve_page")
def remember_route(page, request, serve_args, serve_kwargs):
    """Right after Wagtail routed the request (before the page is served and changed): keep the route."""
    if serve_args or serve_kwargs or getattr(request, "_oswego_cached_route", False) or not _route_cacheable(request):
        return  # sub-routes (RoutablePageMixin) carry views: routed afresh every time
    version = request_content_version(request)
    site = getattr(request, "_wagtail_site", None)
    if version is None or site is None:
        return
    entry = {
        "version": version,
        "site": site,
        "page": _without_stream_fields(page),
        # Private pages stay private: Wagtail still checks these on every request.
        "view_restrictions": list(page.get_view_restrictions()),
    }
    try:
        cache.set(route_key(request), entry, settings.PAGE_CACHE["TIMEOUT"])
    except Exception:
        logger.exception("Route cache unavailable")


def _without_stream_fields(page):
    """The page as routed, minus its StreamFields: they are most of its weight (and of the time to load it from
    the cache), and only a fragment that is not cached reads them — deferred fields, one query then."""
    light = copy.copy(page)
    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField):
            light.__dict__.pop(field.attname, None)
    return light


def restore_route(request):
    """Give Wagtail's serve view the route found by an earlier request, when the content has not changed since."""
    if not _route_cacheable(request):
        return
    key = route_key(request)
    fragment_keys = [fragment_key(request, name) for name in PAGE_FRAGMENTS]
    # One round trip: the route, the page's fragments and, when the page cache
    # did not read it, the content version.
    keys = [key, *fragment_keys]
    if getattr(request, "content_version", None) is None:
        keys.append(VERSION_KEY)
    try:
        found = cache.get_many(keys)
    except Exception:
        logger.exception("Route cache unavailable")
        return
    if VERSION_KEY in found:
        request.content_version = found[VERSION_KEY]
    request._oswego_fragments = {name: found.get(name) for name in fragment_keys}
    entry = found.get(key)
    if entry is not None and entry["version"] == request_content_version(request):
        page = entry["page"]
        page.known_view_restrictions = entry["view_restrictions"]
        request._wagtail_site = entry["site"]
        request._wagtail_route_for_request = (page, (), {})
        request._oswego_cached_route = True


# --- The middleware -----------------------------------------------------------


class PageCacheMiddleware:
    """Answers anonymous visitors from the page cache and sets every page's Cache-Control.

    Placed right after whitenoise: a cached page skips sessions, language,
    CSRF, authentication and the whole of Wagtail's routing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public_request = may_be_public(request)
        encoding = accepted_encoding(request)
        key = entry_key(request, encoding) if public_request and settings.PAGE_CACHE["ENABLED"] else None
        if key is not None:
            version, entry = self._lookup(key)
            request.content_version = version
            if entry is not None and version is not None and entry["version"] == version:
                return self._cached_response(request, entry)

        response = self.get_response(request)

        if public_request and is_public_response(request, response):
            response["Cache-Control"] = public_cache_control()
            if _compressible(response):
                patch_vary_headers(response, ("Accept-Encoding",))
                if key is not None and request.method == "GET":
                    self._store(request, response, encoding)
                else:
                    _set_body(response, compress(response.content, encoding), encoding)
            if key is not None:
                response["X-Page-Cache"] = "miss"
        elif not response.has_header("Cache-Control") and (
            not is_anonymous(request) or response.cookies or is_private_path(request.path_info)
        ):
            response["Cache-Control"] = "private, no-store"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_serve:
            restore_route(request)

    def _lookup(self, key):
        try:
            found = cache.get_many([VERSION_KEY, key])
        except Exception:
            logger.exception("Page cache unavailable")
            return None, None
        version = found.get(VERSION_KEY)
        if version is None:
            version = content_version()
        return version, found.get(key)

    def _store(self, request, response, encoding):
        """Store every encoding of the page at once (compressed once, served many times)."""
        version = request.content_version
        identity = response.content
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in ("content-length", "content-encoding", "x-page-cache")
        ]
        bodies = {name: compress(identity, name, best=True) for name in ENCODINGS}
        status = response.status_code
        entries = {
            entry_key(request, name): {"version": version, "status": status, "headers": headers, "body": body}
            for name, body in bodies.items()
        }
        if version is not None:
            try:
                cache.set_many(entries, timeout=settings.PAGE_CACHE["TIMEOUT"])
            except Exception:
                logger.exception("Page cache unavailable: page not stored")
        _set_body(response, bodies[encoding], encoding)

    def _cached_response(self, request, entry):
        response = HttpResponse(status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        encoding = accepted_encoding(request)
        body = entry["body"]
        _set_body(response, body if request.method == "GET" else b"", encoding)
        response["Content-Length"] = str(len(body))
        response["X-Page-Cache"] = "hit"
        return response


# --- Frontend cache (CDN, nginx) ---------------------------------------------


def page_urls(page):
    """The page's absolute URLs in every language (each with its own translated slug)."""
    urls = set()
    paths = page.specific_deferred.get_cached_paths()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            url = page.get_full_url()
        if url:
            urls.update(url + path.lstrip("/") for path in paths)
    return urls


def pages_showing(page):
    """The live pages whose HTML shows this page: itself, its ancestors, and what it links to or is linked from."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    pages = [page, *page.get_ancestors().filter(depth__gt=1)]
    if page.pk is None:  # deleted: its links went with it
        return pages
    page_type = ContentType.objects.get_for_model(Page)
    referencing = ReferenceIndex.get_references_to(page).filter(base_content_type=page_type).values("object_id")
    referenced = ReferenceIndex.get_references_for_object(page).filter(to_content_type=page_type).values("to_object_id")
    ids = {int(row["object_id"]) for row in referencing} | {int(row["to_object_id"]) for row in referenced}
    ids.discard(page.pk)
    pages.extend(Page.objects.live().filter(pk__in=ids))
    return pages


def frontend_cache_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_pages(pages, neighbours=True):
    """Ask the configured frontend caches to forget these pages (and those showing them), in every language."""
    if not frontend_cache_configured():
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = set()
    for page in pages:
        for shown in pages_showing(page) if neighbours else [page]:
            urls.update(page_urls(shown))
    purge_urls_from_cache(sorted(urls))


def purge_site():
    """Every live page in every language: for what every page shows (settings, images, snippets)."""
    from wagtail.models import Page

    if frontend_cache_configured():
        purge_pages(Page.objects.live().filter(depth__gt=1), neighbours=False)


class HTTPPurgeBackend(HTTPBackend):
    """Wagtail's HTTP purger (PURGE <path> with the page's Host), with a timeout.

    A cache that is down or slow must not hold an editor's publish; a 404 means
    the URL was not cached, which is not an error.
    """

    def __init__(self, params):
        self.timeout = params.pop("TIMEOUT", 3)
        super().__init__(params)

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""]),
            headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{wagtail_version}"},
        )
        try:
            # The location (scheme included) comes from settings, never from a request.
            urlopen(request, timeout=self.timeout).close()  # noqa: S310  # nosec B310
        except HTTPError as error:
            if error.code != 404:
                logger.error("Couldn't purge %s from the frontend cache: HTTP %s", url, error.code)
        except (URLError, OSError) as error:
            logger.error("Couldn't purge %s from the frontend cache: %s", url, error)
