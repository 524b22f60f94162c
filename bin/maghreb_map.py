#!/usr/bin/env python3
"""The map of the Maghreb shown on the Casablanca office page and the launch article, drawn from public-domain data.

Two steps, both with the standard library only:

    bin/maghreb_map.py extract land-50m.json   # once: Natural Earth land → offices/maps/natural-earth-land-maghreb.json
    bin/maghreb_map.py draw                    # the SVGs: static/images/maps/maghreb.{fr,en}.svg

``land-50m.json`` is Natural Earth's 1:50m land (public domain) as TopoJSON, from the npm package ``world-atlas``
(``npm pack world-atlas@2.0.2``). The extract keeps the land between 20°W–16°E and 13°N–41°N, rounded to 0.02°,
so the repository holds a small file and the drawing never needs the network. The map shows coastlines only, no
borders: it places Casablanca and names the four countries the office serves, and takes no side on any boundary.
"""

import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTRACT = ROOT / "offices" / "maps" / "natural-earth-land-maghreb.json"
OUTPUT = ROOT / "static" / "images" / "maps"
WEST, EAST, SOUTH, NORTH = -20.0, 16.0, 13.0, 41.0
PRECISION = 0.02

# Brand colours (static/css/site.css).
SEA, LAND, COAST, NAVY, ACCENT, MUTED = "#e9eff5", "#f6f1ea", "#d9cfbf", "#0f2a44", "#c2531f", "#55657a"
LABELS = {
    "fr": {
        "countries": {
            "MAROC": (-6.6, 31.0),
            "ALGÉRIE": (2.6, 28.0),
            "TUNISIE": (10.0, 35.3),
            "MAURITANIE": (-10.6, 20.4),
        },
        "seas": {"Océan Atlantique": (-16.0, 27.0), "Mer Méditerranée": (4.5, 38.6)},
        "city": "Casablanca",
        "note": "Côtes : Natural Earth (domaine public)",
    },
    "en": {
        "countries": {
            "MOROCCO": (-6.6, 31.0),
            "ALGERIA": (2.6, 28.0),
            "TUNISIA": (10.0, 35.3),
            "MAURITANIA": (-10.6, 20.4),
        },
        "seas": {"Atlantic Ocean": (-16.0, 27.0), "Mediterranean Sea": (4.5, 38.6)},
        "city": "Casablanca",
        "note": "Coastlines: Natural Earth (public domain)",
    },
}
CASABLANCA = (-7.59, 33.57)


# --- extract -----------------------------------------------------------------------------------------------------
def _decode_arcs(topology):
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def _ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def _clip(ring, inside, cross):
    """Sutherland–Hodgman against one edge of the box."""
    out = []
    for current, previous in zip(ring, ring[-1:] + ring[:-1], strict=True):
        if inside(current):
            if not inside(previous):
                out.append(cross(previous, current))
            out.append(current)
        elif inside(previous):
            out.append(cross(previous, current))
    return out


def _at_x(x):
    return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))


def _at_y(y):
    return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)


def clip_to_box(ring):
    for inside, cross in (
        (lambda p: p[0] >= WEST, _at_x(WEST)),
        (lambda p: p[0] <= EAST, _at_x(EAST)),
        (lambda p: p[1] >= SOUTH, _at_y(SOUTH)),
        (lambda p: p[1] <= NORTH, _at_y(NORTH)),
    ):
        ring = _clip(ring, inside, cross)
        if not ring:
            return []
    return ring


def _rounded(ring):
    out = []
    for lon, lat in ring:
        point = (round(round(lon / PRECISION) * PRECISION, 2), round(round(lat / PRECISION) * PRECISION, 2))
        if not out or out[-1] != point:
            out.append(point)
    return out if len(out) >= 4 else []


def extract(source):
    topology = json.loads(Path(source).read_text())
    arcs = _decode_arcs(topology)
    rings = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for indexes in polygon:
                ring = _rounded(clip_to_box(_ring(arcs, indexes)))
                if ring:
                    rings.append(ring)
    EXTRACT.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "source": "Natural Earth 1:50m land, version 4.1.0 (public domain), via the npm package world-atlas 2.0.2",
        "bbox": [WEST, SOUTH, EAST, NORTH],
        "rings": rings,
    }
    EXTRACT.write_text(json.dumps(data, separators=(",", ":")) + "\n")
    print(f"{EXTRACT.relative_to(ROOT)}: {len(rings)} rings, {EXTRACT.stat().st_size} bytes")


# --- draw --------------------------------------------------------------------------------------------------------
WIDTH = 720
COS = math.cos(math.radians((SOUTH + NORTH) / 2))
SCALE = WIDTH / ((EAST - WEST) * COS)
HEIGHT = round((NORTH - SOUTH) * SCALE)


def project(lon, lat):
    return (lon - WEST) * COS * SCALE, (NORTH - lat) * SCALE


def _path(ring):
    points = [project(lon, lat) for lon, lat in ring]
    return "M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points) + "Z"


def draw_svg(rings, language):
    labels = LABELS[language]
    land = "".join(_path(ring) for ring in rings)
    city_x, city_y = project(*CASABLANCA)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{SEA}"/>',
        f'<path d="{land}" fill="{LAND}" stroke="{COAST}" stroke-width="1" fill-rule="evenodd"/>',
        '<g font-family="system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif">',
    ]
    for name, (lon, lat) in labels["seas"].items():
        x, y = project(lon, lat)
        parts.append(
            f'<text x="{x:.0f}" y="{y:.0f}" fill="{MUTED}" font-size="15" font-style="italic" '
            f'text-anchor="middle">{name}</text>'
        )
    for name, (lon, lat) in labels["countries"].items():
        x, y = project(lon, lat)
        parts.append(
            f'<text x="{x:.0f}" y="{y:.0f}" fill="{NAVY}" font-size="17" font-weight="700" letter-spacing="2" '
            f'text-anchor="middle">{name}</text>'
        )
    parts += [
        f'<circle cx="{city_x:.1f}" cy="{city_y:.1f}" r="13" fill="none" stroke="{ACCENT}" stroke-width="5"/>',
        f'<circle cx="{city_x:.1f}" cy="{city_y:.1f}" r="3.5" fill="{NAVY}"/>',
        f'<text x="{city_x + 20:.0f}" y="{city_y - 14:.0f}" fill="{NAVY}" font-size="19" font-weight="700">'
        f"{labels['city']}</text>",
        f'<text x="{WIDTH - 12}" y="{HEIGHT - 12}" fill="{MUTED}" font-size="12" text-anchor="end">'
        f"{labels['note']}</text>",
        "</g></svg>",
    ]
    return "".join(parts) + "\n"


def draw():
    rings = json.loads(EXTRACT.read_text())["rings"]
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for language in LABELS:
        target = OUTPUT / f"maghreb.{language}.svg"
        target.write_text(draw_svg(rings, language))
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "extract":
        extract(sys.argv[2])
    elif len(sys.argv) == 2 and sys.argv[1] == "draw":
        draw()
    else:
        sys.exit(__doc__)
