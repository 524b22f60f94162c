"""Crawlers find every public page in both languages; staff get share links and QR codes."""

import io

import pytest
from defusedxml import ElementTree as ET
from PIL import Image

from articles.factories import ArticlePageFactory
from tests.helpers import soup

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_every_page_in_both_languages_with_alternates(client, person, news_index):
    entries = sitemap(client)
    for fr, en in [
        ("/fr/", "/en/"),
        ("/fr/equipe-dirigeante/jamal-mossaddeq/", "/en/leadership/jamal-mossaddeq/"),
        ("/fr/implantations/casablanca/", "/en/offices/casablanca/"),
        ("/fr/actualites/", "/en/news/"),
    ]:
        expected = {
            "fr": f"http://testserver{fr}",
            "en": f"http://testserver{en}",
            "x-default": f"http://testserver{fr}",
        }
        assert entries[f"http://testserver{fr}"] == expected
        assert entries[f"http://testserver{en}"] == expected


def test_sitemap_leaves_out_unpublished_pages_and_missing_translations(client, news_index):
    ArticlePageFactory(parent=news_index, slug_fr="brouillon", live=False)
    ArticlePageFactory(parent=news_index, slug_fr="francais", title_en="", slug_en="")
    entries = sitemap(client)
    assert not any("brouillon" in url for url in entries)
    assert entries["http://testserver/fr/actualites/francais/"] == {
        "fr": "http://testserver/fr/actualites/francais/",
        "x-default": "http://testserver/fr/actualites/francais/",
    }
    assert "http://testserver/en/news/francais/" not in entries


def test_robots_txt_points_to_the_sitemap_and_keeps_private_paths_out(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert {"Disallow: /admin/", "Disallow: /fr/recherche/", "Disallow: /en/search/"} <= set(lines)


def test_share_panel_gives_both_public_urls_and_qr_codes(superuser_client, person):
    page = soup(superuser_client.get(f"/admin/pages/{person.pk}/edit/"))
    panel = page.select_one(".oswego-share")
    urls = [field["value"] for field in panel.select("input[readonly]")]
    assert urls == [
        "http://testserver/fr/equipe-dirigeante/jamal-mossaddeq/",
        "http://testserver/en/leadership/jamal-mossaddeq/",
    ]
    downloads = [a["href"] for a in panel.select("a[download]")]
    assert downloads == [
        f"/admin/share/{person.pk}/fr/qr.png",
        f"/admin/share/{person.pk}/fr/qr.svg",
        f"/admin/share/{person.pk}/en/qr.png",
        f"/admin/share/{person.pk}/en/qr.svg",
    ]


@pytest.mark.parametrize(("kind", "content_type"), [("png", "image/png"), ("svg", "image/svg+xml")])
def test_qr_codes_download(superuser_client, person, kind, content_type):
    response = superuser_client.get(f"/admin/share/{person.pk}/en/qr.{kind}")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="oswego-jamal-mossaddeq-en.{kind}"'
    if kind == "png":
        assert Image.open(io.BytesIO(response.content)).size[0] > 200
    else:
        assert response.content.startswith(b"<?xml") or b"<svg" in response.content[:200]


def test_qr_codes_need_an_admin_login(client, person):
    response = client.get(f"/admin/share/{person.pk}/en/qr.png")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_qr_code_of_an_unknown_language_or_format_is_a_404(superuser_client, person):
    assert superuser_client.get(f"/admin/share/{person.pk}/de/qr.png").status_code == 404
    assert superuser_client.get(f"/admin/share/{person.pk}/en/qr.gif").status_code == 404


def test_share_panel_asks_to_publish_a_draft(superuser_client, news_index):
    draft = ArticlePageFactory(parent=news_index, live=False)
    page = soup(superuser_client.get(f"/admin/pages/{draft.pk}/edit/"))
    assert page.select_one(".oswego-share") is None
    assert "Publiez la page pour obtenir ses adresses publiques" in page.get_text()
