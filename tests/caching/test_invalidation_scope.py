"""A publish makes stale only the pages that show the page; what every page shows (the menu) refreshes every page."""

import json

import pytest

from articles.factories import ArticlePageFactory, TopicFactory
from core.models import SiteSettings
from tests.helpers import soup

from .conftest import ARTICLE_FR, PERSON_FR, publish


def warm(client, urls):
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url


@pytest.fixture
def other_articles(news_index, article):
    elsewhere = TopicFactory(name_fr="Finance", name_en="Finance", slug_fr="finance", slug_en="finance")
    return [
        ArticlePageFactory(
            parent=news_index, title_fr=f"Autre {n}", slug_fr=f"autre-{n}", slug_en=f"other-{n}", topics=[elsewhere]
        )
        for n in range(3)
    ]


def test_publishing_an_article_leaves_the_other_articles_warm(client, article, other_articles, offices_index):
    others = [f"/fr/actualites/autre-{n}/" for n in range(3)]
    listing = [ARTICLE_FR, "/fr/", "/en/", "/fr/actualites/", "/en/news/", PERSON_FR]
    warm(client, [*listing, *others, "/fr/implantations/"])
    publish(article, title_fr="Le Maghreb, territoire stratégique")
    for url in listing:
        assert client.get(url)["X-Page-Cache"] == "miss", url
    for url in [*others, "/fr/implantations/"]:
        assert client.get(url)["X-Page-Cache"] == "hit", url
    assert "territoire stratégique" in client.get("/fr/actualites/").content.decode()


def test_an_article_sharing_a_topic_refreshes_its_related_cards(client, article, news_index, topic):
    neighbour = ArticlePageFactory(parent=news_index, title_fr="Voisin", slug_fr="voisin", slug_en="neighbour")
    neighbour.topics.set([topic])
    neighbour.save_revision().publish()
    warm(client, ["/fr/actualites/voisin/"])
    publish(article, title_fr="Le Maghreb, nouveau titre")
    response = client.get("/fr/actualites/voisin/")
    assert response["X-Page-Cache"] == "miss"
    assert "Le Maghreb, nouveau titre" in response.content.decode()


def test_an_office_listing_an_article_refreshes_when_it_is_published(client, article, office):
    article.offices.set([office])
    article.save_revision().publish()
    office_url = office.get_url()
    warm(client, [office_url])
    publish(article, title_fr="Le Maghreb, vu de Casablanca")
    response = client.get(office_url)
    assert response["X-Page-Cache"] == "miss"


def test_removing_an_author_refreshes_the_author_who_no_longer_signs(client, article, person):
    warm(client, [PERSON_FR])
    draft = article.get_latest_revision_as_object() if article.get_latest_revision() else article
    draft.authors.clear()
    draft.save_revision().publish()
    assert client.get(PERSON_FR)["X-Page-Cache"] == "miss"
    assert "Le Maghreb" not in client.get(PERSON_FR).content.decode()


@pytest.mark.parametrize("page_cache_on", [True, False])
def test_a_menu_page_title_change_refreshes_the_header_of_every_page(
    client, article, news_index, offices_index, settings, page_cache_on
):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": page_cache_on}
    urls = ["/fr/", ARTICLE_FR, PERSON_FR, "/fr/implantations/", "/fr/equipe-dirigeante/"]
    for url in urls:
        client.get(url)
        client.get(url)
    publish(news_index, title_fr="Le journal")
    for url in urls:
        response = client.get(url)
        menu = [link.get_text(strip=True) for link in soup(response).select(".site-nav__link")]
        footer = [link.get_text(strip=True) for link in soup(response).select(".site-footer__nav a")]
        assert "Le journal" in menu, url
        assert "Le journal" in footer, url
        if page_cache_on:
            assert response["X-Page-Cache"] == "miss", url


def test_a_page_the_footer_links_to_refreshes_every_page_when_renamed(client, article, offices_index):
    # An article deep in the tree, put in the footer by an editor: every page's footer shows its title.
    navigation = SiteSettings.load()
    navigation.footer_legal_fr = json.dumps([{"type": "link", "value": {"page": article.pk, "label": ""}}])
    navigation.save()
    warm(client, ["/fr/implantations/", "/fr/"])
    publish(article, title_fr="Le Maghreb, titre du pied de page")
    for url in ["/fr/implantations/", "/fr/"]:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        footer = [link.get_text(strip=True) for link in soup(response).select("footer a")]
        assert "Le Maghreb, titre du pied de page" in footer, url
