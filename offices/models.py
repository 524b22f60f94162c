"""Where the firm works: the offices index and one page per office."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core import languages, navigation
from core.blocks import base_body_blocks
from core.models import BasePage, GeneralPage, IndexPage
from core.prepared import prepared_for
from offices.maps import REGION_MAP_CHOICES, REGION_MAPS
from seo import structured_data


class OfficeIndexPage(IndexPage):
    """“Implantations” / “Offices”: the regions the firm serves, its offices first (in the editors' order), then
    the regions it serves without an office page of their own (general pages, such as West Africa)."""

    subpage_types = ["offices.OfficePage", "core.GeneralPage"]

    class Meta:
        verbose_name = _("offices index")

    def get_listing_context(self, request):
        where = navigation.children_range(self)
        return {"offices": _children_cards(OfficePage)(*where), "regions": _children_cards(GeneralPage)(*where)}


class OfficePage(BasePage):
    """One office: where it is, which countries it serves, who works there, its partner."""

    city = models.CharField(_("city"), max_length=100, help_text=_("Not translated: “Casablanca”."))
    country = models.CharField(_("country"), max_length=100)
    opened_on = models.DateField(
        _("opening date"), null=True, blank=True, help_text=_("Shown as month and year (“May 2025”).")
    )
    countries_served = models.TextField(
        _("countries served"), blank=True, help_text=_("One country per line, in the order readers should see them.")
    )
    introduction = models.TextField(_("introduction"), blank=True, help_text=_("Two or three sentences."))
    street_address = models.TextField(
        _("street address"), blank=True, help_text=_("Leave empty until the office has a public address.")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    region_map = models.CharField(
        _("region map"),
        max_length=20,
        blank=True,
        choices=REGION_MAP_CHOICES,
        help_text=_("A map drawn from public-domain data, shown beside the office's text."),
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    partner_name = models.CharField(
        _("partner organisation"), max_length=120, blank=True, help_text=_("A local partner firm, if there is one.")
    )
    partner_description = models.TextField(_("about the partner"), blank=True)
    partner_url = models.URLField(_("partner's website"), blank=True)
    body = StreamField(base_body_blocks(), blank=True, verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
        FieldPanel("opened_on"),
        FieldPanel("countries_served"),
        FieldPanel("introduction"),
        FieldPanel("region_map"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("phone"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Address and contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("partner_name"), FieldPanel("partner_description"), FieldPanel("partner_url")],
            heading=_("Partner"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("city", boost=2),
        index.SearchField("country"),
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("partner_name"),
    ]

    parent_page_types = ["offices.OfficeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("office")

    def get_summary(self):
        return self.introduction

    @property
    def countries_served_list(self):
        return [line.strip() for line in (self.countries_served or "").splitlines() if line.strip()]

    @property
    def map(self):
        """The region map the editor chose, or None."""
        return REGION_MAPS.get(self.region_map)

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    def get_structured_data(self, request):
        address = {"@type": "PostalAddress", "addressLocality": self.city, "addressCountry": self.country}
        if self.street_address:
            address["streetAddress"] = self.street_address
        data = {
            "@type": "LocalBusiness",
            "name": f"OswegO {self.city}",
            "url": request.build_absolute_uri(self.get_url(request)),
            "address": address,
            "parentOrganization": structured_data.organization_ref(request),
            "areaServed": [{"@type": "Country", "name": country} for country in self.countries_served_list],
        }
        if self.opened_on:
            data["foundingDate"] = self.opened_on.isoformat()[:7]  # the month is what is known
        if self.phone:
            data["telephone"] = self.phone
        if self.has_coordinates:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        return [data]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Reverse relations: offices know nothing of the apps that point at them. Each is asked on every render of
        # an office, in a query prepared per relation (core/prepared.py).
        people = self.people
        context["office_people"] = people.model.prepare_cards(_reverse_query(people, _live_people)(self.pk))
        related_articles = getattr(self, "articles", None)
        if related_articles is not None:
            context["office_articles"] = _reverse_query(related_articles, _newest_links)(self.pk)
        return context


def _live_people(model, field, pk):
    """The live people of an office, as cards read them, in the editors' order."""
    return model.as_cards(model.objects.filter(**{field: pk}).live()).order_by("path")


def _newest_links(model, field, pk):
    """The six newest live articles filed under an office, as links (title, date): their bodies stay unread."""
    return model.objects.filter(**{field: pk}).live().only(*languages.LINK_FIELDS, "date").order_by("-date", "-pk")[:6]


def _reverse_query(manager, build):
    """``build`` for the rows ``manager`` (a reverse relation to the office) holds, prepared once per relation."""
    model, field = manager.model, getattr(manager, "query_field_name", None) or manager.field.name
    return prepared_for((build, model, field), lambda pk: build(model, field, pk), int)


def _children_cards(model):
    """The live pages of ``model`` at a depth between two tree paths (an index's children, ``children_range``), in
    the editors' order, as cards: the bodies, in each language, stay in the database. Prepared per page type."""
    return prepared_for(
        ("children cards", model),
        lambda first, last, depth: (
            model.objects.filter(path__range=(first, last), depth=depth).live().defer_streamfields().order_by("path")
        ),
        str,
        str,
        int,
    )
