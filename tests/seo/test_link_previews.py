"""Links pasted into e-mail, LinkedIn or WhatsApp unfurl into a good preview in the reader's language."""

import io
import json

import pytest
from PIL import Image
from wagtail_factories import ImageFactory

from articles.factories import ArticlePageFactory, stream
from tests.helpers import canonical, soup

PAGES = {
    "home": ("/fr/", "/en/"),
    "news index": ("/fr/actualites/", "/en/news/"),
    "article": ("/fr/actualites/essai/", "/en/news/trial/"),
    "people index": ("/fr/equipe-dirigeante/", "/en/leadership/"),
    "person": ("/fr/equipe-dirigeante/jamal-mossaddeq/", "/en/leadership/jamal-mossaddeq/"),
    "offices index": ("/fr/implantations/", "/en/offices/"),
    "office": ("/fr/implantations/casablanca/", "/en/offices/casablanca/"),
}


@pytest.fixture
def site(news_index, person):
    return ArticlePageFactory(
        parent=news_index,
        slug_fr="essai",
        slug_en="trial",
        title_fr="Le Maghreb, territoire stratégique",
        title_en="The Maghreb, a strategic territory",
        authors=[person],
        body_fr=stream(("key_figures", {"figures": [{"value": "72 %", "label": "des clients", "source": ""}]})),
        body_en=stream(("key_figures", {"figures": [{"value": "72%", "label": "of customers", "source": ""}]})),
    )


def meta(page, name):
    tag = page.select_one(f'meta[property="{name}"]') or page.select_one(f'meta[name="{name}"]')
    return tag["content"] if tag else None


def json_ld(page):
    return json.loads(page.select_one('script[type="application/ld+json"]').string)["@graph"]


@pytest.mark.parametrize("kind", PAGES)
@pytest.mark.parametrize(("index", "locale", "alternate"), [(0, "fr_FR", "en_GB"), (1, "en_GB", "fr_FR")])
def test_every_page_type_has_absolute_open_graph_and_twitter_tags(client, site, kind, index, locale, alternate):
    url = PAGES[kind][index]
    response = client.get(url)
    assert response.status_code == 200
    page = soup(response)
    assert meta(page, "og:title")
    assert meta(page, "og:url") == canonical(response) == f"http://testserver{url}"
    assert meta(page, "og:locale") == locale
    assert meta(page, "og:locale:alternate") == alternate
    assert meta(page, "og:image").startswith("http://testserver/")
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630")
    assert meta(page, "twitter:card") == "summary_large_image"
    assert meta(page, "twitter:image") == meta(page, "og:image")


def test_article_preview_is_typed_with_date_author_and_standfirst(client, site):
    page = soup(client.get("/en/news/trial/"))
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:title") == "The Maghreb, a strategic territory"
    assert meta(page, "og:description") == "A standfirst in English."
    assert meta(page, "article:published_time") == site.date.isoformat()
    assert meta(page, "article:author") == "http://testserver/en/leadership/jamal-mossaddeq/"


def test_description_prefers_the_search_description(client, site):
    site.search_description_en = "Written for search engines."
    site.save_revision().publish()
    assert meta(soup(client.get("/en/news/trial/")), "og:description") == "Written for search engines."


@pytest.mark.parametrize("url", [url for pair in PAGES.values() for url in pair])
def test_generated_share_image_is_a_1200_by_630_png(client, site, url):
    image_url = meta(soup(client.get(url)), "og:image")
    response = client.get(image_url.removeprefix("http://testserver"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "immutable" in response["Cache-Control"]
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert image.size == (1200, 630)


def test_share_image_differs_per_language_and_changes_on_publish(client, site):
    fr = meta(soup(client.get("/fr/actualites/essai/")), "og:image")
    en = meta(soup(client.get("/en/news/trial/")), "og:image")
    assert "-fr-" in fr and "-en-" in en
    site.title_en = "A new title"
    site.save_revision().publish()
    newer = meta(soup(client.get("/en/news/trial/")), "og:image")
    assert newer != en
    old = client.get(en.removeprefix("http://testserver"))
    assert old.status_code == 301
    assert old["Location"] == newer.removeprefix("http://testserver")


def test_share_image_of_an_unpublished_page_is_not_served(client, site):
    image_url = meta(soup(client.get("/en/news/trial/")), "og:image")
    site.unpublish()
    assert client.get(image_url.removeprefix("http://testserver")).status_code == 404


def test_editor_share_image_is_used_when_set(client, site):
    site.social_image = ImageFactory(file__width=2400, file__height=1260)
    site.save_revision().publish()
    image_url = meta(soup(client.get("/en/news/trial/")), "og:image")
    assert image_url.startswith("http://testserver/media/images/")
    assert "fill-1200x630" in image_url


@pytest.mark.parametrize(("url", "language"), [("/en/news/trial/", "en"), ("/fr/actualites/essai/", "fr")])
def test_breadcrumbs_name_every_level_in_the_readers_language(client, site, url, language):
    crumbs = json_ld(soup(client.get(url)))[1]["itemListElement"]
    news_index, home = site.get_parent(), site.get_parent().get_parent()
    prefix = f"http://testserver/{language}/"
    assert [(crumb["position"], crumb["item"]) for crumb in crumbs] == [
        (1, prefix),
        (2, prefix + ("news/" if language == "en" else "actualites/")),
        (3, "http://testserver" + url),
    ]
    titles = [getattr(page, f"title_{language}") for page in (home, news_index, site)]
    assert [crumb["name"] for crumb in crumbs] == titles


def test_structured_data_of_an_article(client, site):
    graph = json_ld(soup(client.get("/en/news/trial/")))
    types = [node["@type"] for node in graph]
    assert types == ["Organization", "BreadcrumbList", "Article"]
    article = graph[2]
    assert article["headline"] == "The Maghreb, a strategic territory"
    assert article["inLanguage"] == "en"
    assert article["datePublished"] == site.date.isoformat()
    assert article["author"][0] == {
        "@type": "Person",
        "name": "Jamal Mossaddeq",
        "jobTitle": "Partner",
        "worksFor": {"@id": "http://testserver/#organization"},
        "url": "http://testserver/en/leadership/jamal-mossaddeq/",
    }
    assert article["image"].startswith("http://testserver/share/")
    crumbs = [item["name"] for item in graph[1]["itemListElement"]]
    assert crumbs == ["Home", "News", "The Maghreb, a strategic territory"]


@pytest.mark.parametrize(
    ("url", "node_type"),
    [
        ("/fr/equipe-dirigeante/jamal-mossaddeq/", "Person"),
        ("/en/offices/casablanca/", "LocalBusiness"),
    ],
)
def test_structured_data_of_people_and_offices(client, site, url, node_type):
    graph = json_ld(soup(client.get(url)))
    node = graph[-1]
    assert node["@type"] == node_type
    if node_type == "LocalBusiness":
        assert node["address"] == {
            "@type": "PostalAddress",
            "addressLocality": "Casablanca",
            "addressCountry": "Morocco",
        }
        assert [c["name"] for c in node["areaServed"]] == ["Morocco", "Tunisia", "Algeria", "Mauritania"]
    else:
        assert node["jobTitle"] == "Directeur associé"


def test_structured_data_cannot_be_broken_out_of(client, news_index):
    ArticlePageFactory(parent=news_index, slug_fr="piege", title_fr="</script><script>alert(1)</script>")
    html = client.get("/fr/actualites/piege/").content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(soup(client.get("/fr/actualites/piege/")))[-1]["headline"].startswith("</script>")
