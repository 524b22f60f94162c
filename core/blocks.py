"""Blocks shared by every page body (offices, articles, …).

Each block has its own template under templates/blocks/ and help text written
for the editors who pick it in the admin.
"""

import copy
from contextvars import ContextVar

from django.core.exceptions import ValidationError
from django.utils.encoding import force_str
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.compare import BlockComparison, diff_text
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import expand_db_html

from core import languages
from core.prepared import prepared_for
from core.sanitise import clean_html

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


# --- Revisions compared in words ------------------------------------------------
# Wagtail's revision comparison shows a choice or a tick box as stored ("h2", "check", "True"); these show what the
# editor picked ("Section", "Check marks", "Yes"). The blocks migrate as Wagtail's own: only the comparison differs.


class ReadableComparison(BlockComparison):
    def words(self, value):
        return force_str(self.block.readable(value))

    def htmlvalue(self, val):
        return escape(self.words(val))

    def htmldiff(self):
        return diff_text(self.words(self.val_a), self.words(self.val_b)).to_html()


class ReadableChoiceBlock(blocks.ChoiceBlock):
    def readable(self, value):
        return dict(self.field.choices).get(value, value or "")

    def get_comparison_class(self):
        return ReadableComparison

    def deconstruct(self):
        _path, args, kwargs = super().deconstruct()
        return "wagtail.blocks.ChoiceBlock", args, kwargs


class ReadableBooleanBlock(blocks.BooleanBlock):
    def readable(self, value):
        return gettext("Yes") if value else gettext("No")

    def get_comparison_class(self):
        return ReadableComparison

    def deconstruct(self):
        _path, args, kwargs = super().deconstruct()
        return "wagtail.blocks.BooleanBlock", args, kwargs


class HeadingValue(blocks.StructValue):
    @property
    def anchor(self):
        # Stable, readable fragment for the table of contents and shared links.
        return slugify(self.get("text", "")) or "section"


class HeadingBlock(blocks.StructBlock):
    """A section (h2) or sub-section (h3) title; sections feed the table of contents."""

    text = blocks.CharBlock(label=_("Heading"), max_length=160)
    level = ReadableChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section")), ("h3", _("Sub-section"))],
        default="h2",
        help_text=_("Sections appear in the “In this article” table of contents."),
    )

    class Meta:
        icon = "title"
        label = _("Section heading")
        value_class = HeadingValue
        description = _("Starts a section or sub-section, with an anchor readers can link to.")

    def render(self, value, context=None):
        # Written here, not in a template of its own: a long article has dozens of headings and paragraphs, and a
        # block template costs a template render each (Wagtail's own rich text block renders without one).
        if value.get("level") == "h3":
            return format_html(
                '\n  <h3 id="{}" class="block-heading block-heading--sub">{}</h3>\n\n', value.anchor, value.get("text")
            )
        return format_html('\n  <h2 id="{}" class="block-heading">{}</h2>\n\n', value.anchor, value.get("text"))


class ParagraphBlock(blocks.RichTextBlock):
    """Running text: paragraphs, emphasis, links and simple lists."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def to_python(self, value):
        # Saves clean it already (core/sanitise.py); this also covers rows written around save(), when read.
        return super().to_python(clean_html(value, self.features))

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        description = _("Text with bold, italic and links.")

    def render(self, value, context=None):
        # Without a template (see HeadingBlock.render), and without the one Wagtail's rich text value renders
        # itself through: the editor's HTML with its page and document links expanded, which Wagtail's value
        # marks safe as well; it is cleaned on every save and read (to_python, core/sanitise.py).
        html = mark_safe(expand_db_html(value.source))  # noqa: S308  # nosec B308 B703
        return format_html('\n<div class="block-paragraph">{}</div>\n', html)


class ListBlock(blocks.StructBlock):
    """A bulleted list or a check list (for commitments, priorities, steps)."""

    style = ReadableChoiceBlock(
        label=_("Style"),
        choices=[("bullet", _("Bullets")), ("check", _("Check marks"))],
        default="bullet",
    )
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item"), max_length=400), label=_("Items"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("List")
        template = "blocks/list.html"
        description = _("A bulleted list or a check list of short items.")


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(
        label=_("Figure"), max_length=16, help_text=_("As readers should see it: “13 %”, “x2”, “+3,2 %”.")
    )
    label = blocks.CharBlock(label=_("What it measures"), max_length=200)
    source = blocks.CharBlock(label=_("Source"), max_length=200, required=False)

    class Meta:
        icon = "decimal"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    """One to four figures shown large, each with what it measures and where it comes from."""

    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1, max_num=4)

    class Meta:
        icon = "decimal"
        label = _("Key figures")
        template = "blocks/key_figures.html"
        description = _("Up to four figures shown large, such as “72 % of customers …”.")


class ImageBlock(blocks.StructBlock):
    """An image in the body, with a caption and a text alternative for screen readers."""

    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), max_length=300, required=False)
    alt_text = blocks.CharBlock(
        label=_("Text alternative"),
        max_length=300,
        required=False,
        help_text=_("What the image shows, for people who cannot see it. Required unless the image is decorative."),
    )
    decorative = ReadableBooleanBlock(
        label=_("Decorative"),
        required=False,
        help_text=_("Tick only when the image adds nothing to the text: screen readers will skip it."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={"alt_text": ValidationError(_("Describe the image, or mark it as decorative."))}
            )
        return value

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"
        description = _("An image with a caption and a text alternative.")


def base_body_blocks():
    """The blocks every body offers; apps append their own."""
    return [
        ("heading", HeadingBlock()),
        ("paragraph", ParagraphBlock()),
        ("list", ListBlock()),
        ("key_figures", KeyFiguresBlock()),
        ("image", ImageBlock()),
    ]


# --- Home page sections ------------------------------------------------------------------------------------------
# Each section is optional and the editor orders them. Sections that list pages (news, people, offices) only carry
# their heading: the pages come from the site's own indexes, so the home page never goes stale.


class PageLinkChooserBlock(blocks.PageChooserBlock):
    """A chosen page that the template only links to (a button, a "read more"): Wagtail loads the whole page row
    of each (some forty columns in two languages); this loads what a link reads (``fields``, by default
    ``languages.LINK_FIELDS``; a subclass names more). Any other field still loads on first use, as a deferred
    field does (the admin's chooser reads its title)."""

    fields = languages.LINK_FIELDS

    def bulk_to_python(self, values):
        ids = sorted(set(values) - {None})
        preloaded = _PRELOADED_PAGES.get()
        if preloaded is not None:
            read, handed_out = preloaded
            shape = self._shape()
            pages = {pk: read[shape, pk] for pk in ids if (shape, pk) in read}
            # A page another block already has is given as a copy: each block its own instance, as Wagtail does.
            pages = {pk: copy.copy(page) if (shape, pk) in handed_out else page for pk, page in pages.items()}
            handed_out.update((shape, pk) for pk in pages)
        else:
            pages = {page.pk: page for page in _pages_by_id(self.model_class, self.fields)(ids)}
        result, seen = [], set()
        for value in values:
            page = pages.get(value)
            # The same page twice gets its own instance each time, and None where it is gone, as Wagtail's does.
            result.append(copy.copy(page) if page is not None and value in seen else page)
            seen.add(value)
        return result

    def to_python(self, value):
        return None if value is None else self.bulk_to_python([value])[0]

    def _shape(self):
        return self.model_class, tuple(self.fields)


# One prepared query per page type and set of columns (core/prepared.py, ``_pages_by_id``): the home page's buttons
# ask it on every uncached render.
# The pages a stream's page links name, read ahead by ``convert_with_page_links`` (only while it converts it).
_PRELOADED_PAGES = ContextVar("preloaded_page_links", default=None)


def _page_link_ids(block, raw):
    """(block, id) for every page link in ``raw``, a block's raw value, however deep (structs, lists, streams)."""
    if raw is None:
        return
    if isinstance(block, PageLinkChooserBlock):
        if isinstance(raw, int):
            yield block, raw
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            yield from _page_link_ids(child, raw.get(name))
    elif isinstance(block, blocks.ListBlock) and isinstance(raw, list):
        for item in raw:
            is_item = isinstance(item, dict) and item.get("type") == "item" and "value" in item
            yield from _page_link_ids(block.child_block, item["value"] if is_item else item)
    elif isinstance(block, blocks.StreamBlock) and isinstance(raw, list):
        for item in raw:
            if isinstance(item, dict) and item.get("type") in block.child_blocks:
                yield from _page_link_ids(block.child_blocks[item["type"]], item.get("value"))


def convert_with_page_links(stream):
    """Convert every block of ``stream`` (a StreamField's value) now, the pages its page links name read in one
    query per page type and set of columns — Wagtail converts each block type on its own, so a home page whose
    hero, teasers and contact band each link to a page read them in a query each. The template then renders the
    converted blocks."""
    raw_data = getattr(stream, "raw_data", None)
    if raw_data is None:
        return
    wanted = {}
    for item in raw_data:
        block = stream.stream_block.child_blocks.get(item.get("type"))
        for link_block, pk in _page_link_ids(block, item.get("value")):
            wanted.setdefault(link_block._shape(), set()).add(pk)
    pages = {}
    for (model, fields), ids in wanted.items():
        for page in _pages_by_id(model, fields)(sorted(ids)):
            pages[(model, fields), page.pk] = page
    token = _PRELOADED_PAGES.set((pages, set()))
    try:
        for _block in stream:
            pass
    finally:
        _PRELOADED_PAGES.reset(token)


def _pages_by_id(model, fields):
    return prepared_for(
        ("pages by id", model, tuple(fields)), lambda ids: model.objects.filter(pk__in=ids).only(*fields), [int]
    )


def _contact_person_block(required=False):
    return PageLinkChooserBlock(
        label=_("Person to contact"),
        required=required,
        help_text=_("A person page: the button opens the contact form with this person already chosen."),
    )


def _check_contact_person(value, name):
    """A contact button must name a person (a page type that says ``is_contact_person``), never another page."""
    page = value.get(name)
    if page is not None and not getattr(page.specific_class, "is_contact_person", False):
        raise StructBlockValidationError(block_errors={name: ValidationError(_("Choose a person's page."))})


class HeroSectionBlock(blocks.StructBlock):
    """The page's promise (the hero title and text above) with a main action and a second one."""

    primary_label = blocks.CharBlock(label=_("Main button"), max_length=60, help_text=_("e.g. “Talk to our team”."))
    contact_person = _contact_person_block()
    secondary_label = blocks.CharBlock(label=_("Second button"), max_length=60, required=False)
    secondary_page = PageLinkChooserBlock(label=_("Second button leads to"), required=False)

    def clean(self, value):
        value = super().clean(value)
        _check_contact_person(value, "contact_person")
        if bool(value.get("secondary_label")) != bool(value.get("secondary_page")):
            raise StructBlockValidationError(
                block_errors={"secondary_page": ValidationError(_("Give the second button both a label and a page."))}
            )
        return value

    class Meta:
        icon = "pick"
        label = _("Hero with actions")
        template = "blocks/home/hero.html"
        description = _("The hero title and text, with a button to the contact form and an optional second one.")


class TeaserBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), max_length=400)

    class Meta:
        icon = "doc-full"
        label = _("Teaser")


class PrioritiesSectionBlock(blocks.StructBlock):
    """What the firm does, as two to four short teasers, optionally leading to a page that says more."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    intro = blocks.TextBlock(label=_("Introduction"), required=False, max_length=600)
    items = blocks.ListBlock(TeaserBlock(), label=_("Teasers"), min_num=2, max_num=4)
    link_label = blocks.CharBlock(label=_("Link label"), max_length=80, required=False)
    link_page = PageLinkChooserBlock(label=_("Link leads to"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Priorities")
        template = "blocks/home/priorities.html"
        description = _("Two to four short teasers: what the firm does, each in a title and a sentence or two.")


class KeyFiguresSectionBlock(blocks.StructBlock):
    """A band of up to four figures, each with what it measures and its source."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1, max_num=4)

    class Meta:
        icon = "decimal"
        label = _("Key figures")
        template = "blocks/home/key_figures.html"
        description = _("Up to four figures shown large, with their sources.")


class ListingSectionBlock(blocks.StructBlock):
    """A heading over pages the site lists by itself (the latest news, the leadership, the offices)."""

    heading = blocks.CharBlock(
        label=_("Heading"), max_length=120, required=False, help_text=_("Empty: the index's title.")
    )

    class Meta:
        icon = "list-ul"


class ContactBandSectionBlock(blocks.StructBlock):
    """The closing invitation: a question, a sentence and one button to the contact form."""

    title = blocks.CharBlock(label=_("Title"), max_length=160)
    text = blocks.TextBlock(label=_("Text"), max_length=400, required=False)
    button_label = blocks.CharBlock(label=_("Button"), max_length=60)
    contact_person = _contact_person_block()

    def clean(self, value):
        value = super().clean(value)
        _check_contact_person(value, "contact_person")
        return value

    class Meta:
        icon = "mail"
        label = _("Contact band")
        template = "blocks/home/contact_band.html"
        description = _("A closing question with a button to the contact form.")


def home_section_blocks():
    """The sections an editor builds the home page from, in any order, each at most once or more."""
    return [
        ("hero", HeroSectionBlock()),
        ("priorities", PrioritiesSectionBlock()),
        ("key_figures", KeyFiguresSectionBlock()),
        (
            "latest_articles",
            ListingSectionBlock(
                label=_("Latest news"),
                template="blocks/home/latest_articles.html",
                description=_("The three newest articles."),
            ),
        ),
        (
            "leadership",
            ListingSectionBlock(
                label=_("Leadership"),
                template="blocks/home/leadership.html",
                description=_("The leadership team, with portraits or monograms."),
            ),
        ),
        (
            "offices",
            ListingSectionBlock(
                label=_("Offices"),
                template="blocks/home/offices.html",
                description=_("The offices, with the first one's region map."),
            ),
        ),
        ("contact_band", ContactBandSectionBlock()),
    ]


# --- General pages -----------------------------------------------------------------------------------------------


class LegalDetailsBlock(blocks.StaticBlock):
    """The publisher, publication director, host and registered office, as written in the site settings."""

    class Meta:
        icon = "doc-full"
        label = _("Legal details")
        template = "blocks/legal_details.html"
        admin_text = _(
            "Shows the publisher, publication director, host and registered office from Settings › Site settings. "
            "The preview lists whatever is still missing; readers only see what is filled in."
        )
        description = _("The legal notice's details, kept in the site settings.")


def general_body_blocks():
    """A general page's body: the shared blocks, plus the legal details for the legal notice."""
    return [*base_body_blocks(), ("legal_details", LegalDetailsBlock())]


# --- Menus and footer --------------------------------------------------------------------------------------------


class MenuLinkBlock(blocks.StructBlock):
    """One entry of a menu: a page of the site, under its own title unless a shorter label is given."""

    page = blocks.PageChooserBlock(label=_("Page"))
    label = blocks.CharBlock(
        label=_("Label"),
        max_length=40,
        required=False,
        help_text=_("Empty: the page's title. A shorter label helps the menu fit on a phone."),
    )

    class Meta:
        icon = "link"
        label = _("Link")
