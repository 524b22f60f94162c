"""Link-preview images: 1200×630, one per page and language, made with Pillow.

An editor's own share image wins. Otherwise the site draws one in the brand
colours with the page's title and, on the right, the page's visual (an
article's hero) or else its first key figure under the brand ring. Images are
named after the page's live revision, so a publish gives a new URL that
LinkedIn, WhatsApp and e-mail clients fetch afresh, and an old one is never
served for new content.
"""

import io
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation
from PIL import Image, ImageDraw, ImageFont, ImageOps

from core import images, languages
from core.typography import typeset

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = 1200, 630
NAVY = (15, 42, 68)
ACCENT = (224, 122, 63)
WHITE = (255, 255, 255)
MUTED = (196, 208, 222)
FOLDER = "share-images"
# Bold system fonts when the machine has them; Pillow's own font otherwise.
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
)


@lru_cache(maxsize=16)
def _font(size):
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size=size)


def _fit(draw, text, font, max_width):
    """The text, cut with an ellipsis if even alone it is wider than max_width (one very long word)."""
    if draw.textlength(text, font=font) <= max_width:
        return text
    while text and draw.textlength(text + "…", font=font) > max_width:
        text = text[:-1]
    return text + "…"


def _wrap(draw, text, font, max_width, max_lines):
    """Wrap text to fit max_width in at most max_lines lines, with an ellipsis when cut."""
    lines, line = [], ""
    words = text.split()
    for index, word in enumerate(words):
        attempt = f"{line} {word}".strip()
        if not line or draw.textlength(attempt, font=font) <= max_width:
            line = attempt
            continue
        lines.append(line)
        line = word
        if len(lines) == max_lines:
            lines[-1] = lines[-1] + " …" if index < len(words) else lines[-1]
            return [_fit(draw, kept, font, max_width) for kept in lines]
    lines.append(line)
    return [_fit(draw, kept, font, max_width) for kept in lines]


@dataclass(frozen=True)
class Element:
    """One thing drawn on a share image, with the box it really covers (from Pillow's text metrics)."""

    name: str
    box: tuple  # (left, top, right, bottom)
    text: str = ""
    size: int = 0
    fill: tuple = WHITE
    xy: tuple = (0, 0)  # where the text is drawn from (its box starts a little right of and below it)


def _text(draw, name, xy, text, size, fill):
    return Element(name, draw.textbbox(xy, text, font=_font(size)), text, size, fill, xy)


VISUAL_LEFT = 792


def layout(title, kicker="", figure=None, visual=False):
    """Where each element goes, in a column grid that keeps them apart.

    The title column stops before the right-hand column: the page's visual (when it has one, in place of the ring
    and the figure), the brand ring alone (no figure), or a small ring above the key figure. Nothing overlaps and
    everything stays 48 px inside the edges (tests/seo/test_share_image_layout.py).
    """
    draw = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    left, right_column = 72, 800
    elements = []
    if visual:
        figure = None
        elements.append(Element("visual", (VISUAL_LEFT, 48, WIDTH - 48, HEIGHT - 48)))
    elif figure:
        elements.append(Element("ring", (WIDTH - 170, 48, WIDTH - 48, 170)))
    else:
        elements.append(Element("ring", (WIDTH - 330, 48, WIDTH - 48, 330)))
    text_width = (VISUAL_LEFT if visual else right_column if figure else WIDTH - 330) - 48 - left
    y = 72
    if kicker:
        elements.append(_text(draw, "kicker", (left, y), kicker.upper(), 28, ACCENT))
        y += 60
    title_size = 60 if len(title) < 70 else 50
    for index, line in enumerate(_wrap(draw, title, _font(title_size), text_width, 5)):
        elements.append(_text(draw, f"title-{index}", (left, y), line, title_size, WHITE))
        y += int(title_size * 1.2)
    if figure:
        value, label = figure
        column_width = WIDTH - 48 - right_column
        value_size = 96
        while value_size > 40 and draw.textlength(value, font=_font(value_size)) > column_width:
            value_size -= 8
        value = _fit(draw, value, _font(value_size), column_width)
        value_element = _text(draw, "figure", (right_column, 210), value, value_size, ACCENT)
        elements.append(value_element)
        label_top = value_element.box[3] + 20
        for index, line in enumerate(_wrap(draw, label, _font(26), column_width, 4)):
            elements.append(
                _text(draw, f"figure-label-{index}", (right_column, label_top + index * 34), line, 26, MUTED)
            )
    elements.append(Element("rule", (left, HEIGHT - 106, left + 64, HEIGHT - 100), fill=ACCENT))
    elements.append(
        _text(draw, "signature", (left, HEIGHT - 84), "OswegO · Craft Operations for Brighter Futures", 26, MUTED)
    )
    return elements


def _paste_visual(image, visual, box, centering=(0.5, 0.5)):
    """The visual cropped to fill ``box`` around ``centering`` (its focal point), with rounded corners."""
    width, height = box[2] - box[0], box[3] - box[1]
    fitted = ImageOps.fit(visual.convert("RGB"), (width, height), Image.Resampling.LANCZOS, centering=centering)
    mask = Image.new("L", (width, height), 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, width - 1, height - 1), radius=16, fill=255)
    image.paste(fitted, box[:2], mask)
    # An edge, for visuals as dark as the background.
    ImageDraw.Draw(image).rounded_rectangle(box, radius=16, outline=(58, 92, 128), width=2)


def render(title, kicker="", figure=None, visual=None, centering=(0.5, 0.5)):
    """PNG bytes of a share image: kicker (section), title, and the page's visual (a Pillow image, cropped around
    ``centering``) or else an optional key figure (value, label)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), NAVY)
    draw = ImageDraw.Draw(image)
    for element in layout(title, kicker, figure, visual=visual is not None):
        if element.name == "visual":
            _paste_visual(image, visual, element.box, centering)
        elif element.name == "ring":
            draw.ellipse(element.box, outline=ACCENT, width=(element.box[2] - element.box[0]) // 9)
        elif element.name == "rule":
            draw.rectangle(element.box, fill=element.fill)
        else:
            draw.text(element.xy, element.text, font=_font(element.size), fill=element.fill)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def version_of(page):
    return page.live_revision_id or 0


def storage_name(page, language):
    return f"{FOLDER}/{page.pk}-{language}-{version_of(page)}.png"


def _open_visual(image):
    """The Wagtail image's file as a Pillow image and where to crop it (its focal point, else its centre);
    (None, centre) without one, or when its file cannot be read."""
    centre = (0.5, 0.5)
    if image is None:
        return None, centre
    if image.has_focal_point() and image.width and image.height:
        centre = (image.focal_point_x / image.width, image.focal_point_y / image.height)
    try:
        with image.open_file() as handle:
            picture = Image.open(handle)
            picture.load()
            return picture, centre
    except (OSError, ValueError):
        logger.warning("Could not read image %s for a share image", image.pk)
        return None, centre


def ensure(page, language):
    """The stored image for this page, language and revision, drawn if missing."""
    name = storage_name(page, language)
    if not default_storage.exists(name):
        with translation.override(language):
            figure = page.get_share_figure()
            if figure:
                figure = tuple(typeset(part, language) for part in figure)
            visual, centering = _open_visual(page.get_share_visual())
            content = render(
                typeset(page.title, language),
                kicker=typeset(page.get_share_kicker(), language),
                figure=figure,
                visual=visual,
                centering=centering,
            )
        name = default_storage.save(name, ContentFile(content))
    return name


def share_image_url(page, request, language=None):
    """Absolute URL of the page's preview image in the active (or given) language."""
    language = language or translation.get_language()
    if page.social_image_id:
        url = images.rendition_url(page.social_image, "share", request)
    else:
        url = reverse("share_image", kwargs={"page_id": page.pk, "language": language, "version": version_of(page)})
    return request.build_absolute_uri(url) if request is not None else url


def pregenerate(page):
    """Draw the images of a just-published page in every language (best effort)."""
    for code in languages.CODES:
        try:
            ensure(page, code)
        except Exception:  # a preview image must never break a publish
            logger.exception("Could not draw the share image of page %s in %s", page.pk, code)
