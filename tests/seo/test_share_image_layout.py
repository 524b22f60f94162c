"""The drawn share image: no element runs into another, none leaves the frame, French spacing in French."""

import io
from itertools import combinations

import pytest
from django.core.files.storage import default_storage
from PIL import Image
from wagtail_factories import ImageFactory

from articles.factories import ArticlePageFactory
from seo import share_images

LONG_TITLE = (
    "Et si le Maghreb n’était plus seulement une destination de production, mais un territoire stratégique "
    "pour l’expérience client ?"
)
CASES = [
    ("Le Maghreb", "Actualités", None),
    (LONG_TITLE, "Actualités", None),
    (LONG_TITLE, "Actualités", ("13 %", "chômage urbain au Maroc début 2025, plus élevé chez les jeunes")),
    ("Claudia Jimenez", "Équipe dirigeante", ("100 %", "m-commerce : doublé en cinq ans")),
    ("W" * 40 + " " + "W" * 40, "", ("1 000 000 000 %", "W" * 200)),
]
MARGIN = 48


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("visual", [False, True], ids=["without-visual", "with-visual"])
@pytest.mark.parametrize(("title", "kicker", "figure"), CASES)
def test_no_element_overlaps_another_or_leaves_the_frame(title, kicker, figure, visual):
    elements = share_images.layout(title, kicker, figure, visual=visual)
    assert ("visual" in [element.name for element in elements]) is visual
    for element in elements:
        left, top, right, bottom = element.box
        assert left >= MARGIN and top >= MARGIN, element
        assert right <= share_images.WIDTH - MARGIN and bottom <= share_images.HEIGHT - MARGIN, element
    for first, second in combinations(elements, 2):
        assert not overlap(first.box, second.box), (first.name, second.name)


def test_the_key_figure_is_drawn_when_given():
    names = [element.name for element in share_images.layout("Titre", "Actualités", ("72 %", "des clients"))]
    assert "figure" in names and "figure-label-0" in names and "ring" in names


def test_render_makes_a_1200_by_630_png():
    content = share_images.render(LONG_TITLE, "Actualités", ("13 %", "chômage urbain"))
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(content[16:20], "big") == 1200 and int.from_bytes(content[20:24], "big") == 630


def test_the_pages_visual_fills_the_right_column_in_place_of_the_ring_and_figure():
    names = [element.name for element in share_images.layout("Titre", "Actualités", ("72 %", "x"), visual=True)]
    assert "visual" in names and "ring" not in names and "figure" not in names
    content = share_images.render("Titre", "Actualités", visual=Image.new("RGB", (1600, 900), (200, 0, 0)))
    with Image.open(io.BytesIO(content)) as drawn:
        assert drawn.getpixel((1000, 315)) == (200, 0, 0)
        assert drawn.getpixel((300, 315)) == share_images.NAVY


def test_an_articles_share_image_shows_its_hero_in_both_languages(news_index, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    hero = ImageFactory(file__width=1600, file__height=900, file__color="red")
    article = ArticlePageFactory(
        parent=news_index, hero_image=hero, hero_image_alt_fr="Une carte", hero_image_alt_en="A map"
    )
    for language in ("fr", "en"):
        with default_storage.open(share_images.ensure(article, language)) as handle, Image.open(handle) as drawn:
            red, green, blue = drawn.getpixel((1000, 315))[:3]
            assert red > 240 and green < 16 and blue < 16
