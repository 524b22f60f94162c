import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from editorial.models import StaleTranslation

from .models import ArticlePage, Topic


class TopicIndexView(SnippetViewSet.index_view_class):
    # Wagtail's generic "Add %(model_name)s" reads "Ajouter un(e) thème" in French.
    add_item_label = _("Add a topic")


class TopicViewSet(SnippetViewSet):
    model = Topic
    index_view_class = TopicIndexView
    icon = "tag"
    menu_label = _("Topics")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name_fr", "name_en", "slug_fr", "slug_en"]
    search_fields = ["name_fr", "name_en"]


register_snippet(TopicViewSet)


class TickedOnly(forms.CheckboxInput):
    """A checkbox filter that filters only when ticked: unticked is "no filter" (None), not "False", so the listing
    shows no active-filter chip or count when nothing is filtered."""

    def value_from_datadict(self, data, files, name):
        return True if super().value_from_datadict(data, files, name) else None


def english_missing():
    empty = Q()
    for field in ("title_en", "standfirst_en"):
        empty |= Q(**{f"{field}__isnull": True}) | Q(**{field: ""})
    return empty | Q(body_en__isnull=True) | Q(body_en=[])


class ArticleFilterSet(PageListingViewSet.filterset_class):
    english_missing = django_filters.BooleanFilter(
        label=_("English missing"), method="filter_english_missing", widget=TickedOnly
    )
    english_to_review = django_filters.BooleanFilter(
        label=_("English to review"), method="filter_english_to_review", widget=TickedOnly
    )

    class Meta:
        model = ArticlePage
        fields = ["topics"]

    def filter_english_missing(self, queryset, name, value):
        return queryset.filter(english_missing()) if value else queryset

    def filter_english_to_review(self, queryset, name, value):
        return queryset.filter(english_to_review=True) if value else queryset


def translation_state(page):
    if page.english_to_review:
        return _("English to review")
    if not page.title_en or not page.standfirst_en or not page.body_en:
        return _("English missing")
    return ""


class ArticleIndexView(PageListingViewSet.index_view_class):
    # Wagtail's generic "Add %(model_name)s" reads "Ajouter un(e) article" in French.
    add_item_label = _("Add an article")
    base_columns = [
        *PageListingViewSet.index_view_class.base_columns,
        Column("translation", label=_("Translation"), accessor=translation_state),
    ]

    def get_base_queryset(self):
        stale = StaleTranslation.objects.filter(page_id=OuterRef("pk"), language="en")
        return super().get_base_queryset().annotate(english_to_review=Exists(stale))


class ArticleListingViewSet(PageListingViewSet):
    """All articles in one list, filterable by topic, by “English missing” and by “English to review”."""

    model = ArticlePage
    icon = "doc-full"
    menu_label = _("Articles")
    menu_order = 200
    add_to_admin_menu = True
    index_view_class = ArticleIndexView
    filterset_class = ArticleFilterSet


@hooks.register("register_admin_viewset")
def register_article_listing():
    return ArticleListingViewSet("article_listing")
