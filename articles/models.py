"""What the firm says: topics, the news index, articles, the analyses listing and their feeds."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import images, languages, navigation
from core.blocks import convert_with_page_links
from core.models import BasePage, IndexPage
from core.prepared import Key, prepared
from people.models import PersonPage
from seo import share_images, structured_data

from .blocks import article_body_blocks
from .reading_time import reading_time

ARTICLES_PER_PAGE = 10
# Far beyond any listing's last page (the database's offsets overflow long before a 23-digit number does).
MAX_PAGE_NUMBER = 100_000
RELATED_ARTICLES = 3


def parent_url(url):
    """The URL one level up ("/fr/actualites/slug/" → "/fr/actualites/"): a page's parent's, for a plain page."""
    trimmed = url.rstrip("/")
    return trimmed[: trimmed.rfind("/") + 1]


def page_number(request):
    """The listing page asked for by ?page=; anything but a positive number is a 404."""
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except (TypeError, ValueError) as exc:
        raise Http404("Invalid page number") from exc
    if number < 1 or number > MAX_PAGE_NUMBER:
        raise Http404("Invalid page number")
    return number


class Topic(index.Indexed, models.Model):
    """A subject articles are filed under; readers filter the news by it."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"), max_length=80, help_text=_("Used in the filter's web address: lowercase, no spaces.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name_fr"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        for code in languages.CODES:
            field = f"slug_{code}"
            value = getattr(self, field, None)
            if value and Topic.objects.exclude(pk=self.pk).filter(**{field: value}).exists():
                errors[field] = _("Another topic already uses this slug.")
        if errors:
            raise ValidationError(errors)


class ArticleIndexPage(IndexPage):
    """“Actualités” / “News”: articles newest first, paginated, filterable by topic."""

    subpage_types = ["articles.ArticlePage"]
    cache_query_parameters = ("topic", "page", *IndexPage.cache_query_parameters)

    class Meta:
        verbose_name = _("news index")

    def _selected_topic(self, request, topics):
        """The topic named by ?topic= in the current language; unknown slugs are a 404."""
        slug = request.GET.get("topic")
        if slug is None or slug == "":
            return None
        for topic in topics:
            if topic.slug == slug:
                return topic
        raise Http404("Unknown topic")

    def _page_number(self, request):
        return page_number(request)

    def get_listing_context(self, request):
        """The articles of the requested topic and page number, with the topic filter's state.

        The page's cards and the number of articles in all come in one prepared query (a window count), instead of
        Django's paginator asking a count and then the page."""
        topics = list(_live_topics())
        topic = self._selected_topic(request, topics)
        number = self._page_number(request)
        start = (number - 1) * ARTICLES_PER_PAGE
        where = navigation.children_range(self)
        if topic is None:
            rows = _index_cards(*where, start, start + ARTICLES_PER_PAGE)
        else:
            rows = _index_cards_on_topic(*where, topic.pk, start, start + ARTICLES_PER_PAGE)
        cards = prepare_cards(rows)
        # Past the last page there is no row to carry the total: the paginator then says there is no such page.
        total = cards[0].listed_total if cards else 0
        paginator = Paginator(CountedPage(cards, total, start), ARTICLES_PER_PAGE)
        try:
            page_of_articles = paginator.page(number)
        except (EmptyPage, PageNotAnInteger) as exc:
            raise Http404("No such page") from exc
        request._oswego_listing_state = (topic, page_of_articles.number)
        return {"topics": topics, "selected_topic": topic, "articles": page_of_articles, "paginator": paginator}

    def get_alternate_query(self, request, language):
        """Keep the topic (in that language's slug) and the page number in canonical and hreflang URLs."""
        topic, number = getattr(request, "_oswego_listing_state", (None, 1))
        params = {}
        if topic is not None:
            params["topic"] = getattr(topic, f"slug_{language}", None) or topic.slug_fr
        if number > 1:
            params["page"] = number
        return urlencode(params)


class ArticlePage(BasePage):
    """An article: standfirst, authors, topics and a body of blocks. An analysis may offer a report to download."""

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        ANALYSIS = "analysis", _("Analysis")

    standfirst = models.TextField(
        _("standfirst"), help_text=_("One or two sentences under the title; also the summary in listings.")
    )
    hero_image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    hero_image_alt = models.CharField(
        _("hero image text alternative"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, in a sentence, for people who cannot see it. Required in each language."),
    )
    hero_image_decorative = models.BooleanField(
        _("decorative hero image"),
        default=False,
        help_text=_("Tick only if the image adds nothing to the text: screen readers then skip it."),
    )
    date = models.DateField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("Shown on the article. Left empty, it becomes the date of first publication."),
    )
    topics = ParentalManyToManyField(Topic, blank=True, verbose_name=_("topics"))
    offices = ParentalManyToManyField(
        "offices.OfficePage",
        blank=True,
        related_name="articles",
        verbose_name=_("offices concerned"),
        help_text=_("The article is listed on these offices' pages."),
    )
    body = StreamField(article_body_blocks(), verbose_name=_("body"))
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.NEWS,
        help_text=_("An analysis is also listed on the Analyses page and in its feed; its address does not change."),
    )
    report = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("report to download"),
        help_text=_(
            "A PDF readers get after giving their name, work e-mail and company (a lead). One per language; the "
            "English one falls back to the French. The file is never public: only a signed link that expires opens it."
        ),
    )
    # Computed at every publish, per language, from the standfirst and body.
    reading_time_fr = models.PositiveSmallIntegerField(default=1, editable=False)
    reading_time_en = models.PositiveSmallIntegerField(default=1, editable=False)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt"), FieldPanel("hero_image_decorative")],
            heading=_("Hero image"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("kind"),
                InlinePanel("authors", label=_("Author"), min_num=1),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("offices", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Byline and filing"),
        ),
        FieldPanel("body"),
        FieldPanel("report"),
        InlinePanel(
            "related_articles",
            label=_("Related article"),
            max_num=RELATED_ARTICLES,
            help_text=_("Fewer than three? Articles on the same topics fill the rest."),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
    og_type = "article"
    served_select_related = ("hero_image",)

    class Meta:
        verbose_name = _("article")

    # The columns a card, a link or a listing entry reads: never the body nor the SEO fields.
    CARD_FIELDS = (
        *languages.LINK_FIELDS,
        "date",
        "hero_image",
        *(f"reading_time_{code}" for code in languages.CODES),
        *languages.columns("standfirst"),
    )

    def get_summary(self):
        return self.standfirst

    def clean(self):
        super().clean()
        errors = self.image_alt_errors(self.hero_image, "hero_image_alt", self.hero_image_decorative)
        if errors:
            raise ValidationError(errors)

    @property
    def hero_alt(self):
        return self.image_alt(self.hero_image, "hero_image_alt", self.hero_image_decorative)

    def update_reading_times(self):
        for code in languages.CODES:
            setattr(self, f"reading_time_{code}", reading_time(self, code))

    @property
    def reading_time(self):
        return getattr(self, f"reading_time_{translation.get_language()}", None) or self.reading_time_fr

    @property
    def listed_topics(self):
        """The topics a card or the article's header shows: those ``prepare_cards`` read with a list of cards, else
        the page's own (a preview's draft's, in memory)."""
        topics = getattr(self, "_listed_topics", None)
        return list(self.topics.all()) if topics is None else topics

    def ordered_authors(self):
        return [authorship.person for authorship in self.authors.select_related("person") if authorship.person]

    def related(self, topics_with_cards=False):
        """Chosen related articles first, in the editor's order, then the newest live ones sharing a topic.

        One query for the cards, whichever fill them (plus their topics and images); the chosen articles' ids come
        from the page's links (in memory in a preview). The page's topics are those already loaded, or, with
        ``topics_with_cards`` (a page served as saved, not a preview's draft), a subquery, and then read in the same
        query as the cards' topics: ``self.topics.all()`` costs nothing afterwards.

        Cards show no body: the bodies stay in the database, so a long related article costs this page nothing.
        """
        if topics_with_cards:
            chosen_ids = list(_chosen_related_ids(self.pk))
            unique_ids = list(dict.fromkeys(chosen_ids))
            found = list(_related_cards(self.pk, unique_ids))
        else:
            chosen_ids = list(self.related_articles.values_list("article_id", flat=True))
            unique_ids = list(dict.fromkeys(chosen_ids))
            topics = getattr(self, "_topics", None)
            topic_ids = [topic.pk for topic in (self.topics.all() if topics is None else topics)]
            if not unique_ids and not topic_ids:
                return []
            found = list(related_cards(self.pk, unique_ids, topic_ids))
        prepare_cards(found, topics_for=[self] if topics_with_cards else ())
        by_id = {article.pk: article for article in found}
        # From the links, not the query's rows: an article chosen twice is shown twice, as before.
        chosen = [by_id[pk] for pk in chosen_ids if pk in by_id][:RELATED_ARTICLES]
        chosen_set = set(unique_ids)
        fill = [article for article in found if article.pk not in chosen_set]
        return (chosen + fill)[:RELATED_ARTICLES]

    @property
    def has_report(self):
        return bool(self.report_fr_id or self.report_en_id)

    def report_request_url(self, request):
        """The short form in front of the report (on the contact page, which declares ``report_url``), or ""."""
        if not self.has_report:
            return ""
        contact = navigation.contact_page(request)
        report_url = getattr(contact, "report_url", None)
        return report_url(request, self) if report_url is not None else ""

    def get_cache_dependents(self):
        """The offices it is filed under (they list it) and the articles sharing a topic (their "related" fill
        may pick it), and the analyses page for an analysis; authors and chosen related articles are links
        Wagtail's reference index knows."""
        topics = list(self.topics.all())
        sharing = (
            ArticlePage.objects.live().defer_streamfields().filter(topics__in=topics).exclude(pk=self.pk).distinct()
            if topics
            else []
        )
        # An analysis is listed on the analyses page, which is not its parent.
        analyses = AnalysisIndexPage.objects.live() if self.kind == self.Kind.ANALYSIS else []
        return [*(office for office in self.offices.all() if office.live), *sharing, *analyses]

    def get_share_visual(self):
        return self.hero_image

    def get_share_figure(self):
        for block in self.body:
            if block.block_type == "key_figures" and block.value["figures"]:
                figure = block.value["figures"][0]
                return figure["value"], figure["label"]
        return None

    def get_structured_data(self, request):
        authors = getattr(self, "_authors", None)
        if authors is None:
            authors = self.ordered_authors()
        published = self.date or (self.first_published_at and self.first_published_at.date())
        data = {
            "@type": "Article",
            "headline": self.title[:110],
            "description": self.standfirst,
            "inLanguage": self.content_language,
            "author": [structured_data.person(person, request) for person in authors],
            "publisher": structured_data.organization_ref(request),
            "image": share_images.share_image_url(self, request),
            "mainEntityOfPage": request.build_absolute_uri(self.get_url(request)),
            "keywords": [topic.name for topic in getattr(self, "_topics", None) or self.topics.all()],
        }
        if published:
            data["datePublished"] = published.isoformat()
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        return [data]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: only what the templates render is queried. Kept on the page for the structured data.
        # The people its quotes and calls to action name: in one query, not one per block type.
        convert_with_page_links(self.body)
        # Served as saved, the page's topics are read with the related cards' (one query): the header, which shows
        # them first, has the cards looked for. A preview's topics and authors are its draft's, in memory.
        in_preview = getattr(request, "is_preview", False)
        self._authors = context["authors"] = SimpleLazyObject(
            lambda: [
                authorship.person
                for authorship in (bylines(self.authors.all()) if in_preview else _saved_bylines(self.pk))
                if authorship.person is not None
            ]
        )
        related = SimpleLazyObject(lambda: self.related(topics_with_cards=not in_preview))

        def own_topics():
            if not in_preview:
                len(related)
            return self.listed_topics

        self._topics = context["article_topics"] = SimpleLazyObject(own_topics)
        # The news index's URL is the article's own without its last segment: no query for the parent.
        # (A page being previewed before its first publish may have no URL yet: then ask its parent.)
        context["index_url"] = SimpleLazyObject(
            lambda: parent_url(self.get_url(request) or "") or self.get_parent().get_url(request)
        )
        context["related_articles"] = related
        context["report_url"] = SimpleLazyObject(lambda: self.report_request_url(request))
        context["table_of_contents"] = SimpleLazyObject(
            lambda: [
                child.value for child in self.body if child.block_type == "heading" and child.value.get("level") == "h2"
            ]
        )
        return context

    def save(self, *args, **kwargs):
        # Wagtail writes the whole page row only when it publishes (drafts are
        # revisions and save with update_fields): this runs once per publish.
        if kwargs.get("update_fields") is None:
            self.update_reading_times()
            if self.live and self.date is None:
                self.date = timezone.localdate(self.first_published_at or timezone.now())
        return super().save(*args, **kwargs)


class AnalysisIndexPage(IndexPage):
    """“Analyses”: the articles of kind “analysis”, newest first, wherever they sit (they keep their addresses under
    the news), with their own feed."""

    subpage_types = []
    cache_query_parameters = ("page",)

    class Meta:
        verbose_name = _("analyses index")

    def analyses(self):
        return (
            ArticlePage.objects.live()
            .filter(kind=ArticlePage.Kind.ANALYSIS)
            .defer_streamfields()
            .select_related("hero_image")
            .order_by("-date", "-pk")
        )

    def get_listing_context(self, request):
        paginator = Paginator(self.analyses(), ARTICLES_PER_PAGE)
        try:
            page_of_articles = paginator.page(page_number(request))
        except (EmptyPage, PageNotAnInteger) as exc:
            raise Http404("No such page") from exc
        page_of_articles.object_list = prepare_cards(page_of_articles.object_list)
        request._oswego_listing_page = page_of_articles.number
        return {"articles": page_of_articles, "paginator": paginator}

    def get_alternate_query(self, request, language):
        number = getattr(request, "_oswego_listing_page", 1)
        return urlencode({"page": number}) if number > 1 else ""


class ArticleAuthor(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "people.PersonPage",
        on_delete=models.CASCADE,
        related_name="article_authorships",
        verbose_name=_("person"),
    )

    panels = [PageChooserPanel("person", page_type="people.PersonPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")


class RelatedArticle(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_articles")
    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("article"))

    panels = [PageChooserPanel("article", page_type="articles.ArticlePage")]


def related_cards(pk, chosen_ids, topic_ids=None):
    """The related articles' cards of the article ``pk``: those chosen (``chosen_ids``, in that order) first, then
    the newest live ones sharing one of its topics (``topic_ids``, or when None the article's saved topics, in a
    subquery). Cards show no body: the bodies stay in the database, so a long related article costs nothing."""
    through = ArticlePage.topics.through.objects
    if topic_ids is None:
        topic_ids = through.filter(articlepage_id=pk).values("topic_id")
    wanted = models.Q()
    if chosen_ids:
        wanted |= models.Q(pk__in=chosen_ids)
    wanted |= models.Q(pk__in=through.filter(topic_id__in=topic_ids).values("articlepage_id"))
    cards = (
        ArticlePage.objects.live()
        .filter(wanted)
        .exclude(pk=pk)
        .only(*ArticlePage.CARD_FIELDS)
        .select_related("hero_image")
        .order_by("-date", "-pk")
    )
    if chosen_ids:
        # The chosen ones in the editor's order, before any other (which then go newest first).
        rank = models.Case(
            *(models.When(pk=chosen, then=models.Value(position)) for position, chosen in enumerate(chosen_ids)),
            default=models.Value(len(chosen_ids)),
            output_field=models.IntegerField(),
        )
        cards = cards.alias(rank=rank).order_by("rank", "-date", "-pk")
    return cards[:RELATED_ARTICLES]


# An article served as saved asks these on every uncached render: their SQL is built once (core/prepared.py).
_related_cards = prepared(int, [int])(related_cards)


@prepared(int)
def _chosen_related_ids(pk):
    return RelatedArticle.objects.filter(page_id=pk).order_by("sort_order").values_list("article_id", flat=True)


def bylines(authorships):
    """``authorships`` (ArticleAuthor rows) with what a byline reads of each person."""
    return authorships.select_related("person", "person__photo").only(
        "page", "person", *(f"person__{name}" for name in PersonPage.BYLINE_FIELDS)
    )


@prepared(int)
def _saved_bylines(pk):
    return bylines(ArticleAuthor.objects.filter(page_id=pk))


def prepare_cards(articles, topics_for=()):
    """``articles`` (read as cards, with their hero image's row) as a list, with what a card shows beyond its own
    columns: each hero image's card renditions and each article's topics, in one prepared query each for the whole
    list; the pages in ``topics_for`` (the article the cards are related to) get their topics in the same query.
    Django's ``prefetch_related`` would build its queries, and a queryset per article, on every render."""
    articles = list(articles)
    images.attach_renditions([article.hero_image for article in articles if article.hero_image_id], "card")
    pages = [*topics_for, *articles]
    if not pages:
        return articles
    by_page = {}
    for link in _topic_links(sorted({page.pk for page in pages})):
        by_page.setdefault(link.articlepage_id, []).append(link.topic)
    for page in pages:
        page._listed_topics = by_page.get(page.pk, [])
    return articles


@prepared([int])
def _topic_links(page_ids):
    """The topics of the articles ``page_ids``, in the topics' order (their French name)."""
    links = ArticlePage.topics.through.objects.filter(articlepage_id__in=page_ids).select_related("topic")
    return links.order_by(*(f"topic__{field}" for field in Topic._meta.ordering), "topic_id")


class CountedPage:
    """One page of a listing, read with the listing's total (``total``, a window count in the same query), as
    Django's paginator reads an object list: it asks ``count()`` then the page's slice, which is ``rows``."""

    def __init__(self, rows, total, start):
        self.rows, self.total, self.start = rows, total, start

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        if isinstance(index, slice) and (index.start or 0) == self.start:
            return self.rows
        raise IndexError("only the page that was read")


def _index_cards_query(first, last, depth):
    """The live articles at ``depth`` between the tree paths ``first`` and ``last`` (a news index's children), as
    cards read them, newest first, each with the number of them in all (``listed_total``)."""
    return (
        ArticlePage.objects.filter(path__range=(first, last), depth=depth)
        .live()
        .only(*ArticlePage.CARD_FIELDS)
        .select_related("hero_image")
        .annotate(listed_total=models.Window(models.Count("pk")))
        .order_by("-date", "-pk")
    )


@prepared(str, str, int, Key, Key)
def _index_cards(first, last, depth, start, stop):
    return _index_cards_query(first, last, depth)[start:stop]


@prepared(str, str, int, int, Key, Key)
def _index_cards_on_topic(first, last, depth, topic_id, start, stop):
    return _index_cards_query(first, last, depth).filter(topics=topic_id)[start:stop]


@prepared()
def _live_topics():
    """The topics of live articles, for the news index's filter."""
    return Topic.objects.filter(articlepage__live=True).distinct().order_by("name_fr")
