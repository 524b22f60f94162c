import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ArticlePage, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name_fr", "name_en", "slug_fr", "slug_en"]
    search_fields = ["name_fr", "name_en"]


register_snippet(TopicViewSet)


class ArticleFilterSet(PageListingViewSet.filterset_class):
    english_missing = django_filters.BooleanFilter(
        label=_("English missing"),
        method="filter_english_missing",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = ArticlePage
        fields = ["topics"]

    def filter_english_missing(self, queryset, name, value):
        if not value:
            return queryset
        empty = Q()
        for field in ("title_en", "standfirst_en"):
            empty |= Q(**{f"{field}__isnull": True}) | Q(**{field: ""})
        empty |= Q(body_en__isnull=True) | Q(body_en=[])
        return queryset.filter(empty)


class ArticleListingViewSet(PageListingViewSet):
    """All articles in one list, filterable by topic and by “English missing”."""

    model = ArticlePage
    icon = "doc-full"
    menu_label = _("Articles")
    menu_order = 200
    add_to_admin_menu = True
    filterset_class = ArticleFilterSet


@hooks.register("register_admin_viewset")
def register_article_listing():
    return ArticleListingViewSet("article_listing")
