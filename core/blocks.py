"""Blocks shared by every page body (offices, articles, …).

Each block has its own template under templates/blocks/ and help text written
for the editors who pick it in the admin.
"""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingValue(blocks.StructValue):
    @property
    def anchor(self):
        # Stable, readable fragment for the table of contents and shared links.
        return slugify(self.get("text", "")) or "section"


class HeadingBlock(blocks.StructBlock):
    """A section (h2) or sub-section (h3) title; sections feed the table of contents."""

    text = blocks.CharBlock(label=_("Heading"), max_length=160)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section")), ("h3", _("Sub-section"))],
        default="h2",
        help_text=_("Sections appear in the “In this article” table of contents."),
    )

    class Meta:
        icon = "title"
        label = _("Section heading")
        template = "blocks/heading.html"
        value_class = HeadingValue
        description = _("Starts a section or sub-section, with an anchor readers can link to.")


class ParagraphBlock(blocks.RichTextBlock):
    """Running text: paragraphs, emphasis, links and simple lists."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph.html"
        description = _("Text with bold, italic and links.")


class ListBlock(blocks.StructBlock):
    """A bulleted list or a check list (for commitments, priorities, steps)."""

    style = blocks.ChoiceBlock(
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
    decorative = blocks.BooleanBlock(
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
