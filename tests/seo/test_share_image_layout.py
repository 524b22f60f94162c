"""The drawn share image: no element runs into another, none leaves the frame, French spacing in French."""

from itertools import combinations

import pytest

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


@pytest.mark.parametrize(("title", "kicker", "figure"), CASES)
def test_no_element_overlaps_another_or_leaves_the_frame(title, kicker, figure):
    elements = share_images.layout(title, kicker, figure)
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
