"""Pages that show an article without its body (cards, listings, links) never load the body: a long article costs
the pages that list it nothing, in queries or in the columns fetched."""

import re

import pytest

from articles.factories import ArticlePageFactory, TopicFactory, stream

BODY_COLUMN = re.compile(r'\."body(?:_fr|_en)?"')


def long_body(times):
    """About 20 times the factory's article, in every kind of block a body has."""
    blocks = []
    for n in range(times):
        blocks += [
            ("heading", {"text": f"Partie {n}", "level": "h2"}),
            ("paragraph", "<p>" + " ".join(["interminable"] * 200) + "</p>"),
            ("key_figures", {"figures": [{"value": f"{n} %", "label": "part", "source": ""}]}),
        ]
    return stream(*blocks)


def article_body_queries(captured, own_pk=None):
    """The queries that fetch an article's body columns, except the one reading the page being served."""
    return [
        query["sql"]
        for query in captured
        if BODY_COLUMN.search(query["sql"])
        and "articles_articlepage" in query["sql"]
        and not (own_pk is not None and re.search(rf'"articles_articlepage"\."page_ptr_id" = {own_pk}\b', query["sql"]))
    ]


def render(client, url, django_assert_max_num_queries, budget=40):
    client.get(url)  # whatever a first render fills (renditions, the site's root paths)
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return list(captured.captured_queries), response


@pytest.fixture
def topic(db):
    return TopicFactory()


def test_related_article_length_changes_neither_queries_nor_columns(
    client, news_index, topic, django_assert_max_num_queries
):
    main = ArticlePageFactory(parent=news_index, slug_fr="principal", topics=[topic])
    chosen = ArticlePageFactory(parent=news_index, slug_fr="choisi")
    filler = ArticlePageFactory(parent=news_index, slug_fr="voisin", topics=[topic])
    main.related_articles.create(article=chosen)
    main.save()
    short, response = render(client, "/fr/actualites/principal/", django_assert_max_num_queries)
    assert {"choisi", "voisin"} <= {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in _cards(response)}

    for related in (chosen, filler):
        related.body_fr = related.body_en = long_body(20)
        related.save_revision().publish()
    long, response = render(client, "/fr/actualites/principal/", django_assert_max_num_queries)

    assert len(long) <= len(short)
    assert article_body_queries(long, own_pk=main.pk) == []
    assert b"interminable" not in response.content
    assert {"choisi", "voisin"} <= {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in _cards(response)}


def _cards(response):
    from tests.helpers import soup

    return soup(response).select(".related .card__title a")


@pytest.mark.parametrize("url", ["/fr/actualites/", "/en/news/", "/fr/"])
def test_listings_never_load_article_bodies(client, news_index, url, django_assert_max_num_queries):
    for n in range(3):
        ArticlePageFactory(parent=news_index, slug_fr=f"long-{n}", body_fr=long_body(20), body_en=long_body(20))
    captured, response = render(client, url, django_assert_max_num_queries)
    assert article_body_queries(captured) == []
    assert response.content.count(b"card__title") >= 3


def test_person_page_lists_authored_and_quoting_articles_without_their_bodies(
    client, news_index, person, django_assert_max_num_queries
):
    quote = ("quote", {"quote": "Mot.", "person": person.pk, "original_language": "fr"})
    ArticlePageFactory(parent=news_index, slug_fr="signe", authors=[person], body_fr=long_body(20))
    quoting = ArticlePageFactory(parent=news_index, slug_fr="cite")
    quoting.body_fr = stream(quote, *[("paragraph", "<p>" + "interminable " * 200 + "</p>")] * 20)
    quoting.save_revision().publish()
    captured, response = render(client, "/fr/equipe-dirigeante/jamal-mossaddeq/", django_assert_max_num_queries)
    assert article_body_queries(captured) == []
    assert b"/fr/actualites/signe/" in response.content
    assert b"/fr/actualites/cite/" in response.content


def test_office_page_lists_its_articles_without_their_bodies(client, news_index, office, django_assert_max_num_queries):
    ArticlePageFactory(parent=news_index, slug_fr="local", offices=[office], body_fr=long_body(20))
    url = office.get_url()
    captured, response = render(client, url, django_assert_max_num_queries)
    assert article_body_queries(captured) == []
    assert b"/fr/actualites/local/" in response.content


SEO_COLUMN = re.compile(r'\."(?:search_description|seo_title)_(?:fr|en)"')


@pytest.mark.parametrize("url", ["/fr/actualites/principal/", "/fr/actualites/", "/fr/"])
def test_cards_and_links_read_only_the_columns_they_show(client, news_index, topic, url, django_assert_max_num_queries):
    main = ArticlePageFactory(parent=news_index, slug_fr="principal", topics=[topic])
    main.related_articles.create(article=ArticlePageFactory(parent=news_index, slug_fr="choisi"))
    main.save()
    ArticlePageFactory(parent=news_index, slug_fr="voisin", topics=[topic])
    captured, _response = render(client, url, django_assert_max_num_queries)
    # The served page is read whole; the articles it lists, its menus and its breadcrumbs only for a link or a card.
    listing = [
        query["sql"]
        for query in captured
        if "articles_articlepage" in query["sql"]
        and not re.search(rf'"articles_articlepage"\."page_ptr_id" = {main.pk}\b', query["sql"])
    ]
    assert listing
    assert [sql for sql in listing if SEO_COLUMN.search(sql)] == []


PERSON_UNSHOWN_COLUMN = re.compile(r'"people_personpage"\."(?:biography|notification_email|linkedin_url|photo_alt)')


def test_an_article_reads_only_what_it_shows_of_its_authors_and_quoted_people(
    client, news_index, person, django_assert_max_num_queries
):
    person.biography_fr = "<p>" + "interminable " * 500 + "</p>"
    person.save_revision().publish()
    quote = ("quote", {"quote": "Mot.", "person": person.pk, "original_language": "fr"})
    cta = ("cta", {"text": "Écrivez-nous.", "button_label": "", "person": person.pk})
    ArticlePageFactory(parent=news_index, slug_fr="cite", authors=[person], body_fr=stream(quote, cta))
    captured, response = render(client, "/fr/actualites/cite/", django_assert_max_num_queries)
    people_queries = [query["sql"] for query in captured if "people_personpage" in query["sql"]]
    # The byline, then the quotes' speakers and the calls to action's people together (read ahead with the body).
    assert len(people_queries) == 2
    assert [sql for sql in people_queries if PERSON_UNSHOWN_COLUMN.search(sql) or SEO_COLUMN.search(sql)] == []
    assert response.content.count(b"Jamal Mossaddeq") >= 3


OFFICE_OR_ARTICLE_TEXT_COLUMN = re.compile(
    r'"(?:offices_officepage"\."(?:introduction|body|country)|articles_articlepage"\."(?:standfirst|body))'
)


def test_person_page_reads_its_office_and_its_articles_as_links(
    client, news_index, person, office, django_assert_max_num_queries
):
    quote = ("quote", {"quote": "Mot.", "person": person.pk, "original_language": "fr"})
    ArticlePageFactory(parent=news_index, slug_fr="signe", authors=[person])
    ArticlePageFactory(parent=news_index, slug_fr="cite", body_fr=stream(quote))
    captured, response = render(client, "/fr/equipe-dirigeante/jamal-mossaddeq/", django_assert_max_num_queries)
    assert [query["sql"] for query in captured if OFFICE_OR_ARTICLE_TEXT_COLUMN.search(query["sql"])] == []
    # The pages quoting the person: the reference index is a subquery of the one query that lists them.
    assert len([query for query in captured if "wagtailcore_referenceindex" in query["sql"]]) == 1
    html = response.content.decode()
    assert office.get_url() in html and "/fr/actualites/signe/" in html and "/fr/actualites/cite/" in html
