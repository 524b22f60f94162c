"""Articles and the news index as readers and feed readers get them."""

import datetime

import pytest
from defusedxml import ElementTree as ET
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.factories import ArticlePageFactory, TopicFactory, stream
from articles.models import ARTICLES_PER_PAGE, RelatedArticle
from articles.reading_time import reading_time
from tests.helpers import canonical, hreflangs, soup


@pytest.fixture
def topics(db):
    return {
        "maghreb": TopicFactory(name_fr="Maghreb", name_en="Maghreb", slug_fr="maghreb", slug_en="maghreb"),
        "cx": TopicFactory(
            name_fr="Expérience client",
            name_en="Customer experience",
            slug_fr="experience-client",
            slug_en="customer-experience",
        ),
    }


def words(n, word="mot"):
    return "<p>" + " ".join([word] * n) + "</p>"


def test_article_shows_author_role_localised_date_and_reading_time(client, news_index, person):
    ArticlePageFactory(
        parent=news_index,
        slug_fr="essai",
        slug_en="trial",
        date=datetime.date(2025, 5, 15),
        authors=[person],
        body_fr=stream(("paragraph", words(1790))),
        body_en=stream(("paragraph", words(390, "word"))),
    )
    fr = soup(client.get("/fr/actualites/essai/"))
    en = soup(client.get("/en/news/trial/"))
    assert fr.select_one(".article-meta time").get_text() == "15 mai 2025"
    assert en.select_one(".article-meta time").get_text() == "15 May 2025"
    assert fr.select_one(".article-meta time")["datetime"] == "2025-05-15"
    assert fr.select_one(".article-meta__reading").get_text() == "9 min de lecture"
    assert en.select_one(".article-meta__reading").get_text() == "2 min read"
    byline = en.select_one(".byline")
    assert byline.select_one("a[rel=author]")["href"] == "/en/leadership/jamal-mossaddeq/"
    assert byline.select_one(".byline__role").get_text() == "Partner, OswegO"


def test_reading_time_is_computed_per_language_when_published(news_index):
    article = ArticlePageFactory(parent=news_index, body_fr=stream(("paragraph", words(590))), standfirst_fr="Court.")
    assert article.reading_time_fr == 3
    article.body_en = stream(("paragraph", words(990, "word")))
    article.save_revision().publish()
    article.refresh_from_db()
    assert (article.reading_time_fr, article.reading_time_en) == (3, 5)
    assert reading_time(article, "en") == 5


def test_publication_date_defaults_to_first_publication(news_index):
    article = ArticlePageFactory(parent=news_index, date=None, live=False)
    assert article.date is None
    article.save_revision().publish()
    article.refresh_from_db()
    # The site's date (Europe/Paris), not UTC's: they differ around midnight.
    assert article.date == timezone.localdate(article.first_published_at)


def test_index_lists_articles_newest_first_with_cards(client, news_index, topics):
    ArticlePageFactory(parent=news_index, title_en="Older", date=datetime.date(2025, 1, 1), topics=[topics["cx"]])
    ArticlePageFactory(parent=news_index, title_en="Newer", date=datetime.date(2025, 5, 15), topics=[topics["maghreb"]])
    page = soup(client.get("/en/news/"))
    cards = page.select(".article-card")
    assert [c.select_one(".card__title").get_text(strip=True) for c in cards] == ["Newer", "Older"]
    assert cards[0].select_one("time").get_text() == "15 May 2025"
    assert cards[0].select_one(".card__summary").get_text() == "A standfirst in English."
    assert [t.get_text() for t in cards[1].select(".topic-list__item")] == ["Customer experience"]
    assert "min read" in cards[0].select_one(".article-meta__reading").get_text()


def test_topic_filter_in_each_language(client, news_index, topics):
    ArticlePageFactory(parent=news_index, title_fr="Sur le Maghreb", topics=[topics["maghreb"]])
    ArticlePageFactory(parent=news_index, title_fr="Sur l’expérience", title_en="On experience", topics=[topics["cx"]])
    fr = soup(client.get("/fr/actualites/?topic=experience-client"))
    assert [c.get_text(strip=True) for c in fr.select(".article-card .card__title")] == ["Sur l’expérience"]
    en = soup(client.get("/en/news/?topic=customer-experience"))
    assert [c.get_text(strip=True) for c in en.select(".article-card .card__title")] == ["On experience"]
    current = en.select_one(".topic-filter a[aria-current]")
    assert current.get_text(strip=True) == "Customer experience"


def test_filtered_view_canonical_and_alternates_keep_the_topic_in_each_language(client, news_index, topics):
    ArticlePageFactory(parent=news_index, topics=[topics["cx"]])
    response = client.get("/en/news/?topic=customer-experience")
    assert canonical(response) == "http://testserver/en/news/?topic=customer-experience"
    assert hreflangs(response)["fr"] == "http://testserver/fr/actualites/?topic=experience-client"


def test_pagination_and_its_canonical(client, news_index):
    for n in range(ARTICLES_PER_PAGE + 2):
        ArticlePageFactory(parent=news_index, title_en=f"Article {n:02d}")
    first = soup(client.get("/en/news/"))
    assert len(first.select(".article-card")) == ARTICLES_PER_PAGE
    assert first.select_one(".pagination a[rel=next]")["href"] == "?page=2"
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/news/?page=2")
    assert [card.h2.get_text(strip=True) for card in soup(response).select(".article-card")] == [
        "Article 01",
        "Article 00",
    ]
    assert soup(response).select_one(".pagination__status").get_text(strip=True) == "Page 2 of 2"
    assert canonical(response) == "http://testserver/en/news/?page=2"
    assert canonical(client.get("/en/news/?page=1")) == "http://testserver/en/news/"
    # The page's cards and the number of articles in all come in one query: no count of its own.
    assert not [query for query in queries.captured_queries if "COUNT(*)" in query["sql"]]
    assert client.get("/en/news/?page=3").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=0",
        "page=-1",
        "page=999",
        "page=1e3",
        "topic=unknown",
        "topic=%00",
        "page=%FF",
        "topic=maghreb",
    ],
)
def test_bad_listing_parameters_give_a_clean_404(client, news_index, query):
    ArticlePageFactory(parent=news_index)
    response = client.get(f"/en/news/?{query}")
    assert response.status_code == 404
    assert soup(response).h1.get_text(strip=True) == "Page not found"


def test_related_articles_are_chosen_then_filled_from_the_same_topics(client, news_index, topics):
    main = ArticlePageFactory(parent=news_index, slug_fr="principal", topics=[topics["maghreb"]])
    chosen = ArticlePageFactory(parent=news_index, title_fr="Choisi")
    ArticlePageFactory(parent=news_index, title_fr="Même thème", topics=[topics["maghreb"]])
    ArticlePageFactory(parent=news_index, title_fr="Autre thème", topics=[topics["cx"]])
    RelatedArticle.objects.create(page=main, article=chosen)
    related = soup(client.get("/fr/actualites/principal/")).select(".related .card__title")
    assert [r.get_text(strip=True) for r in related] == ["Choisi", "Même thème"]


def test_feed_per_language(client, news_index, person):
    ArticlePageFactory(
        parent=news_index,
        title_fr="Ouverture",
        title_en="Opening",
        slug_fr="ouverture",
        slug_en="opening",
        authors=[person],
    )
    for lang, title, link in [
        ("fr", "Ouverture", "http://testserver/fr/actualites/ouverture/"),
        ("en", "Opening", "http://testserver/en/news/opening/"),
    ]:
        response = client.get(f"/{lang}/feed.xml")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")
        channel = ET.fromstring(response.content).find("channel")
        assert channel.findtext("language") == lang
        item = channel.find("item")
        assert item.findtext("title") == title
        assert item.findtext("link") == link
        assert item.findtext("pubDate")
        assert item.findtext("description")


def test_feed_is_advertised_in_every_page_head(client, news_index):
    link = soup(client.get("/en/news/")).select_one('link[type="application/rss+xml"]')
    assert link["href"] == "/en/feed.xml"


def test_article_query_count_does_not_grow_with_blocks_quotes_and_authors(
    client, news_index, person, people_index, django_assert_max_num_queries
):
    from people.factories import PersonPageFactory

    def body(n):
        blocks = []
        for i in range(n):
            blocks += [
                ("heading", {"text": f"Section {i}", "level": "h2"}),
                ("paragraph", "<p>Texte.</p>"),
                ("quote", {"quote": "Mot.", "person": person.pk, "original_language": "fr"}),
                ("key_figures", {"figures": [{"value": "13 %", "label": "x", "source": ""}]}),
                ("cta", {"text": "Écrivez-nous.", "button_label": "", "person": person.pk}),
            ]
        return stream(*blocks)

    ArticlePageFactory(parent=news_index, slug_fr="petit", body_fr=body(1), authors=[person])
    others = [PersonPageFactory(parent=people_index, full_name=f"Auteur Numéro{n}") for n in range(5)]
    ArticlePageFactory(parent=news_index, slug_fr="grand", body_fr=body(12), authors=[person, *others])
    client.get("/fr/actualites/petit/")
    with django_assert_max_num_queries(20) as small:
        client.get("/fr/actualites/petit/")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/fr/actualites/grand/")
