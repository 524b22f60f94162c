"""Prepared querysets (core/prepared.py): the SQL built once per language, the same answers as the ORM's."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import Count, Prefetch, Q
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, Site

from articles.factories import ArticlePageFactory, TopicFactory
from articles.models import ArticlePage, Topic
from core.prepared import prepared


def counted(function):
    """``function``, counting how often it builds its queryset."""
    calls = []

    def build(*args):
        calls.append(args)
        return function(*args)

    build.calls = calls
    return build


@pytest.fixture
def articles(news_index):
    return [
        ArticlePageFactory(parent=news_index, slug_fr=f"article-{n}", slug_en=f"story-{n}", title_en=f"Story {n}")
        for n in range(3)
    ]


def test_the_same_rows_as_the_queryset_the_function_builds(articles):
    def by_slug(slug):
        return Page.objects.filter(slug=slug).only("title", "path").order_by("path")

    prepared_by_slug = prepared(str)(by_slug)
    for slug in ("article-0", "article-2", "nothing"):
        assert list(prepared_by_slug(slug)) == list(by_slug(slug))
        assert [page.title for page in prepared_by_slug(slug)] == [page.title for page in by_slug(slug)]


def test_built_and_compiled_once_per_language_then_only_run(articles):
    build = counted(lambda slug: Page.objects.filter(slug=slug).order_by("path"))
    by_slug = prepared(str)(build)
    assert [page.pk for page in by_slug("article-0")] == [articles[0].pk]
    builds = len(build.calls)  # two builds with stand-in values, to learn where the values go
    assert builds == 2
    with CaptureQueriesContext(connection) as queries:
        assert [page.pk for page in by_slug("article-1")] == [articles[1].pk]
        assert [page.pk for page in by_slug("article-2")] == [articles[2].pk]
    assert len(build.calls) == builds
    assert len(queries.captured_queries) == 2
    # wagtail-modeltranslation reads `slug` as the active language's column: English has SQL of its own.
    with translation.override("en"), CaptureQueriesContext(connection) as english:
        assert [page.pk for page in by_slug("story-1")] == [articles[1].pk]
        assert [page.pk for page in by_slug("article-1")] == []
    assert len(build.calls) == builds + 2
    assert '"slug_en" = ' in english.captured_queries[0]["sql"]
    assert '"slug_fr" = ' in queries.captured_queries[0]["sql"]


def test_a_value_used_in_several_places_and_integers(articles):
    target = articles[1]

    @prepared(str, int)
    def by_path_or_pk(path, pk):
        return Page.objects.filter(Q(path=path) | Q(pk=pk) | Q(url_path=path)).order_by("pk")

    assert [page.pk for page in by_path_or_pk(target.path, articles[2].pk)] == [target.pk, articles[2].pk]
    assert [page.pk for page in by_path_or_pk("nope", articles[0].pk)] == [articles[0].pk]


def test_lists_get_sql_per_length_and_an_empty_list_is_djangos(articles):
    build = counted(lambda pks: Page.objects.filter(pk__in=pks).order_by("pk"))
    by_pks = prepared([int])(build)
    pks = [page.pk for page in articles]
    assert [page.pk for page in by_pks(pks)] == pks
    assert [page.pk for page in by_pks(list(reversed(pks)))] == pks
    assert [page.pk for page in by_pks(pks[:1])] == pks[:1]
    assert len(build.calls) == 4  # lengths 3 and 1, two builds each
    with CaptureQueriesContext(connection) as queries:
        assert list(by_pks([])) == []
    assert queries.captured_queries == []


def test_select_related_annotations_and_prefetches_are_filled_as_djangos(articles):
    topic = TopicFactory(name_fr="Expérience client", name_en="Customer experience")
    articles[0].topics.set([topic])
    articles[0].save()  # a ParentalManyToManyField is written on save

    @prepared(str)
    def sites(hostname):
        return Site.objects.filter(hostname=hostname).select_related("root_page")

    @prepared(int)
    def with_topics(pk):
        return ArticlePage.objects.filter(pk=pk).annotate(topic_count=Count("topics")).prefetch_related("topics")

    with CaptureQueriesContext(connection) as queries:
        site = next(iter(sites("testserver")))
        assert site.root_page.title == Page.objects.get(pk=site.root_page_id).title
    assert len(queries.captured_queries) == 2  # the site with its home page, then the comparison
    with CaptureQueriesContext(connection) as queries:
        article = next(iter(with_topics(articles[0].pk)))
        assert article.topic_count == 1
        assert [t.name for t in article.topics.all()] == ["Expérience client"]
    assert len(queries.captured_queries) == 2  # the article, its topics


def test_anything_but_iterating_builds_the_queryset_with_the_real_values(articles):
    @prepared(str)
    def under(path):
        return Page.objects.filter(path__gt=path).order_by("path")

    index_path = articles[0].get_parent().path
    expected = Page.objects.filter(path__gt=index_path).order_by("path")
    queryset = under(index_path)
    assert queryset.count() == expected.count() == 3
    assert queryset.exists()
    assert queryset.first() == expected.first()
    assert [page.pk for page in queryset.filter(slug="article-1")] == [articles[1].pk]
    assert list(queryset.values_list("pk", flat=True)) == list(expected.values_list("pk", flat=True))
    assert queryset[1:2].get() == expected[1:2].get()
    assert list(queryset) == list(expected)
    assert len(queryset) == 3 and bool(queryset)


def test_a_lookup_that_rewrites_its_value_cannot_be_prepared(articles):
    @prepared(str)
    def beginning_with(path):
        return Page.objects.filter(path__startswith=path)

    with pytest.raises(ImproperlyConfigured, match="rewrites an argument"):
        list(beginning_with(articles[0].path))


def test_an_argument_left_out_of_the_sql_or_a_prefetch_depending_on_it_is_refused(articles):
    @prepared(str)
    def ignoring(slug):
        return Page.objects.all()

    with pytest.raises(ImproperlyConfigured, match="not a parameter"):
        list(ignoring("article-0"))

    @prepared(int)
    def prefetching(pk):
        return ArticlePage.objects.filter(pk=pk).prefetch_related(
            Prefetch("topics", queryset=Topic.objects.filter(pk__gt=pk))
        )

    with pytest.raises(ImproperlyConfigured, match="Prefetch"):
        list(prefetching(articles[0].pk))


def test_the_sql_kept_per_function_is_bounded_and_the_rest_is_built_as_usual(articles, monkeypatch):
    from core import prepared as module

    monkeypatch.setattr(module, "MAX_STATEMENTS", 2)
    build = counted(lambda start: Page.objects.order_by("path")[start : start + 1])
    page = module.prepared(module.Key)(build)
    paths = list(Page.objects.order_by("path").values_list("path", flat=True))
    for start in range(5):
        assert [row.path for row in page(start)] == paths[start : start + 1]
    assert len(page.statements) == 2
    # Two keys kept (two builds each), the three others built once each, as Django builds them.
    assert len(build.calls) == 2 * 2 + 3
