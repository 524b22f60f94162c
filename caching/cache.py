"""Caching in one place: the page cache for anonymous visitors, Cache-Control, safe compression and purges.

- **Page cache.** A public GET page (under /fr/ or /en/) asked for by an anonymous visitor (no session cookie) is
  stored whole — status, headers, Brotli and gzip bodies, in one entry — in the default cache (Redis when REDIS_URL
  is set, files under var/cache otherwise, local memory in the tests). The entry's key is scheme, host, language,
  path and **only the query parameters the page declares** (``cache_query_parameters`` on its model, read from the
  template response's ``page``; a view without a page declares none). Any other parameter — tracking (``utm_*``,
  ``fbclid``…) or anything a crawler makes up — is served the canonical entry: a flood of made-up query strings
  makes one entry, rendered once. The declared parameters travel in the entry itself, so a request with a query
  string is answered in the same single round trip as one without.
- **Two versions per entry.** Each entry carries the site's *content version* (bumped by what every page shows:
  a menu page, the home page, a snippet, an image, the settings, a site, a privacy setting) and its path's
  *page version* (``pagecache:path:<path>``, bumped for the pages a publish shows: the page, its ancestors and
  descendants, and the pages that link to it, that it links to or that list it — see ``pages_showing``). The
  middleware reads both with the entry in one ``get_many``; a publish leaves every other page warm.
- **A per-process layer in front.** Each process keeps the entries it served last (``LocalEntries``: bounded by
  count and bytes, least recently used out first) and the versions it read, for at most ``LOCAL_MS`` (a second).
  A hit whose versions were read less than a second ago costs no round trip to Redis; after that, the versions
  and the entry are read again in the usual single ``get_many``. A publish through this process forgets the
  versions at once; through any other instance, it is seen here within ``LOCAL_MS``.
- **What is never stored**: anything under /admin/, previews, /documents/, the search page, requests carrying a
  session cookie (editors), POST, and every response that is not a 200, sets a cookie, uses a CSRF token (forms,
  the contact page), varies on anything but Accept-Encoding or Cookie, or already says how it may be cached
  (``never_cache`` views, the share images).
- **Cache-Control.** What could be stored is public: ``public, max-age, s-maxage, stale-while-revalidate``
  (browsers keep it for a minute, a CDN or the nginx in deploy/ for longer: publishing purges them). What belongs
  to one person (a session, a cookie, a form) is ``private, no-store``.
- **Compression.** Only public responses are compressed (Brotli or gzip): they hold no secret for BREACH to guess.
  An entry is compressed once, when it is stored, at levels that cost a fraction of a millisecond (Brotli 5,
  gzip 6); a client that takes neither gets the gzip body decompressed. Pages with a CSRF token or a session go
  out uncompressed. Static files are compressed by whitenoise at collectstatic.
- **Purges.** When a page changes, its URLs in both languages and those of the pages showing it are purged from
  the frontend cache (wagtail.contrib.frontend_cache, configured from FRONTEND_CACHE_PURGE_URL).

Only public APIs: Wagtail routes every request that is not a hit itself; nothing here reads or writes a private
attribute of Wagtail, Django or a page.
"""

import contextlib
import gzip
import hashlib
import logging
import threading
import time
import uuid
from collections import OrderedDict
from urllib.error import HTTPError, URLError
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit
from urllib.request import urlopen

import brotli
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest

from core.images import renditions_pending

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"
PATH_VERSION_PREFIX = "pagecache:path:"
ENTRY_PREFIX = "pagecache:entry:"
FRAGMENT_PREFIX = "pagecache:fragment:"
# Stored with every entry; a client that takes neither gets the gzip body decompressed (50 µs for a page).
STORED_ENCODINGS = ("br", "gzip")
# Compressed once per entry, on the request that stores it: levels that cost a fraction of a millisecond for a
# page and give within 10 % of the best (Brotli 11 costs ~70 times as much).
BROTLI_QUALITY = 5
GZIP_LEVEL = 6
COMPRESSIBLE_TYPES = ("text/", "application/rss+xml", "application/xml", "application/json", "image/svg+xml")
MIN_COMPRESS_BYTES = 256
# Vary values a stored page may carry: the encoding is chosen from the entry, and
# Cookie only matters for requests with a session, which never reach the cache.
HARMLESS_VARY = {"accept-encoding", "cookie"}
# Marketing links carry these; the page is the same with or without them.
TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "msclkid", "mc_cid", "mc_eid", "_ga", "igshid", "yclid")
PRIVATE_PREFIXES = ("/admin/", "/documents/", "/media/", "/static/")


# --- The per-process layer --------------------------------------------------------


def _clock():
    return time.monotonic()


class LocalEntries:
    """This process's last page-cache entries and the versions it read, in front of the shared cache.

    Bounded: at most ``LOCAL_ENTRIES`` entries and ``LOCAL_BYTES`` of bodies (the least recently used go first).
    Versions are trusted for ``LOCAL_MS`` milliseconds after they were read from the shared cache: an entry is
    served from here only when its versions equal versions read that recently, so a publish anywhere is seen by
    every process within that time. Thread-safe (gunicorn's threaded workers share it).
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._entries, self._bytes, self._versions = OrderedDict(), 0, OrderedDict()

    def clear(self):
        with self._lock:
            self._entries, self._bytes, self._versions = OrderedDict(), 0, OrderedDict()

    @staticmethod
    def _limits():
        page_cache = settings.PAGE_CACHE
        return page_cache.get("LOCAL_ENTRIES", 0), page_cache.get("LOCAL_BYTES", 0), page_cache.get("LOCAL_MS", 0)

    @property
    def enabled(self):
        entries, size, ms = self._limits()
        return entries > 0 and size > 0 and ms > 0

    def __len__(self):
        return len(self._entries)

    def versions(self, site_key, path_key):
        """(site version, path version) read less than LOCAL_MS ago, or None."""
        _entries, _size, ms = self._limits()
        now = _clock()
        with self._lock:
            site, path = self._versions.get(site_key), self._versions.get(path_key)
        if site is None or path is None or now - min(site[1], path[1]) >= ms / 1000:
            return None
        return site[0], path[0]

    def remember_versions(self, values):
        """Versions just read from (or written to) the shared cache: {key: value}."""
        entries, _size, _ms = self._limits()
        now = _clock()
        with self._lock:
            for key, value in values.items():
                self._versions[key] = (value, now)
                self._versions.move_to_end(key)
            while len(self._versions) > 2 * entries + 1:
                self._versions.popitem(last=False)

    def forget_versions(self):
        """A change made through this process: read the versions from the shared cache on the next request."""
        with self._lock:
            self._versions.clear()

    def get(self, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        entries, size, _ms = self._limits()
        weight = sum(len(body) for body in entry["bodies"].values())
        if weight > size:
            return
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self._bytes -= sum(len(body) for body in previous["bodies"].values())
            self._entries[key] = entry
            self._bytes += weight
            while len(self._entries) > entries or self._bytes > size:
                _key, dropped = self._entries.popitem(last=False)
                self._bytes -= sum(len(body) for body in dropped["bodies"].values())


local = LocalEntries()


# --- Versions -------------------------------------------------------------------


def _new_version():
    return uuid.uuid4().hex


def content_version():
    """The site-wide version every cached page and fragment is keyed on (created on first use)."""
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, _new_version(), timeout=None)
            version = cache.get(VERSION_KEY)
    except Exception:  # a cache outage costs speed, never a page
        logger.exception("Page cache unavailable")
        return None
    return version


def bump_content_version():
    """Make every cached page and fragment stale at once: for what every page shows."""
    local.forget_versions()
    try:
        cache.set(VERSION_KEY, _new_version(), timeout=None)
    except Exception:
        logger.exception("Page cache unavailable: could not invalidate it")


def request_content_version(request):
    """The content version read once per request (the middleware usually read it already)."""
    if request is None:
        return content_version()
    if getattr(request, "content_version", None) is None:
        request.content_version = content_version()
    return request.content_version


def path_version_key(path):
    """The version of the entries of one URL path (any host, any query): bumped when what the page shows changes.

    Keyed by path rather than page id: the middleware knows the path before Wagtail routes, so the version comes
    in the same round trip as the entry.
    """
    return f"{PATH_VERSION_PREFIX}{_digest(unquote(path))}"


def bump_paths(paths):
    """Make the entries of these URL paths stale, and only them."""
    if not paths:
        return
    local.forget_versions()
    try:
        cache.set_many({path_version_key(path): _new_version() for path in paths}, timeout=None)
    except Exception:
        logger.exception("Page cache unavailable: could not invalidate %s", sorted(paths))


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
        # Drawn with a stand-in while its renditions are being made: the next reader gets the real ones.
        and not renditions_pending(request)
        and _vary(response) <= HARMLESS_VARY
    )


def public_cache_control():
    page_cache = settings.PAGE_CACHE
    return (
        f"public, max-age={page_cache['MAX_AGE']}, s-maxage={page_cache['S_MAXAGE']}, "
        f"stale-while-revalidate={page_cache['STALE_WHILE_REVALIDATE']}"
    )


# --- Keys -----------------------------------------------------------------------


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def query_parameters(request):
    """The query's parameters, sorted, without the tracking ones (a link with utm_source is the bare link)."""
    return sorted(
        (name, value)
        for name, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        if not name.startswith(TRACKING_PARAMETERS)
    )


def declared_query(parameters, declared):
    """The part of the query that makes a different page: the parameters the page declares, nothing else."""
    return urlencode([(name, value) for name, value in parameters if name in declared])


def request_identity(request, query=""):
    """What makes two requests the same page: scheme, host, language, path and the declared query."""
    language = translation.get_language_from_path(request.path_info)
    return f"{request.scheme}://{request.get_host()}|{language}|{request.path}?{query}"


def entry_key(request, query=""):
    return f"{ENTRY_PREFIX}{_digest(request_identity(request, query))}"


def declared_parameters(response):
    """The query parameters the page behind a template response declares (``cache_query_parameters``), or none."""
    context = getattr(response, "context_data", None)
    page = context.get("page") if isinstance(context, dict) else None
    return tuple(getattr(page, "cache_query_parameters", ()))


# --- Fragments ------------------------------------------------------------------


def fragment_key(request, name, extra=()):
    """Where a rendered fragment is kept: per name, scheme, host, language and the values it varies on."""
    parts = [name, request.scheme, request.get_host(), translation.get_language(), *extra]
    return f"{FRAGMENT_PREFIX}{_digest('|'.join(map(str, parts)))}"


def cached_fragment(request, name, extra=()):
    """The fragment rendered for this content version, or None."""
    entry = cache.get(fragment_key(request, name, extra))
    if entry and entry["version"] == request_content_version(request):
        return entry["content"]
    return None


def keep_fragment(request, name, content, extra=()):
    entry = {"version": request_content_version(request), "content": content}
    cache.set(fragment_key(request, name, extra), entry, settings.PAGE_CACHE["TIMEOUT"])


# --- Compression ------------------------------------------------------------------


def accepted_encoding(request):
    """The best encoding the client takes: Brotli, then gzip, else none."""
    accepted = set()
    for item in request.META.get("HTTP_ACCEPT_ENCODING", "").lower().split(","):
        name, _sep, params = item.strip().partition(";")
        if params.replace(" ", "") in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            continue
        accepted.add(name.strip())
    for encoding in STORED_ENCODINGS:
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


def compress(body, encoding):
    if encoding == "br":
        return brotli.compress(body, quality=BROTLI_QUALITY, mode=brotli.MODE_TEXT)
    if encoding == "gzip":
        return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
    return body


def _set_body(response, body, encoding):
    response.content = body
    if encoding != "identity":
        response["Content-Encoding"] = encoding
    response["Content-Length"] = str(len(body))


# --- The middleware -----------------------------------------------------------


class Lookup:
    """One request's look into the page cache: the versions and the candidate entries, in one round trip.

    Fetched together: the site's content version, the path's page version, the canonical entry (no query) and,
    when the request has a query, the entry for the whole query. Whichever entry is there says which parameters
    the page declares; only when the query mixes declared and undeclared parameters is a second read needed.
    """

    def __init__(self, request):
        self.request = request
        self.parameters = query_parameters(request)
        self.path_key = path_version_key(request.path)
        queries = ["", urlencode(self.parameters)] if self.parameters else [""]
        keys = {entry_key(request, query): query for query in queries}
        self.entry = None
        use_local = local.enabled
        held = [entry for entry in (local.get(key) for key in keys) if entry is not None] if use_local else []
        versions = local.versions(VERSION_KEY, self.path_key) if use_local else None
        if versions is not None:
            # Read from the shared cache less than LOCAL_MS ago: no round trip.
            self.site_version, self.path_version = versions
            self.entry = next((entry for entry in held if self._serves(entry)), None)
            if self.entry is not None:
                return
        found = cache.get_many([VERSION_KEY, self.path_key, *keys])
        self.site_version = found.get(VERSION_KEY)
        if self.site_version is None:
            self.site_version = content_version()
        self.path_version = found.get(self.path_key)
        if use_local and self.site_version is not None:
            local.remember_versions({VERSION_KEY: self.site_version, self.path_key: self.path_version})
        entries = [(key, found[key]) for key in keys if key in found]
        served = next(((key, entry) for key, entry in entries if self._serves(entry)), None)
        if served is None and entries:
            query = declared_query(self.parameters, entries[0][1]["parameters"])
            if query not in keys.values():
                key = entry_key(request, query)
                entry = cache.get(key)
                served = (key, entry) if entry is not None and self._serves(entry) else None
        if served is not None:
            self.entry = served[1]
            if use_local:
                local.put(*served)
        elif held:
            # What this process holds may still be current (the shared cache evicted it, or another query).
            self.entry = next((entry for entry in held if self._serves(entry)), None)

    def _serves(self, entry):
        return (
            entry["version"] == self.site_version
            and entry["path_version"] == self.path_version
            and entry["query"] == declared_query(self.parameters, entry["parameters"])
        )

    def store(self, response):
        """Keep the response under its declared query, with both versions read before it was rendered."""
        if self.site_version is None:
            return
        if self.path_version is None:
            # A first visit since the path's version was evicted (or ever set): a version of its own, so that an
            # entry never outlives the next bump.
            version = _new_version()
            if not cache.add(self.path_key, version, timeout=None):
                return  # bumped meanwhile: what was rendered may be stale
            self.path_version = version
            if local.enabled:
                local.remember_versions({self.path_key: version})
        parameters = declared_parameters(response)
        query = declared_query(self.parameters, parameters)
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in ("content-length", "content-encoding", "x-page-cache")
        ]
        entry = {
            "version": self.site_version,
            "path_version": self.path_version,
            "parameters": parameters,
            "query": query,
            "status": response.status_code,
            "headers": headers,
            "bodies": {encoding: compress(response.content, encoding) for encoding in STORED_ENCODINGS},
        }
        key = entry_key(self.request, query)
        cache.set(key, entry, timeout=settings.PAGE_CACHE["TIMEOUT"])
        if local.enabled:
            local.put(key, entry)
        return entry


class PageCacheMiddleware:
    """Answers anonymous visitors from the page cache and sets every page's Cache-Control.

    Placed right after whitenoise: a cached page skips sessions, language, CSRF, authentication and the whole of
    Wagtail's routing. The page's declared query parameters are read from the page in its template response's
    context (``context_data``, public), so the cache needs no knowledge of routes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public_request = may_be_public(request)
        lookup = None
        if public_request and settings.PAGE_CACHE["ENABLED"]:
            try:
                lookup = Lookup(request)
            except Exception:
                logger.exception("Page cache unavailable")
            else:
                request.content_version = lookup.site_version
                if lookup.entry is not None:
                    return self._cached_response(request, lookup.entry)

        response = self.get_response(request)

        if public_request and is_public_response(request, response):
            response["Cache-Control"] = public_cache_control()
            if _compressible(response):
                patch_vary_headers(response, ("Accept-Encoding",))
                encoding = accepted_encoding(request)
                entry = None
                if lookup is not None and request.method == "GET":
                    try:
                        entry = lookup.store(response)
                    except Exception:
                        logger.exception("Page cache unavailable: page not stored")
                body = entry["bodies"][encoding] if entry and encoding != "identity" else None
                _set_body(response, body or compress(response.content, encoding), encoding)
            if lookup is not None:
                response["X-Page-Cache"] = "miss"
        elif not response.has_header("Cache-Control") and (
            not is_anonymous(request) or response.cookies or is_private_path(request.path_info)
        ):
            response["Cache-Control"] = "private, no-store"
        elif not response.has_header("Cache-Control") and renditions_pending(request):
            response["Cache-Control"] = "no-cache"  # nor kept by the reverse proxy or the CDN
        return response

    def _cached_response(self, request, entry):
        response = HttpResponse(status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        encoding = accepted_encoding(request)
        bodies = entry["bodies"]
        body = bodies[encoding] if encoding in bodies else gzip.decompress(bodies["gzip"])
        _set_body(response, body if request.method == "GET" else b"", encoding)
        response["Content-Length"] = str(len(body))
        response["X-Page-Cache"] = "hit"
        return response


# --- What a change makes stale -------------------------------------------------


def page_urls(page):
    """The page's absolute URLs in every language (each with its own translated slug), sub-routes included."""
    urls = set()
    paths = page.specific_deferred.get_cached_paths()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            url = page.get_full_url()
        if url:
            urls.update(url + path.lstrip("/") for path in paths)
    return urls


def page_paths(pages):
    """The URL paths (without host) of these pages in every language: what their page versions are keyed on."""
    return {urlsplit(url).path for page in pages for url in page_urls(page)}


def shown_on_every_page(pages):
    """A site's root, a page right under it (the menu's sections) or a page the menus and footer link to (the site
    settings): every page's header, footer or breadcrumbs show it, so a change to it concerns the whole site."""
    from wagtail.models import Site

    from core.models import SiteSettings

    roots = set(Site.objects.values_list("root_page__path", flat=True))
    if any(page.path in roots or page.path[: -page.steplen] in roots for page in pages):
        return True
    return bool({page.pk for page in pages} & SiteSettings.load().menu_page_ids())


def pages_showing(page):
    """The live pages whose HTML shows this page: itself, its ancestors and descendants (listings, breadcrumbs),
    what it links to or is linked from (Wagtail's reference index), and what its type says lists it
    (``get_cache_dependents``: the articles whose "related" fill may pick it)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    pages = [page, *page.get_ancestors().filter(depth__gt=1)]
    if page.pk is None:  # deleted: its links went with it
        return pages
    pages.extend(page.get_descendants().live())
    page_type = ContentType.objects.get_for_model(Page)
    referencing = ReferenceIndex.get_references_to(page).filter(base_content_type=page_type).values("object_id")
    referenced = ReferenceIndex.get_references_for_object(page).filter(to_content_type=page_type).values("to_object_id")
    ids = {int(row["object_id"]) for row in referencing} | {int(row["to_object_id"]) for row in referenced}
    dependents = getattr(page.specific_deferred, "get_cache_dependents", None)
    if dependents is not None:
        ids.update(dependent.pk for dependent in dependents())
    ids -= {shown.pk for shown in pages}
    pages.extend(Page.objects.live().filter(pk__in=ids))
    return pages


# --- Frontend cache (CDN, nginx) ---------------------------------------------


def frontend_cache_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_urls(urls):
    if frontend_cache_configured() and urls:
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        purge_urls_from_cache(sorted(urls))


def purge_pages(pages, neighbours=True):
    """Ask the configured frontend caches to forget these pages (and those showing them), in every language."""
    if not frontend_cache_configured():
        return
    urls = set()
    for page in pages:
        for shown in pages_showing(page) if neighbours else [page]:
            urls.update(page_urls(shown))
    purge_urls(urls)


def purge_site():
    """Every live page in every language: for what every page shows (settings, images, snippets, the menu)."""
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
