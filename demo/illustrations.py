"""The demo's pictures, drawn by code in the brand colours: no photograph of a real person or place.

- ``maghreb-map``: the coastlines of the Maghreb from Natural Earth (public domain, the extract bin/maghreb_map.py
  keeps in offices/maps/), Casablanca ringed in the accent colour. No label, so one picture serves both languages;
  the page gives its text alternative in each.
- ``abstract``: the brand's ring and lines, laid out from a seed (the page's key), so each page gets its own and
  a second run draws the same one.

Each is a 1600×900 PNG; the site makes its AVIF, WebP and JPEG renditions like any uploaded image's.
"""

import io
import json
import math
import random
from pathlib import Path

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 900
NAVY = (15, 42, 68)
NAVY_LIGHT = (29, 61, 94)
ACCENT = (194, 83, 31)
GLOW = (240, 164, 124)
PALE = (201, 213, 226)
SAND = (246, 241, 234)
LAND_EXTRACT = Path(__file__).resolve().parents[1] / "offices" / "maps" / "natural-earth-land-maghreb.json"
CASABLANCA = (-7.59, 33.57)
# The part of the extract shown: the Atlantic coast to Tunisia, 16:9.
WEST, EAST, NORTH = -17.0, 12.0, 38.6
# Drawn at twice the size, then reduced: smooth edges without an anti-aliasing library.
SUPERSAMPLE = 2


def _png(image):
    image = image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _projection(width):
    cos = math.cos(math.radians(30))
    scale = width / ((EAST - WEST) * cos)
    return lambda lon, lat: ((lon - WEST) * cos * scale, (NORTH - lat) * scale)


def focal_point(kind):
    """(x, y) of what a crop of the picture must keep, in its pixels: Casablanca on the map; None for the others."""
    if kind != "maghreb-map":
        return None
    x, y = _projection(WIDTH)(*CASABLANCA)
    return round(x), round(y)


def maghreb_map():
    """The Maghreb's coastlines on navy, Casablanca ringed: PNG bytes."""
    width, height = WIDTH * SUPERSAMPLE, HEIGHT * SUPERSAMPLE
    project = _projection(width)

    image = Image.new("RGB", (width, height), NAVY)
    draw = ImageDraw.Draw(image)
    # A faint graticule every 5°.
    for lon in range(-15, 16, 5):
        x, _ = project(lon, 0)
        draw.line([(x, 0), (x, height)], fill=NAVY_LIGHT, width=2 * SUPERSAMPLE)
    for lat in range(25, 41, 5):
        _, y = project(0, lat)
        draw.line([(0, y), (width, y)], fill=NAVY_LIGHT, width=2 * SUPERSAMPLE)
    rings = json.loads(LAND_EXTRACT.read_text())["rings"]
    for ring in rings:
        points = [project(lon, lat) for lon, lat in ring]
        draw.polygon(points, fill=(44, 82, 120), outline=PALE, width=2 * SUPERSAMPLE)
    x, y = project(*CASABLANCA)
    for radius, colour, line in ((120, ACCENT, 6), (64, GLOW, 10)):
        r = radius * SUPERSAMPLE
        draw.ellipse([x - r, y - r, x + r, y + r], outline=colour, width=line * SUPERSAMPLE)
    r = 14 * SUPERSAMPLE
    draw.ellipse([x - r, y - r, x + r, y + r], fill=SAND)
    return _png(image)


def abstract(seed):
    """The brand's ring and lines on navy, laid out from ``seed``: PNG bytes."""
    rng = random.Random(seed)  # noqa: S311 -- a layout drawn the same way every run, not a secret
    width, height = WIDTH * SUPERSAMPLE, HEIGHT * SUPERSAMPLE
    image = Image.new("RGB", (width, height), NAVY)
    draw = ImageDraw.Draw(image)
    # Diagonal hairlines across the canvas.
    step = rng.choice((48, 64, 80)) * SUPERSAMPLE
    for offset in range(-height, width, step):
        draw.line([(offset, height), (offset + height, 0)], fill=NAVY_LIGHT, width=2 * SUPERSAMPLE)
    # The brand's ring, large and partly off the canvas, with thinner echoes around it.
    cx = rng.uniform(0.55, 0.85) * width
    cy = rng.uniform(0.2, 0.8) * height
    radius = rng.uniform(0.28, 0.38) * height
    for factor, colour, line in ((1.9, PALE, 2), (1.5, GLOW, 3), (1.0, ACCENT, 60)):
        r = radius * factor
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=colour, width=line * SUPERSAMPLE)
    # A grid of dots on the other side, in sand.
    left = rng.uniform(0.08, 0.2) * width
    top = rng.uniform(0.15, 0.45) * height
    gap = 36 * SUPERSAMPLE
    rows, columns = rng.randint(4, 6), rng.randint(5, 8)
    for row in range(rows):
        for column in range(columns):
            x, y, r = left + column * gap, top + row * gap, 5 * SUPERSAMPLE
            draw.ellipse([x - r, y - r, x + r, y + r], fill=SAND)
    # One accent bar, as under the site's titles.
    bar_y = top + 7 * gap
    draw.rectangle([left, bar_y, left + 6 * gap, bar_y + 10 * SUPERSAMPLE], fill=ACCENT)
    return _png(image)


def draw(kind, seed=""):
    """PNG bytes of the picture ``kind`` (``maghreb-map`` or ``abstract``)."""
    if kind == "maghreb-map":
        return maghreb_map()
    if kind == "abstract":
        return abstract(seed)
    raise ValueError(f"unknown illustration {kind!r}")


KINDS = ("maghreb-map", "abstract")
