"""What the firm sells: the services index and one page per offer, each ending on a named person to talk to, and
the case studies that prove it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import images
from core.blocks import KeyFiguresBlock, base_body_blocks
from core.models import BasePage, IndexPage
from seo import structured_data


class ServiceIndexPage(IndexPage):
    """“Nos offres” / “Services”: the services in the order editors give them in the page tree."""

    subpage_types = ["services.ServicePage"]

    class Meta:
        verbose_name = _("services index")

    def get_listing_context(self, request):
        return {"services": ServicePage.objects.child_of(self).live().order_by("path")}


class ServicePage(BasePage):
    """One offer: its promise, for whom, what we do, how we work, figures, proof and a person to talk to."""

    promise = models.TextField(
        _("promise"), max_length=300, help_text=_("What the client gets, in one or two sentences. Shown in listings.")
    )
    for_whom = models.TextField(
        _("for whom"), blank=True, help_text=_("Who this offer is for, in a short paragraph or two.")
    )
    what_we_do = StreamField(base_body_blocks(), blank=True, verbose_name=_("what we do"))
    how_we_work = StreamField(base_body_blocks(), blank=True, verbose_name=_("how we work"))
    key_figures = StreamField(
        [("key_figures", KeyFiguresBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("key figures"),
        help_text=_("Up to four figures, each with its source."),
    )
    areas_served = models.TextField(
        _("areas served"),
        blank=True,
        help_text=_("Countries or regions, one per line (search engines read them)."),
    )
    contact_person = models.ForeignKey(
        "people.PersonPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("person to contact"),
        help_text=_("The page ends with a button to write to this person through the contact form."),
    )
    contact_text = models.CharField(
        _("why write to them"),
        max_length=300,
        blank=True,
        help_text=_("One sentence above the button, e.g. “Jamal Mossaddeq answers your questions on …”."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("promise"),
        FieldPanel("for_whom"),
        FieldPanel("what_we_do"),
        FieldPanel("how_we_work"),
        FieldPanel("key_figures"),
        FieldPanel("areas_served"),
        MultiFieldPanel(
            [PageChooserPanel("contact_person", page_type="people.PersonPage"), FieldPanel("contact_text")],
            heading=_("Call to action"),
        ),
        InlinePanel("related_people", heading=_("Related people"), label=_("person")),
        InlinePanel("related_articles", heading=_("Related articles"), label=_("article")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("promise", boost=2),
        index.SearchField("for_whom"),
        index.SearchField("what_we_do"),
        index.SearchField("how_we_work"),
    ]

    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service")

    def clean(self):
        super().clean()
        if self.contact_text and not self.contact_person_id:
            raise ValidationError({"contact_person": _("Choose the person the call to action names.")})

    def get_summary(self):
        return self.promise

    def get_share_figure(self):
        for block in self.key_figures:
            figures = block.value["figures"]
            if figures:
                return figures[0]["value"], figures[0]["label"]
        return None

    @property
    def areas_served_list(self):
        return [line.strip() for line in (self.areas_served or "").splitlines() if line.strip()]

    def get_structured_data(self, request):
        return [structured_data.service(self, request)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A fixed number of queries whatever the number of people and articles (tests/services).
        context["service_people"] = [
            link.person
            for link in self.related_people.filter(person__live=True)
            .select_related("person", "person__photo", "person__office")
            .prefetch_related(images.prefetch_renditions("person__photo__renditions", "avatar"))
        ]
        context["service_articles"] = [
            link.article for link in self.related_articles.filter(article__live=True).select_related("article")
        ]
        context["service_case_studies"] = list(self.case_studies.live().defer_streamfields().order_by("path"))
        person = self.contact_person
        context["service_contact"] = person if person is not None and person.live else None
        return context


class ServicePerson(Orderable):
    """A person who works on this offer, shown as a card."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="related_people")
    person = models.ForeignKey(
        "people.PersonPage", on_delete=models.CASCADE, related_name="service_links", verbose_name=_("person")
    )

    panels = [PageChooserPanel("person", page_type="people.PersonPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related person")


class ServiceArticle(Orderable):
    """An article that shows this offer at work."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="related_articles")
    article = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="service_links", verbose_name=_("article")
    )

    panels = [PageChooserPanel("article", page_type="articles.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")


class CaseStudyIndexPage(IndexPage):
    """“Références” / “Case studies”: the case studies in the editors' order. While none is live the page answers
    404 and stays out of the menus and the sitemap: a reader never lands on an empty list."""

    subpage_types = ["services.CaseStudyPage"]
    hide_while_empty = True

    class Meta:
        verbose_name = _("case studies index")

    def get_listing_context(self, request):
        return {
            "case_studies": CaseStudyPage.objects.child_of(self)
            .live()
            .defer_streamfields()
            .select_related("service")
            .order_by("path")
        }

    def serve(self, request, *args, **kwargs):
        # Previews still show the (empty) list to the editor.
        if not getattr(request, "is_preview", False) and not CaseStudyPage.objects.child_of(self).live().exists():
            raise Http404("No case study yet")
        return super().serve(request, *args, **kwargs)


class CaseStudyPage(BasePage):
    """One engagement told as proof: the client's sector and country, the challenge, the approach, the results in
    figures, and a quote. An anonymised case study names a sector and a role, never a client who did not agree."""

    client = models.CharField(
        _("client"),
        max_length=160,
        help_text=_(
            "The client's name only if they agreed in writing; otherwise a description that identifies no one, "
            "e.g. “A Moroccan telecoms operator”."
        ),
    )
    sector = models.CharField(_("sector"), max_length=120, help_text=_("E.g. “Telecoms”, “Banking”, “E-commerce”."))
    country = models.CharField(_("country"), max_length=120, help_text=_("Where the work took place."))
    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("The outcome in one or two sentences. Shown in listings.")
    )
    challenge = models.TextField(_("challenge"), help_text=_("What the client faced, in a short paragraph or two."))
    approach = StreamField(base_body_blocks(), blank=True, verbose_name=_("approach"))
    results = StreamField(
        [("key_figures", KeyFiguresBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("results"),
        help_text=_("Up to four measured results, each with its source (the client's reporting, an audit…)."),
    )
    quote = models.TextField(
        _("quote"), blank=True, help_text=_("The client's own words, approved by them, without quotation marks.")
    )
    quote_name = models.CharField(
        _("quoted person's name"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty for an anonymised quote: the role below is then shown alone."),
    )
    quote_role = models.CharField(
        _("quoted person's role"),
        max_length=160,
        blank=True,
        help_text=_("E.g. “Customer service director, telecoms operator”."),
    )
    service = models.ForeignKey(
        ServicePage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
        verbose_name=_("related service"),
        help_text=_("The offer this engagement shows at work; the service page lists it."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("client"), FieldPanel("sector"), FieldPanel("country")], heading=_("Client")),
        FieldPanel("summary"),
        FieldPanel("challenge"),
        FieldPanel("approach"),
        FieldPanel("results"),
        MultiFieldPanel([FieldPanel("quote"), FieldPanel("quote_name"), FieldPanel("quote_role")], heading=_("Quote")),
        PageChooserPanel("service", page_type="services.ServicePage"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("sector"),
        index.SearchField("challenge"),
        index.SearchField("approach"),
    ]

    parent_page_types = ["services.CaseStudyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("case study")

    def clean(self):
        super().clean()
        if self.quote and not (self.quote_name or self.quote_role):
            raise ValidationError({"quote_role": _("Say who said it: a name, or at least a role.")})
        if (self.quote_name or self.quote_role) and not self.quote:
            raise ValidationError({"quote": _("Write the quote, or leave the name and role empty.")})

    def get_summary(self):
        return self.summary

    def get_share_figure(self):
        for block in self.results:
            figures = block.value["figures"]
            if figures:
                return figures[0]["value"], figures[0]["label"]
        return None

    def get_cache_dependents(self):
        # The service page lists its case studies.
        return [self.service] if self.service is not None and self.service.live else []

    def get_structured_data(self, request):
        return [structured_data.case_study(self, request)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        service = self.service
        context["case_study_service"] = service if service is not None and service.live else None
        return context
