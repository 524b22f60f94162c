from django import template

from articles.models import ArticleIndexPage, ArticlePage, prepare_cards
from core import navigation
from core.prepared import Key, prepared

register = template.Library()


@register.simple_tag(takes_context=True)
def latest_articles(context, limit=3):
    """The news index and its newest articles (for the home page)."""
    index = navigation.section_page(context.get("request"), ArticleIndexPage)
    if index is None:
        return {"index": None, "articles": []}
    cards = prepare_cards(_newest_cards(*navigation.descendants_range(index), limit))
    return {"index": index, "articles": cards}


@prepared(str, str, Key)
def _newest_cards(first, last, limit):
    """The ``limit`` newest live articles between the tree paths ``first`` and ``last``, as their cards read them."""
    return (
        ArticlePage.objects.filter(path__range=(first, last))
        .live()
        .only(*ArticlePage.CARD_FIELDS)
        .select_related("hero_image")
        .order_by("-date", "-pk")[:limit]
    )
