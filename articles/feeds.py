"""RSS feeds per language: the newest articles (/fr/feed.xml, /en/feed.xml) and the newest analyses
(/fr/analyses.xml, /en/analyses.xml)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import gettext as _

from core.typography import typeset

from .models import AnalysisIndexPage, ArticleIndexPage, ArticlePage

FEED_SIZE = 20


def article_feed(request):
    """The feed view: a feed object per request, so that concurrent requests never share one."""
    return ArticleFeed(request)(request)


class ArticleFeed(Feed):
    # language is left unset: Django then uses the active one, from the URL prefix.

    def __init__(self, request):
        super().__init__()
        self.request = request

    def title(self):
        return _("OswegO — News")

    def description(self):
        return _("Analysis and announcements from OswegO, customer operations consultancy.")

    def link(self):
        index = ArticleIndexPage.objects.live().first()
        return index.get_url(self.request) if index else "/"

    def items(self):
        return ArticlePage.objects.live().prefetch_related("authors__person").order_by("-date", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return typeset(item.title)

    def item_description(self, item):
        return typeset(item.standfirst)

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        if item.date is None:
            return item.first_published_at
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9, 0)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return ", ".join(author.person.full_name for author in item.authors.all()) or None

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


def analysis_feed(request):
    return AnalysisFeed(request)(request)


class AnalysisFeed(ArticleFeed):
    def title(self):
        return _("OswegO — Analyses")

    def description(self):
        return _("Analyses of customer operations in Europe, the Maghreb and West Africa, by OswegO.")

    def link(self):
        index = AnalysisIndexPage.objects.live().first()
        return index.get_url(self.request) if index else "/"

    def items(self):
        return (
            ArticlePage.objects.live()
            .filter(kind=ArticlePage.Kind.ANALYSIS)
            .prefetch_related("authors__person")
            .order_by("-date", "-pk")[:FEED_SIZE]
        )
