"""“Read next”: the articles an editor chose, in their order, then the newest sharing a topic, three cards at most;
in a preview, the draft's choices and topics."""

import datetime

import pytest
from wagtail_factories import ImageFactory

from articles.factories import ArticlePageFactory, TopicFactory, stream
from articles.models import ArticlePage, RelatedArticle
from core import images
from tests.helpers import soup


@pytest.fixture
def topic(db):
    return TopicFactory()


def cards(html):
    return [title.get_text(strip=True) for title in soup(html).select(".related .card__title")]


def dated(news_index, title, day, **kwargs):
    return ArticlePageFactory(parent=news_index, title_fr=title, date=datetime.date(2025, 3, day), **kwargs)


def test_chosen_articles_keep_the_editors_order_before_newer_ones_sharing_a_topic(client, news_index, topic):
    main = ArticlePageFactory(parent=news_index, slug_fr="principal", topics=[topic])
    older = dated(news_index, "Choisi en premier", 1)
    newer = dated(news_index, "Choisi en second", 20)
    dated(news_index, "Même thème, récent", 25, topics=[topic])
    dated(news_index, "Même thème, ancien", 2, topics=[topic])
    RelatedArticle.objects.create(page=main, article=older, sort_order=0)
    RelatedArticle.objects.create(page=main, article=newer, sort_order=1)
    assert cards(client.get("/fr/actualites/principal/")) == [
        "Choisi en premier",
        "Choisi en second",
        "Même thème, récent",
    ]


def test_unpublished_or_self_choices_are_skipped_and_their_places_filled(client, news_index, topic):
    main = ArticlePageFactory(parent=news_index, slug_fr="principal", topics=[topic])
    withdrawn = dated(news_index, "Retiré", 28, topics=[topic])
    withdrawn.unpublish()
    RelatedArticle.objects.create(page=main, article=withdrawn, sort_order=0)
    RelatedArticle.objects.create(page=main, article=main, sort_order=1)
    dated(news_index, "Voisin ancien", 3, topics=[topic])
    dated(news_index, "Voisin récent", 9, topics=[topic])
    dated(news_index, "Sans rapport", 27)
    assert cards(client.get("/fr/actualites/principal/")) == ["Voisin récent", "Voisin ancien"]


def test_an_article_chosen_twice_is_shown_twice(client, news_index, topic):
    main = ArticlePageFactory(parent=news_index, slug_fr="principal", topics=[topic])
    twice = dated(news_index, "Deux fois", 5)
    for order in (0, 1):
        RelatedArticle.objects.create(page=main, article=twice, sort_order=order)
    dated(news_index, "Voisin", 6, topics=[topic])
    assert cards(client.get("/fr/actualites/principal/")) == ["Deux fois", "Deux fois", "Voisin"]


def test_three_chosen_articles_leave_no_place_to_fill(client, news_index, topic):
    main = ArticlePageFactory(parent=news_index, slug_fr="principal", topics=[topic])
    for order, day in enumerate((1, 3, 2)):
        RelatedArticle.objects.create(page=main, article=dated(news_index, f"Choix {order}", day), sort_order=order)
    dated(news_index, "Voisin très récent", 28, topics=[topic])
    assert cards(client.get("/fr/actualites/principal/")) == ["Choix 0", "Choix 1", "Choix 2"]


def test_an_article_reads_its_topics_with_its_cards_topics(client, news_index, topic, django_assert_max_num_queries):
    main = ArticlePageFactory(parent=news_index, slug_fr="principal", topics=[topic])
    RelatedArticle.objects.create(page=main, article=dated(news_index, "Choisi", 1, topics=[topic]), sort_order=0)
    dated(news_index, "Voisin", 2, topics=[topic])
    client.get("/fr/actualites/principal/")
    with django_assert_max_num_queries(40) as captured:
        response = client.get("/fr/actualites/principal/")
    assert cards(response) == ["Choisi", "Voisin"]
    assert [li.get_text(strip=True) for li in soup(response).select(".article__header .topic-list__item")] == [
        topic.name_fr
    ]
    reading_topics = [query for query in captured.captured_queries if '"articles_topic"' in query["sql"]]
    assert len(reading_topics) == 1


def test_without_choices_or_topics_no_card_is_looked_for(news_index, django_assert_num_queries):
    main = ArticlePageFactory(parent=news_index, slug_fr="seul")
    ArticlePageFactory(parent=news_index, slug_fr="autre")
    page = ArticlePage.objects.get(pk=main.pk)
    page._topics = []  # as the article's header leaves them
    with django_assert_num_queries(1):  # the page's links
        assert page.related() == []


def test_related_cards_take_four_queries_however_they_are_found(client, news_index, topic, django_assert_num_queries):
    """The links' ids, the cards (chosen and filling together), their topics and their images' renditions."""
    main = ArticlePageFactory(parent=news_index, slug_fr="principal", topics=[topic])
    chosen = dated(news_index, "Choisi", 1, hero_image=ImageFactory(), hero_image_decorative=True)
    RelatedArticle.objects.create(page=main, article=chosen, sort_order=0)
    for day in (2, 3):
        dated(news_index, f"Voisin {day}", day, topics=[topic], hero_image=ImageFactory(), hero_image_decorative=True)
    for article in ArticlePage.objects.exclude(hero_image=None):
        article.hero_image.get_renditions(*images.ROLES["card"].filters(article.hero_image))
    page = ArticlePage.objects.get(pk=main.pk)
    page._topics = list(page.topics.all())  # as the article's header leaves them
    with django_assert_num_queries(4):
        related = page.related()
        assert [article.title for article in related] == ["Choisi", "Voisin 3", "Voisin 2"]
        assert [[topic.pk for topic in article.listed_topics] for article in related[1:]] == [[topic.pk]] * 2
        # Their pictures' renditions were read with them.
        for article in related:
            specs = images.filter_specs(article.hero_image, "card")
            assert list(images.existing_renditions(article.hero_image, "card")) == specs


def test_preview_shows_the_drafts_choices_topics_and_quoted_person(news_index, topic, person):
    main = ArticlePageFactory(parent=news_index, slug_fr="principal")
    dated(news_index, "Choisi dans le brouillon", 4)
    draft = ArticlePage.objects.get(pk=main.pk)
    draft.related_articles = [RelatedArticle(article=ArticlePage.objects.get(title_fr="Choisi dans le brouillon"))]
    draft.topics = [topic]
    dated(news_index, "Même thème que le brouillon", 3, topics=[topic])
    quote = stream(("quote", {"quote": "Une troisième voie.", "person": person.pk, "original_language": "fr"}))
    draft.body = draft.body_fr = draft.body_en = quote

    response = draft.make_preview_request()

    assert response.status_code == 200
    assert cards(response.render()) == ["Choisi dans le brouillon", "Même thème que le brouillon"]
    speaker = soup(response).select_one(".pull-quote__name")
    assert speaker.get_text(strip=True) == "Jamal Mossaddeq"
    assert speaker["href"].endswith("/equipe-dirigeante/jamal-mossaddeq/")
    # Nothing of the draft reached the live page.
    assert not RelatedArticle.objects.filter(page=main).exists()
