"""Links sales pasted last month still work: renames and moves redirect in both languages."""

import pytest
from wagtail.contrib.redirects.models import Redirect

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory


@pytest.fixture
def article(news_index):
    return ArticlePageFactory(
        parent=news_index,
        title_fr="Le Maghreb",
        slug_fr="le-maghreb",
        title_en="The Maghreb",
        slug_en="the-maghreb",
    )


def rename(page, **slugs):
    for field, value in slugs.items():
        setattr(page, field, value)
    page.save_revision().publish()


def test_renaming_the_english_slug_redirects_the_old_english_url(client, article):
    rename(article, slug_en="maghreb-customer-experience")
    assert client.get("/en/news/maghreb-customer-experience/").status_code == 200
    response = client.get("/en/news/the-maghreb/")
    assert response.status_code == 301
    assert response["Location"] == "/en/news/maghreb-customer-experience/"
    assert client.get("/fr/actualites/le-maghreb/").status_code == 200


def test_renaming_the_french_slug_redirects_the_old_french_url(client, article):
    rename(article, slug_fr="le-maghreb-strategique")
    response = client.get("/fr/actualites/le-maghreb/")
    assert response.status_code == 301
    assert response["Location"] == "/fr/actualites/le-maghreb-strategique/"


def test_renaming_both_slugs_keeps_both_old_urls(client, article):
    rename(article, slug_fr="maghreb-fr", slug_en="maghreb-en")
    assert client.get("/fr/actualites/le-maghreb/")["Location"] == "/fr/actualites/maghreb-fr/"
    assert client.get("/en/news/the-maghreb/")["Location"] == "/en/news/maghreb-en/"


def test_renaming_twice_keeps_the_first_url_working(client, article):
    rename(article, slug_en="second")
    rename(article, slug_en="third")
    assert client.get("/en/news/the-maghreb/")["Location"] == "/en/news/third/"
    assert client.get("/en/news/second/")["Location"] == "/en/news/third/"


def test_renaming_back_serves_the_page_not_a_redirect(client, article):
    rename(article, slug_en="elsewhere")
    rename(article, slug_en="the-maghreb")
    assert client.get("/en/news/the-maghreb/").status_code == 200
    assert client.get("/en/news/elsewhere/")["Location"] == "/en/news/the-maghreb/"


def test_renaming_a_section_redirects_the_pages_below_it(client, article, news_index):
    rename(news_index, slug_en="insights")
    assert client.get("/en/insights/the-maghreb/").status_code == 200
    assert client.get("/en/news/the-maghreb/")["Location"] == "/en/insights/the-maghreb/"
    assert client.get("/en/news/")["Location"] == "/en/insights/"


def test_moving_a_page_redirects_its_old_urls_in_both_languages(client, article, home):
    archive = ArticleIndexPageFactory(
        parent=home, title_fr="Archives", title_en="Archive", slug_fr="archives", slug_en="archive"
    )
    article.move(archive, pos="last-child")
    assert client.get("/fr/archives/le-maghreb/").status_code == 200
    assert client.get("/fr/actualites/le-maghreb/")["Location"] == "/fr/archives/le-maghreb/"
    assert client.get("/en/news/the-maghreb/")["Location"] == "/en/archive/the-maghreb/"


def test_draft_slug_changes_create_no_redirect(client, article):
    article.slug_en = "draft-only"
    article.save_revision()
    assert Redirect.objects.count() == 0
    assert client.get("/en/news/the-maghreb/").status_code == 200


def test_redirects_are_listed_in_the_admin(superuser_client, article):
    rename(article, slug_en="renamed")
    response = superuser_client.get("/admin/redirects/")
    assert response.status_code == 200
    assert "/en/news/the-maghreb" in response.content.decode()
