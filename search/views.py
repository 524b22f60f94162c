from dataclasses import dataclass

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils import translation
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail.models import Page

from search.query import find_page_ids
from search.text import clean_query

RESULTS_PER_PAGE = 10


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
    page_ids = find_page_ids(query, translation.get_language()) if query else []
    paginator = Paginator(page_ids, RESULTS_PER_PAGE)
    try:
        number = int(request.GET.get("page", "1"))
    except (TypeError, ValueError):
        number = 1
    try:
        results_page = paginator.page(number)
    except (EmptyPage, PageNotAnInteger):
        results_page = paginator.page(1)
    pages = Page.objects.live().filter(pk__in=list(results_page.object_list)).specific()
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
