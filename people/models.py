"""Who the firm is: the leadership index and one profile page per person."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Cast
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Page, ReferenceIndex
from wagtail.search import index

from core import images, languages, navigation
from core.models import BasePage, IndexPage
from core.panels import TranslationStatusPanel
from core.prepared import Key, prepared, prepared_for
from seo import structured_data


class PeopleIndexPage(IndexPage):
    """“Équipe dirigeante” / “Leadership”: people in the order editors give them in the page tree."""

    subpage_types = ["people.PersonPage"]

    class Meta:
        verbose_name = _("leadership index")

    def get_listing_context(self, request):
        # Tree order is the order editors set with “Sort menu order” in the admin.
        return {"people": people_cards(*navigation.children_range(self), None)}


class PersonPage(BasePage):
    """A leader's profile; articles find their authors and quoted speakers here."""

    full_name = models.CharField(
        _("full name"), max_length=120, help_text=_("As the person writes it; the same in every language.")
    )
    role = models.CharField(_("role"), max_length=120, help_text=_("Job title, e.g. “Vice-présidente Maghreb”."))
    organisation = models.CharField(
        _("organisation"), max_length=120, default="OswegO", help_text=_("Shown after the role in quotes and bylines.")
    )
    biography = RichTextField(_("biography"), blank=True, features=["bold", "italic", "link"])
    photo = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
        help_text=_("A square portrait. Without one, the person's initials are shown."),
    )
    photo_alt = models.CharField(
        _("photo text alternative"),
        max_length=250,
        blank=True,
        help_text=_("What the portrait shows, e.g. “Claudia Jimenez in the Casablanca office”. Required with a photo."),
    )
    office = models.ForeignKey(
        "offices.OfficePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        verbose_name=_("office"),
        help_text=_("The office this person works from."),
    )
    linkedin_url = models.URLField(_("LinkedIn profile"), blank=True)
    notification_email = models.EmailField(
        _("notification e-mail"),
        blank=True,
        help_text=_("Where messages sent to this person through the contact form go. Never shown on the site."),
    )

    content_panels = [
        TranslationStatusPanel(),
        TitleFieldPanel("full_name", targets=["slug_fr", "slug_en"], placeholder=_("Full name")),
        MultiFieldPanel([FieldPanel("role"), FieldPanel("organisation")], heading=_("Role")),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading=_("Portrait")),
        FieldPanel("biography"),
        FieldPanel("office"),
        FieldPanel("linkedin_url"),
    ]
    settings_panels = [*BasePage.settings_panels, FieldPanel("notification_email", permission="superuser")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("full_name", boost=3),
        index.SearchField("role", boost=2),
        index.SearchField("biography"),
        index.AutocompleteField("full_name"),
    ]

    parent_page_types = ["people.PeopleIndexPage"]
    subpage_types = []
    # Contact buttons (core's home sections) accept this page type without importing it.
    is_contact_person = True
    served_select_related = ("photo",)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    # What a link to a person under their name and role reads (a quote's attribution, a call to action):
    # never the biography, the photo nor the SEO fields.
    MENTION_FIELDS = (*languages.LINK_FIELDS, "full_name", *languages.columns("role"), "organisation")
    # A byline adds the photo beside the name (its text alternative is not read: the name is beside it).
    BYLINE_FIELDS = (*MENTION_FIELDS, "photo")

    def clean(self):
        super().clean()
        errors = self.image_alt_errors(self.photo, "photo_alt")
        if errors:
            raise ValidationError(errors)

    @property
    def portrait_alt(self):
        return self.image_alt(self.photo, "photo_alt")

    def full_clean(self, *args, **kwargs):
        # The page title is the person's name in both languages: nobody has to
        # type it twice, and listings, choosers and the admin all agree.
        if self.full_name:
            for field in ("title", "title_fr", "title_en"):
                setattr(self, field, self.full_name)
            if not self.slug_fr:
                self.slug_fr = self.slug = slugify(self.full_name)
        super().full_clean(*args, **kwargs)

    def get_summary(self):
        return f"{self.full_name}, {self.role_with_organisation}"

    @classmethod
    def card_deferred_fields(cls):
        """The biography and the SEO fields, in every language: a card, a byline or a listing shows the name, role,
        photo and office, never these, which then stay in the database."""
        return [
            *(field.name for field in cls._meta.concrete_fields if field.name.split("_")[0] == "biography"),
            *languages.columns("seo_title", "search_description"),
        ]

    @classmethod
    def as_cards(cls, people):
        """``people`` (a queryset) as their cards read them: name, role, photo with the card's renditions, and the
        city of their office when it is live; the rest of the person's and the office's rows stays in the
        database."""
        office_model = cls._meta.get_field("office").related_model
        office_unread = [
            f"office__{field.name}"
            for field in office_model._meta.concrete_fields
            if not field.primary_key and field.name not in ("id", "live", "city")
        ]
        return people.defer(*cls.card_deferred_fields(), *office_unread).select_related("photo", "office")

    @classmethod
    def prepare_cards(cls, people):
        """``people`` (read ``as_cards``) as a list, with their photos' card renditions read in one query."""
        people = list(people)
        images.attach_renditions([person.photo for person in people if person.photo_id], "avatar")
        return people

    @property
    def role_with_organisation(self):
        return f"{self.role}, {self.organisation}" if self.organisation else self.role

    @property
    def initials(self):
        parts = [part for part in self.full_name.replace("-", " ").split() if part]
        return "".join(part[0] for part in parts[:2]).upper() or "?"

    def get_structured_data(self, request):
        data = structured_data.person(self, request)
        if self.photo_id:
            data["image"] = request.build_absolute_uri(images.rendition_url(self.photo, "portrait", request))
        if self.office_id and self.office.live:
            data["workLocation"] = {"@type": "Place", "name": self.office.city}
        if self.linkedin_url:
            data["sameAs"] = [self.linkedin_url]
        return [data]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.office_id is not None:
            # Set on the relation, the one instance the template and the structured data read.
            self.office = self.office_link()
        # A new person's preview, before the first save: no article can point at a page with no id yet.
        saved = self.pk is not None
        context["authored_articles"] = self.authored_articles() if saved else []
        context["quoting_articles"] = self.quoting_articles() if saved else []
        return context

    def office_link(self):
        """The person's office as its link shows it, a city and a URL: its introduction, body and SEO fields, in
        each language, stay in the database."""
        office_model = self._meta.get_field("office").related_model
        rows = prepared_for(
            ("office link", office_model),
            lambda pk: office_model.objects.only(*languages.LINK_FIELDS, "city").filter(pk=pk)[:1],
            int,
        )
        return next(iter(rows(self.office_id)), None)

    # Articles point at people, never the other way round: a person finds
    # them back through the reverse relation and Wagtail's reference index.
    def authored_articles(self, limit=6):
        authorships = getattr(self, "article_authorships", None)
        if authorships is None:
            return []
        # Listed as links (title, date): only those columns are read.
        article_model = authorships.model._meta.get_field("page").related_model
        rows = prepared_for(
            ("authored", article_model),
            lambda pk, limit: (
                article_model.objects.live()
                .filter(authors__person=pk)
                .only(*languages.LINK_FIELDS, "date")
                .order_by("-date", "-pk")[:limit]
            ),
            int,
            Key,
        )
        return list(rows(self.pk, limit))

    def quoting_articles(self, limit=6):
        """Live pages whose body quotes or names this person (a pull quote, a call to action), as links."""
        page_type = ContentType.objects.get_for_model(Page).pk
        return list(_quoting_pages(page_type, str(self.pk), self.pk, limit))


@prepared(int, str, int, Key)
def _quoting_pages(page_type, person_key, person_id, limit):
    """The live pages whose body names the person (``person_key``, the reference index's text form of their id;
    ``page_type``, the pages' content type, which a person's page also is), as links."""
    references = (
        ReferenceIndex.objects.filter(
            to_content_type_id=page_type,
            to_object_id=person_key,
            base_content_type_id=page_type,
            model_path__startswith="body",
        )
        # The index keeps ids as text, whatever the model.
        .annotate(page_id=Cast("object_id", models.IntegerField()))
        .values("page_id")
    )
    # A link needs no page's own columns: one query, the page ids as a subquery.
    return (
        Page.objects.live()
        .filter(pk__in=references)
        .exclude(pk=person_id)
        .only(*languages.LINK_FIELDS)
        .order_by("-first_published_at")[:limit]
    )


@prepared(str, str, int, Key)
def _people_cards(first, last, depth, limit):
    people = PersonPage.objects.filter(path__range=(first, last), depth=depth).live()
    return PersonPage.as_cards(people).order_by("path")[:limit]


def people_cards(first, last, depth, limit=None):
    """The first ``limit`` (or all) live people at ``depth`` between the tree paths ``first`` and ``last``
    (``core.navigation.children_range`` of their index), in the editors' order, as cards with their photos."""
    return PersonPage.prepare_cards(_people_cards(first, last, depth, limit))
