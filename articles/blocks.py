"""Blocks only articles use: pull quotes and calls to action, both tied to people, and region maps."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from core.blocks import PageLinkChooserBlock, ReadableChoiceBlock, base_body_blocks
from offices.maps import REGION_MAP_CHOICES, REGION_MAPS
from people.models import PersonPage

LANGUAGE_CHOICES = [("fr", _("French")), ("en", _("English"))]


class PersonChooserBlock(PageLinkChooserBlock):
    """A person page, chosen, stored (the page's id) and edited exactly as with ``PageChooserBlock``; read back
    with only the columns a quote's attribution or a call to action shows (``PersonPage.MENTION_FIELDS``).

    Wagtail's own reads every person's whole row (biography and SEO fields in each language) whenever an
    article's body is decoded, for a link and a name."""

    fields = PersonPage.MENTION_FIELDS

    def deconstruct(self):
        # The stored value and the form are PageChooserBlock's: migrations see no difference, and need none.
        _path, args, kwargs = super().deconstruct()
        return "wagtail.blocks.PageChooserBlock", args, kwargs


class PullQuoteValue(blocks.StructValue):
    """What the template shows: the person page's current name and role, or the free text."""

    @property
    def speaker_page(self):
        person = self.get("person")
        return person if person is not None and person.live else None

    @property
    def speaker_name(self):
        person = self.get("person")
        return person.full_name if person is not None else self.get("name", "")

    @property
    def speaker_role(self):
        person = self.get("person")
        if person is not None:
            return person.role_with_organisation
        parts = [self.get("role", ""), self.get("organisation", "")]
        return ", ".join(part for part in parts if part)


class PullQuoteBlock(blocks.StructBlock):
    """Words someone actually said, attributed to a person page or to a named outside speaker."""

    quote = blocks.TextBlock(
        label=_("Quote"), help_text=_("Only words the speaker really said or wrote, without quotation marks.")
    )
    person = PersonChooserBlock(
        label=_("Speaker (person page)"),
        page_type="people.PersonPage",
        required=False,
        help_text=_("Choose a person page, or fill in the name below for someone outside the firm."),
    )
    name = blocks.CharBlock(label=_("Speaker's name"), max_length=120, required=False)
    role = blocks.CharBlock(label=_("Speaker's role"), max_length=160, required=False)
    organisation = blocks.CharBlock(label=_("Speaker's organisation"), max_length=160, required=False)
    original_language = ReadableChoiceBlock(
        label=_("Language the words were said in"),
        choices=LANGUAGE_CHOICES,
        default="fr",
        help_text=_("Readers of the other language see a “translated” note."),
    )

    def clean(self, value):
        value = super().clean(value)
        has_person = value.get("person") is not None
        has_name = bool((value.get("name") or "").strip())
        if has_person == has_name:
            message = ValidationError(_("Choose a person page or type a name, not both."))
            if not has_person:
                message = ValidationError(_("Say who said it: choose a person page or type a name."))
            raise StructBlockValidationError(block_errors={"person": message})
        return value

    class Meta:
        icon = "openquote"
        label = _("Pull quote")
        template = "blocks/pull_quote.html"
        value_class = PullQuoteValue
        description = _("A quotation set apart from the text, with its speaker.")


class CallToActionValue(blocks.StructValue):
    @property
    def contact_person(self):
        person = self.get("person")
        return person if person is not None and person.live else None


class CallToActionBlock(blocks.StructBlock):
    """An invitation to write to a named person about the subject of the article."""

    text = blocks.TextBlock(label=_("Text"), help_text=_("One or two sentences: why get in touch."))
    button_label = blocks.CharBlock(
        label=_("Button label"), max_length=80, required=False, help_text=_("Defaults to “Contact <name>”.")
    )
    person = PersonChooserBlock(
        label=_("Person to contact"),
        page_type="people.PersonPage",
        help_text=_("The button opens the contact form with this person chosen."),
    )

    class Meta:
        icon = "mail"
        label = _("Call to action")
        template = "blocks/call_to_action.html"
        value_class = CallToActionValue
        description = _("A highlighted invitation to contact a named person.")


class RegionMapValue(blocks.StructValue):
    @property
    def map(self):
        return REGION_MAPS.get(self.get("region"))


class RegionMapBlock(blocks.StructBlock):
    """One of the site's region maps (drawn from public-domain data), with its text alternative in each language."""

    region = ReadableChoiceBlock(label=_("Map"), choices=REGION_MAP_CHOICES)

    class Meta:
        icon = "site"
        label = _("Region map")
        template = "blocks/region_map.html"
        value_class = RegionMapValue
        description = _("A map of the region, such as the Maghreb with Casablanca.")


def article_body_blocks():
    return [
        *base_body_blocks(),
        ("quote", PullQuoteBlock()),
        ("cta", CallToActionBlock()),
        ("region_map", RegionMapBlock()),
    ]
