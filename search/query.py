"""Finding pages: PostgreSQL full-text search per language, a simpler word match on SQLite."""

from django.db import connection
from django.db.models import Case, F, FloatField, Q, Value, When

from search.indexing import PG_CONFIGS
from search.models import SearchDocument
from search.text import plain

MAX_CANDIDATES = 200


def _postgres_matches(query):
    from django.contrib.postgres.search import SearchQuery, SearchRank

    queries = {code: SearchQuery(query, config=config, search_type="websearch") for code, config in PG_CONFIGS.items()}
    matches = Q()
    ranks = []
    for code, search_query in queries.items():
        matches |= Q(language=code, vector=search_query)
        ranks.append(When(language=code, then=SearchRank(F("vector"), search_query)))
    return SearchDocument.objects.filter(matches).annotate(rank=Case(*ranks, output_field=FloatField()))


def _simple_matches(query):
    terms = plain(query).split()
    if not terms:
        return SearchDocument.objects.none().annotate(rank=Value(0.0, output_field=FloatField()))
    documents = SearchDocument.objects.all()
    for term in terms:
        documents = documents.filter(plain__contains=term)
    # Title matches first, as the weighted PostgreSQL ranking does.
    return documents.annotate(
        rank=Case(When(title__icontains=query, then=Value(2.0)), default=Value(1.0), output_field=FloatField())
    )


def find_page_ids(query, language):
    """Live page ids matching ``query``, best first; pages matched in ``language`` come first.

    A word found only in the other language still finds the page, ranked after
    the pages that match in the reader's language.
    """
    if not query:
        return []
    documents = _postgres_matches(query) if connection.vendor == "postgresql" else _simple_matches(query)
    documents = (
        documents.filter(page__live=True)
        .annotate(
            in_language=Case(When(language=language, then=Value(1.0)), default=Value(0.0), output_field=FloatField())
        )
        .order_by("-in_language", "-rank", "-page__first_published_at", "page_id")
        .values_list("page_id", flat=True)[:MAX_CANDIDATES]
    )
    seen = []
    for page_id in documents:
        if page_id not in seen:
            seen.append(page_id)
    return seen
