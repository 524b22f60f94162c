"""Weight budgets for a reader on a phone: the launch article's text (its map, an SVG, counted) under 60 KB
transferred, compressed — HTML, CSS, images, JS and fonts together — with no script to read it, system fonts,
and a stylesheet under its budget. With the demo's hero pictures (AVIF renditions take seconds to make, so this
suite leaves them out), tests/browser/test_launch_article_load.py holds the whole page under 150 KB."""

import re

import brotli
import pytest
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client

from tests.helpers import soup

LAUNCH_FR = "/fr/actualites/le-maghreb-territoire-strategique-de-lexperience-client/"
LAUNCH_EN = "/en/news/the-maghreb-a-strategic-territory-for-customer-experience/"
KB = 1024
PAGE_BUDGET = 60 * KB
# Raised from 20 KB (issue 14): the design system names its tokens (`var(--navy)`, `var(--sp-4)` rather than
# one-letter names) and styles the header's search field, the home page's sections and the search results. What a
# phone downloads is the Brotli copy, about 6 KB; the page budget above still counts it. 29 KB since issue 15: the
# footer's titled columns, the service and region cards and the legal notice's editor note (about 0.4 KB).
# 31 KB since the phone's menu panel and 44 px tap targets on every link and field (issue 14), about 0.7 KB.
CSS_BUDGET = 31 * KB


@pytest.fixture
def demo(db, tmp_path, settings):
    settings.VAR_DIR = tmp_path
    call_command("load_demo_content", no_admin=True, verbosity=0)


def static_file(url):
    path = finders.find(url.removeprefix("/static/"))
    assert path, url
    with open(path, "rb") as handle:
        return handle.read()


def brotli_size(content):
    # What whitenoise serves: the Brotli copy made at collectstatic.
    return len(brotli.compress(content))


@pytest.mark.parametrize("url", [LAUNCH_FR, LAUNCH_EN])
def test_launch_article_weighs_under_60_kb_with_no_script_and_system_fonts(client, demo, url):
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    page = soup(type("Decoded", (), {"content": brotli.decompress(response.content)})())
    # Its only picture is the region map, a static SVG: counted below, like the stylesheet.
    pictures = [img["src"] for img in page.select("main img")]
    assert all(src.endswith(".svg") for src in pictures), pictures

    # No JavaScript: the only script is the JSON-LD data block, which never runs.
    assert [script.get("type") for script in page.select("script")] == ["application/ld+json"]
    assert not page.select("[onclick], [onload]")

    stylesheets = [static_file(link["href"]) for link in page.select('link[rel="stylesheet"]')]
    css = b"".join(stylesheets)
    # System fonts: no @font-face, nothing to download.
    assert b"@font-face" not in css
    assert not re.search(rb"url\([^)]*\.(woff2?|ttf|otf)", css)

    transferred = (
        len(response.content)
        + sum(brotli_size(sheet) for sheet in stylesheets)
        + sum(brotli_size(static_file(src)) for src in pictures)
    )
    assert transferred <= PAGE_BUDGET, f"{transferred} bytes"


def test_stylesheet_is_under_its_budget():
    assert len(static_file("/static/css/site.css")) < CSS_BUDGET


def test_static_files_are_served_compressed_with_immutable_cache_headers(db, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)
    url = staticfiles_storage.url("css/site.css")
    assert re.search(r"/site\.[0-9a-f]{12}\.css$", url)
    visitor = Client()
    for encoding in ("br", "gzip"):
        response = visitor.get(url, HTTP_ACCEPT_ENCODING=encoding)
        assert response.status_code == 200
        assert response["Content-Encoding"] == encoding
        assert "immutable" in response["Cache-Control"]
        assert "max-age=315360000" in response["Cache-Control"]
        assert int(response["Content-Length"]) < len(static_file("/static/css/site.css")) / 2
