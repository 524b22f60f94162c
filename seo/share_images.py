"""Link-preview images: 1200×630, one per page and language, made with Pillow.

An editor's own share image wins. Otherwise the site draws one in the brand
colours with the page's title (and an article's first key figure). Images are
named after the page's live revision, so a publish gives a new URL that
LinkedIn, WhatsApp and e-mail clients fetch afresh, and an old one is never
served for new content.
"""

import io
import logging
from functools import lru_cache
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation
from PIL import Image, ImageDraw, ImageFont

from core import languages

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
            return lines
    lines.append(line)
    return lines


def render(title, kicker="", figure=None):
    """PNG bytes of a share image: kicker (section), title, optional key figure (value, label)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), NAVY)
    draw = ImageDraw.Draw(image)
    # The brand ring, cut by the right edge as on the home page.
    draw.ellipse((WIDTH - 330, -120, WIDTH + 170, 380), outline=ACCENT, width=56)
    left, text_width = 72, (WIDTH - 500 if figure else WIDTH - 380)
    y = 72
    if kicker:
        draw.text((left, y), kicker.upper(), font=_font(28), fill=ACCENT)
        y += 60
    title_font = _font(60 if len(title) < 70 else 50)
    for line in _wrap(draw, title, title_font, text_width, 4):
        draw.text((left, y), line, font=title_font, fill=WHITE)
        y += int(title_font.size * 1.2)
    if figure:
        value, label = figure
        box_left = WIDTH - 400
        draw.text((box_left, 330), value, font=_font(96), fill=ACCENT)
        for index, line in enumerate(_wrap(draw, label, _font(26), 330, 3)):
            draw.text((box_left, 450 + index * 34), line, font=_font(26), fill=MUTED)
    draw.rectangle((left, HEIGHT - 96, left + 64, HEIGHT - 90), fill=ACCENT)
    draw.text((left, HEIGHT - 72), "OswegO · Craft Operations for Brighter Futures", font=_font(26), fill=MUTED)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def version_of(page):
    return page.live_revision_id or 0


def storage_name(page, language):
    return f"{FOLDER}/{page.pk}-{language}-{version_of(page)}.png"


def ensure(page, language):
    """The stored image for this page, language and revision, drawn if missing."""
    name = storage_name(page, language)
    if not default_storage.exists(name):
        with translation.override(language):
            content = render(page.title, kicker=page.get_share_kicker(), figure=page.get_share_figure())
        name = default_storage.save(name, ContentFile(content))
    return name


def share_image_url(page, request, language=None):
    """Absolute URL of the page's preview image in the active (or given) language."""
    language = language or translation.get_language()
    if page.social_image_id:
        rendition = page.social_image.get_rendition("fill-1200x630|format-jpeg")
        url = rendition.url
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
