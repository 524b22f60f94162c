import hashlib
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils import translation
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited
from wagtail.models import Page

from search.indexing import index_version
from search.query import find_page_ids
from search.text import clean_query

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
RETRY_AFTER_SECONDS = 60


def too_many_searches(request):
    """Count this search against the client's address (SEARCH_RATE_LIMIT); a cache outage lets it through."""
    try:
        return is_ratelimited(
            request, group="search", key="ip", rate=settings.SEARCH_RATE_LIMIT, method=ALL, increment=True
        )
    except Exception:
        logger.exception("Search: the rate limit could not be checked")
        return False


def matching_page_ids(query, language):
    """The ids matching ``query``, kept SEARCH_CACHE_SECONDS for identical searches, until the index changes.

    Only ids are kept: the pages are read (live ones only) at every request.
    """
    version = index_version()
    if version is None:
        return find_page_ids(query, language)
    key = f"search:results:{version}:{language}:{hashlib.sha256(query.encode()).hexdigest()}"
    try:
        page_ids = cache.get(key)
    except Exception:  # a cache outage costs speed, never a page
        page_ids = None
    if page_ids is None:
        page_ids = find_page_ids(query, language)
        try:
            cache.set(key, page_ids, settings.SEARCH_CACHE_SECONDS)
        except Exception:
            logger.warning("Search: results could not be cached", exc_info=True)
    return page_ids


@dataclass(frozen=True)
class Hit:
    """One result as the page shows it: the page, its section and the language its text is in."""

    page: Page
    section: Page | None
    language: str


@require_safe
@never_cache
def search(request):
    """Results in the visitor's language; noindex and never cached publicly."""
    query = clean_query(request.GET.get("q", ""))
    if query and too_many_searches(request):
        response = render(request, "search/search.html", {"query": "", "rate_limited": True}, status=429)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    page_ids = matching_page_ids(query, translation.get_language()) if query else []
    paginator = Paginator(page_ids, RESULTS_PER_PAGE)
    try:
        number = int(request.GET.get("page", "1"))
    except (TypeError, ValueError):
        number = 1
    try:
        results_page = paginator.page(number)
    except (EmptyPage, PageNotAnInteger):
        results_page = paginator.page(1)
    # Results show a title and a summary, never a body: StreamFields stay in the database.
    pages = Page.objects.live().filter(pk__in=list(results_page.object_list)).specific().defer_streamfields()
    by_id = {page.pk: page for page in pages}
    results = [by_id[page_id] for page_id in results_page.object_list if page_id in by_id]
    # Each result's section (its parent page, unless that is the home page), in one query.
    parent_paths = {page.path[: -Page.steplen] for page in results}
    sections = {parent.path: parent for parent in Page.objects.filter(path__in=parent_paths, depth__gt=2)}
    language = translation.get_language()
    hits = [
        Hit(
            page=page,
            section=sections.get(page.path[: -Page.steplen]),
            language=page.content_language if hasattr(page, "content_language") else language,
        )
        for page in results
    ]
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results": hits,
            "results_page": results_page,
            "paginator": paginator,
            # The language switcher keeps the words (not the page number: the other language counts its own).
            "alternate_query": urlencode({"q": query}) if query else "",
        },
    )
