"""Private pages stay private: a restriction on a page covers its descendants and its aliases (Wagtail's rule, which
BasePage checks in one query)."""

from wagtail.models import PageViewRestriction

from people.factories import PersonPageFactory


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def asks_to_sign_in(response):
    return response.status_code == 302 and "/login/" in response["Location"]


def test_a_restriction_on_a_section_covers_the_pages_under_it(client, people_index):
    PersonPageFactory(parent=people_index, full_name="Jamal Mossaddeq", slug_fr="jamal-mossaddeq")
    restrict(people_index)
    assert asks_to_sign_in(client.get("/fr/equipe-dirigeante/"))
    assert asks_to_sign_in(client.get("/fr/equipe-dirigeante/jamal-mossaddeq/"))


def test_a_restriction_on_one_page_leaves_its_parent_and_siblings_public(client, people_index):
    private = PersonPageFactory(parent=people_index, full_name="Jamal Mossaddeq", slug_fr="jamal-mossaddeq")
    PersonPageFactory(parent=people_index, full_name="Claudia Jimenez", slug_fr="claudia-jimenez")
    restrict(private)
    assert asks_to_sign_in(client.get("/fr/equipe-dirigeante/jamal-mossaddeq/"))
    assert client.get("/fr/equipe-dirigeante/claudia-jimenez/").status_code == 200
    assert client.get("/fr/equipe-dirigeante/").status_code == 200


def test_an_alias_of_a_private_page_is_private_too(client, people_index):
    source = PersonPageFactory(parent=people_index, full_name="Jamal Mossaddeq", slug_fr="jamal-mossaddeq")
    # The alias sits elsewhere in the tree (under the home page), outside the restricted page's branch.
    source.create_alias(parent=people_index.get_parent())
    alias_url = "/fr/jamal-mossaddeq/"
    assert client.get(alias_url).status_code == 200
    restrict(source)
    assert asks_to_sign_in(client.get(alias_url))


def test_without_any_private_page_serving_one_asks_no_query_of_its_own_about_restrictions(client, people_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    PersonPageFactory(parent=people_index, full_name="Jamal Mossaddeq", slug_fr="jamal-mossaddeq")
    with CaptureQueriesContext(connection) as public:
        assert client.get("/fr/equipe-dirigeante/jamal-mossaddeq/").status_code == 200
    # Read with the site: whether any page of the database has a restriction.
    about_restrictions = [query for query in public.captured_queries if "pageviewrestriction" in query["sql"]]
    assert len(about_restrictions) == 1 and "wagtailcore_site" in about_restrictions[0]["sql"]

    restrict(people_index.get_parent())  # once one exists, every page asks Wagtail's rule
    with CaptureQueriesContext(connection) as private:
        assert asks_to_sign_in(client.get("/fr/equipe-dirigeante/jamal-mossaddeq/"))
    assert len([query for query in private.captured_queries if "pageviewrestriction" in query["sql"]]) == 2
