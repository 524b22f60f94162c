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
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results": results,
            "results_page": results_page,
            "paginator": paginator,
            # The language switcher keeps the words (not the page number: the other language counts its own).
            "alternate_query": urlencode({"q": query}) if query else "",
        },
    )
