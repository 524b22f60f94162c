"""Both languages under their prefix, translated slugs, and the way in from "/"."""

import pytest

from people.factories import PersonPageFactory
from tests.helpers import soup


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("en-GB,en;q=0.9", "/en/"), ("fr-FR,fr;q=0.9,en;q=0.5", "/fr/"), ("de-DE", "/fr/"), ("", "/fr/")],
)
def test_root_redirects_by_accept_language(client, home, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    ("url", "lang", "title"),
    [("/fr/", "fr", "Conseil en opérations client"), ("/en/", "en", "Customer operations consulting")],
)
def test_home_page_is_served_in_each_language(client, home, url, lang, title):
    response = client.get(url)
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == lang
    assert page.h1.get_text(strip=True) == title


def test_pages_are_served_under_their_translated_slug(client, people_index):
    assert client.get("/fr/equipe-dirigeante/").status_code == 200
    assert client.get("/en/leadership/").status_code == 200


def test_a_page_is_not_served_in_english_under_its_french_slug(client, people_index):
    # One URL per language, never a duplicate.
    assert client.get("/en/equipe-dirigeante/").status_code == 404
    assert client.get("/fr/leadership/").status_code == 404


def test_page_without_english_slug_uses_its_french_slug_in_english(client, people_index):
    PersonPageFactory(parent=people_index, full_name="Claudia Jimenez", slug_en="")
    assert client.get("/en/leadership/claudia-jimenez/").status_code == 200


def test_admin_is_outside_the_language_prefix(client, home):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert client.get("/fr/admin/login/").status_code == 404


def test_unpublished_page_is_not_served(client, people_index):
    people_index.unpublish()
    assert client.get("/fr/equipe-dirigeante/").status_code == 404


def test_page_whose_english_slug_was_never_set_uses_its_french_slug_in_english(client, people_index):
    PersonPageFactory(parent=people_index, full_name="Claudia Jimenez", slug_en=None)
    assert client.get("/en/leadership/claudia-jimenez/").status_code == 200


def test_a_french_slug_does_not_reach_a_page_that_has_an_english_one(client, people_index):
    PersonPageFactory(parent=people_index, full_name="Jamal Mossaddeq", slug_fr="jamal", slug_en="jamal-m")
    assert client.get("/en/leadership/jamal/").status_code == 404
    assert client.get("/en/leadership/jamal-m/").status_code == 200


def test_finding_a_page_does_not_load_the_pages_beside_it(client, people_index):
    from django.db.models.signals import post_init
    from wagtail.models import Page

    person = PersonPageFactory(parent=people_index, full_name="Jamal Mossaddeq")
    url = f"/fr/equipe-dirigeante/{person.slug_fr}/"
    beside = {PersonPageFactory(parent=people_index, full_name=f"Collègue {number}").pk for number in range(12)}
    loaded = set()

    def count(sender, instance, **kwargs):
        loaded.add(instance.pk)

    post_init.connect(count, sender=Page)
    try:
        assert client.get(url).status_code == 200
    finally:
        post_init.disconnect(count, sender=Page)
    # Routing reads the one page on each level of the path, not every child of each.
    assert person.pk in loaded
    assert not loaded & beside


def test_serving_a_page_below_the_home_page_does_not_read_the_home_pages_sections(
    client, home, people_index, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    person = PersonPageFactory(parent=people_index, full_name="Jamal Mossaddeq")
    with CaptureQueriesContext(connection) as below:
        assert client.get(f"/fr/equipe-dirigeante/{person.slug_fr}/").status_code == 200
    # The home page's own row (its sections, in three columns) is read only when the home page is the one served.
    assert not [query for query in below.captured_queries if "core_homepage" in query["sql"]]
    with CaptureQueriesContext(connection) as at_home:
        response = client.get("/fr/")
    assert response.status_code == 200
    assert [query for query in at_home.captured_queries if "core_homepage" in query["sql"]]
    assert soup(response).h1.get_text(strip=True) == "Conseil en opérations client"


def test_the_page_served_reads_its_hero_image_with_its_own_row(client, news_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail_factories import ImageFactory

    from articles.factories import ArticlePageFactory

    image = ImageFactory(file__width=1600, file__height=900)
    image.get_rendition("fill-360x202|format-jpeg")
    ArticlePageFactory(
        parent=news_index, slug_fr="port", hero_image=image, hero_image_alt_fr="Le port", hero_image_alt_en="The port"
    )
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/fr/actualites/port/")
    assert response.status_code == 200
    assert soup(response).select_one(".article__hero img")["alt"] == "Le port"
    # The article's row and its hero image's come in one query (ArticlePage.served_select_related), not two.
    assert not [query for query in queries.captured_queries if 'FROM "wagtailimages_image"' in query["sql"]]


def test_the_page_served_reads_only_the_rows_its_type_names(client, people_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/fr/equipe-dirigeante/").status_code == 200
    own_row = [query["sql"] for query in queries.captured_queries if 'FROM "people_peopleindexpage"' in query["sql"]]
    assert len(own_row) == 1
    # No served_select_related on this type: neither its locale's nor its content type's row come with it.
    assert "wagtailcore_locale" not in own_row[0] and "django_content_type" not in own_row[0]
