from django import template

from articles.models import ArticleIndexPage, ArticlePage
from core import images, navigation
from core.prepared import Key, prepared

register = template.Library()


@register.simple_tag(takes_context=True)
def latest_articles(context, limit=3):
    """The news index and its newest articles (for the home page)."""
    index = navigation.section_page(context.get("request"), ArticleIndexPage)
    if index is None:
        return {"index": None, "articles": []}
    return {"index": index, "articles": list(_newest_cards(*navigation.descendants_range(index), limit))}


@prepared(str, str, Key)
def _newest_cards(first, last, limit):
    """The ``limit`` newest live articles between the tree paths ``first`` and ``last``, as their cards read them."""
    return (
        ArticlePage.objects.filter(path__range=(first, last))
        .live()
        .only(*ArticlePage.CARD_FIELDS)
        .select_related("hero_image")
        .prefetch_related("topics")
        .prefetch_related(images.prefetch_renditions("hero_image__renditions", "card"))
        .order_by("-date", "-pk")[:limit]
    )
