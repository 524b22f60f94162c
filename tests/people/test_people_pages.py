"""Leadership: the index and each person's page, in both languages."""

import pytest
from wagtail_factories import ImageFactory

from articles.factories import ArticlePageFactory, stream
from people.factories import PersonPageFactory
from tests.helpers import soup


@pytest.fixture
def claudia(people_index, office):
    return PersonPageFactory(
        parent=people_index,
        full_name="Claudia Jimenez",
        role_fr="Vice-présidente Maghreb",
        role_en="Vice-President Maghreb",
        office=office,
    )


def test_index_lists_people_with_role_and_office_in_each_language(client, person, claudia):
    fr = soup(client.get("/fr/equipe-dirigeante/"))
    en = soup(client.get("/en/leadership/"))
    assert [h.get_text(strip=True) for h in fr.select(".person-card .card__title")] == [
        "Jamal Mossaddeq",
        "Claudia Jimenez",
    ]
    assert [p.get_text(strip=True) for p in fr.select(".person-card__role")] == [
        "Directeur associé",
        "Vice-présidente Maghreb",
    ]
    assert [p.get_text(strip=True) for p in en.select(".person-card__role")] == ["Partner", "Vice-President Maghreb"]
    assert [p.get_text(strip=True) for p in en.select(".person-card__office")] == ["Casablanca", "Casablanca"]


def test_index_follows_the_order_editors_give_in_the_tree(client, person, claudia):
    claudia.move(person, pos="left")
    names = [h.get_text(strip=True) for h in soup(client.get("/fr/equipe-dirigeante/")).select(".card__title")]
    assert names == ["Claudia Jimenez", "Jamal Mossaddeq"]


def test_person_page_in_both_languages(client, person):
    fr = soup(client.get("/fr/equipe-dirigeante/jamal-mossaddeq/"))
    en = soup(client.get("/en/leadership/jamal-mossaddeq/"))
    assert fr.h1.get_text(strip=True) == en.h1.get_text(strip=True) == "Jamal Mossaddeq"
    assert fr.select_one(".person__role").get_text(strip=True) == "Directeur associé, OswegO"
    assert en.select_one(".person__role").get_text(strip=True) == "Partner, OswegO"
    assert en.select_one(".person__office a")["href"] == "/en/offices/casablanca/"
    assert "Biography." in en.select_one(".person__biography").get_text()


def test_person_without_photo_shows_initials(client, person):
    page = soup(client.get("/fr/equipe-dirigeante/jamal-mossaddeq/"))
    placeholder = page.select_one(".person__header .avatar--initials")
    assert placeholder.get_text(strip=True) == "JM"
    assert placeholder["aria-hidden"] == "true"
    assert page.select_one(".person__header img.avatar") is None


def test_person_with_photo_shows_it(client, person):
    person.photo = ImageFactory(file__width=800, file__height=800)
    person.photo_alt_fr, person.photo_alt_en = "Jamal Mossaddeq à Casablanca", "Jamal Mossaddeq in Casablanca"
    person.save_revision().publish()
    page = soup(client.get("/fr/equipe-dirigeante/jamal-mossaddeq/"))
    photo = page.select_one(".person__header img.avatar")
    assert photo is not None and photo["width"] == photo["height"]  # square: no layout shift
    assert photo["alt"] == "Jamal Mossaddeq à Casablanca"
    # 128 px on a phone and 160 px wider, at 1× and 2×, in AVIF and WebP before JPEG.
    assert photo["sizes"] == "(min-width: 40em) 160px, 128px"
    for source in [photo, *page.select(".person__header source")]:
        assert all(f"{width}w" in source["srcset"] for width in (128, 160, 256, 320))
    assert [source["type"] for source in page.select(".person__header source")] == ["image/avif", "image/webp"]
    assert page.select_one(".person__header .avatar--initials") is None


def test_person_page_prints_no_email_address(client, person):
    person.notification_email = "jamal@example.com"
    person.save()
    html = client.get("/fr/equipe-dirigeante/jamal-mossaddeq/").content.decode()
    assert "jamal@example.com" not in html


def test_person_page_lists_articles_written_and_articles_quoting_them(client, person, claudia, news_index):
    ArticlePageFactory(parent=news_index, title_fr="Écrit par Jamal", authors=[person])
    ArticlePageFactory(
        parent=news_index,
        title_fr="Cite Jamal",
        authors=[claudia],
        body_fr=stream(("quote", {"quote": "Une troisième voie.", "person": person.pk, "original_language": "fr"})),
    )
    page = soup(client.get("/fr/equipe-dirigeante/jamal-mossaddeq/"))
    sections = {
        s.h2.get_text(strip=True): [a.get_text(strip=True) for a in s.select("li a")] for s in page.select("section")
    }
    assert sections["Articles de Jamal Mossaddeq"] == ["Écrit par Jamal"]
    assert sections["Articles citant Jamal Mossaddeq"] == ["Cite Jamal"]


def test_unpublished_person_keeps_bylines_and_quotes_without_links(client, person, news_index):
    ArticlePageFactory(
        parent=news_index,
        title_fr="Le départ",
        slug_fr="le-depart",
        authors=[person],
        body_fr=stream(("quote", {"quote": "Une troisième voie.", "person": person.pk, "original_language": "fr"})),
    )
    person.unpublish()
    response = client.get("/fr/actualites/le-depart/")
    assert response.status_code == 200
    page = soup(response)
    byline = page.select_one(".byline")
    assert "Jamal Mossaddeq" in byline.get_text() and "Directeur associé" in byline.get_text()
    assert byline.select("a") == []
    speaker = page.select_one(".pull-quote__speaker")
    assert "Jamal Mossaddeq" in speaker.get_text()
    assert speaker.select("a") == []
    assert client.get("/fr/equipe-dirigeante/jamal-mossaddeq/").status_code == 404


def test_people_index_query_count_does_not_grow_with_people(
    client, people_index, office, django_assert_max_num_queries
):
    for n in range(3):
        PersonPageFactory(parent=people_index, full_name=f"Personne Un{n}", office=office)
    client.get("/fr/equipe-dirigeante/")  # warm caches that are per-process, not per-request
    with django_assert_max_num_queries(12) as few:
        client.get("/fr/equipe-dirigeante/")
    for n in range(12):
        PersonPageFactory(parent=people_index, full_name=f"Personne Deux{n}", office=office)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/fr/equipe-dirigeante/")


def test_person_page_query_count_does_not_grow_with_articles(client, person, news_index, django_assert_max_num_queries):
    def add_article():
        ArticlePageFactory(
            parent=news_index,
            authors=[person],
            body_fr=stream(("quote", {"quote": "Mot.", "person": person.pk, "original_language": "fr"})),
        )

    add_article()
    client.get("/fr/equipe-dirigeante/jamal-mossaddeq/")
    with django_assert_max_num_queries(18) as few:
        client.get("/fr/equipe-dirigeante/jamal-mossaddeq/")
    for _ in range(8):
        add_article()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/fr/equipe-dirigeante/jamal-mossaddeq/")


def test_a_new_person_previewed_before_the_first_save_lists_no_articles(rf, people_index, office):
    """No article can point at a page with no id yet: nothing is looked for (the rest of that preview fails in
    seo/'s share image URL, which needs the page's id)."""
    from people.models import PersonPage

    page = PersonPage(full_name="Nouvelle Personne", role_fr="Associée", office=office)
    request = rf.get("/fr/equipe-dirigeante/nouvelle-personne/")
    request.is_preview = True
    context = page.get_context(request)
    assert context["authored_articles"] == [] and context["quoting_articles"] == []
    assert page.office.city == office.city
