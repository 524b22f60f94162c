"""The editor shows how the page looks in a search result and a LinkedIn card, in each language, from its own
fields, with nothing fetched from another site."""

import pytest
from django.contrib.auth import get_user_model

from articles.factories import ArticlePageFactory
from tests.helpers import soup


@pytest.fixture
def chief(db, client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "a-long-test-password")
    client.force_login(user)
    return user


def previews(client, page):
    return soup(client.get(f"/admin/pages/{page.pk}/edit/")).select_one("[data-link-preview]")


def language(panel, code):
    return panel.select_one(f'[data-language="{code}"]')


def test_each_language_previews_its_seo_title_and_search_description(client, chief, news_index):
    page = ArticlePageFactory(
        parent=news_index,
        title_fr="Le titre de l’article",
        seo_title_fr="Titre pour les moteurs",
        search_description_fr="Ce que la page promet au lecteur.",
        title_en="The article's title",
        search_description_en="What the page promises its reader.",
    )
    panel = previews(client, page)
    french, english = language(panel, "fr"), language(panel, "en")
    assert french.select_one(".oswego-serp__title").get_text(strip=True) == "Titre pour les moteurs"
    assert french.select_one(".oswego-linkedin__title").get_text(strip=True) == "Titre pour les moteurs"
    assert "Ce que la page promet" in french.select_one(".oswego-serp__description").get_text()
    # No SEO title in English: the page's title is what shows.
    assert english.select_one(".oswego-serp__title").get_text(strip=True) == "The article's title"
    assert "What the page promises" in english.select_one(".oswego-serp__description").get_text()
    assert f"/en/news/{page.slug_en}/" in english.select_one(".oswego-serp__url").get_text()


def test_without_a_search_description_the_preview_shows_the_summary_the_site_uses(client, chief, news_index):
    page = ArticlePageFactory(parent=news_index, search_description_en="", standfirst_en="A standfirst in English.")
    panel = previews(client, page)
    assert "A standfirst in English." in language(panel, "en").select_one(".oswego-serp__description").get_text()


def test_a_long_title_is_cut_where_search_results_cut_it(client, chief, news_index):
    page = ArticlePageFactory(parent=news_index, seo_title_fr="Un titre " * 20)
    title = language(previews(client, page), "fr").select_one(".oswego-serp__title").get_text(strip=True)
    assert len(title) <= 60
    assert title.endswith("…")


def test_the_card_shows_the_live_pages_share_image_from_this_site(client, chief, news_index):
    page = ArticlePageFactory(parent=news_index)
    page.save_revision().publish()
    panel = previews(client, page)
    for code in ("fr", "en"):
        image = language(panel, code).select_one("img.oswego-linkedin__image")
        assert image["src"].startswith("http://testserver/")
        assert f"{page.pk}-{code}-" in image["src"]
    # Nothing in the previews points at another site.
    assert all(img["src"].startswith("http://testserver/") for img in panel.select("img"))


def test_a_draft_never_published_says_its_image_comes_at_publication(client, chief, news_index):
    page = ArticlePageFactory(parent=news_index, live=False)
    panel = previews(client, page)
    assert not panel.select("img")
    assert "publi" in language(panel, "fr").select_one(".oswego-linkedin__image--pending").get_text()


def test_a_page_without_english_says_so_in_the_english_preview(client, chief, news_index):
    response = client.get(f"/admin/pages/add/articles/articlepage/{news_index.pk}/")
    panel = soup(response).select_one("[data-link-preview]")
    assert language(panel, "en").select_one("[data-preview-empty]") is not None
