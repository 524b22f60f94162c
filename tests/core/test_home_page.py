"""The home page sells: the editor's sections, in their order, each optional; the old layout when there are none."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from core.models import HomePage
from people.models import PersonPage
from tests.helpers import soup


@pytest.fixture
def demo(db, tmp_path, settings):
    settings.VAR_DIR = tmp_path
    call_command("load_demo_content", no_admin=True, verbosity=0)


def test_demo_home_page_shows_every_section_in_both_languages(client, demo):
    jamal = PersonPage.objects.get(full_name="Jamal Mossaddeq")
    for url, contact, announcement, labels in [
        (
            "/fr/",
            f"/fr/contact/?person={jamal.pk}",
            "/fr/actualites/le-maghreb-territoire-strategique-de-lexperience-client/",
            ["Parler à notre équipe Maghreb", "Lire l’annonce"],
        ),
        (
            "/en/",
            f"/en/contact/?person={jamal.pk}",
            "/en/news/the-maghreb-a-strategic-territory-for-customer-experience/",
            ["Talk to our Maghreb team", "Read the announcement"],
        ),
    ]:
        page = soup(client.get(url))
        actions = page.select(".hero__actions a")
        assert [a.get_text(strip=True) for a in actions] == labels
        assert [a["href"] for a in actions] == [contact, announcement]
        assert len(page.select(".teaser")) == 3
        assert len(page.select(".figures-band .key-figure")) == 3
        assert len(page.select(".person-card")) == 3
        assert len(page.select(".article-card")) == 3
        assert page.select_one(".offices-band .region-map img")
        band = page.select("main > section")[-1]
        assert "contact-band" in band["class"]
        assert band.select_one("a.button")["href"] == contact
        # One h1 (the hero's), then h2 sections and h3 cards: no level skipped.
        assert len(page.select("h1")) == 1
        assert not page.select("main h4, main h5")


def test_sections_follow_the_editors_order_and_each_is_optional(client, demo):
    home = HomePage.objects.get()
    home.sections_en = json.dumps([{"type": "contact_band", "value": {"title": "Hello?", "button_label": "Write"}}])
    home.save_revision().publish()
    page = soup(client.get("/en/"))
    assert page.h1.get_text(strip=True) == home.hero_title_en  # the hero title comes first even without its section
    assert [section["class"][0] for section in page.select("main > section")] == ["hero", "contact-band"]


def test_a_hero_section_goes_first_and_a_contact_button_names_a_person(demo):
    home = HomePage.objects.get()
    home.sections_fr = json.dumps(
        [{"type": "leadership", "value": {}}, {"type": "hero", "value": {"primary_label": "Go"}}]
    )
    with pytest.raises(ValidationError) as error:
        home.full_clean()
    assert "sections_fr" in error.value.message_dict
    block = HomePage._meta.get_field("sections").stream_block.child_blocks["contact_band"]
    news = home.get_children().get(slug_fr="actualites")
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "?", "button_label": "Go", "contact_person": news.pk}))


def test_the_home_page_reads_only_what_its_links_and_cards_show(client, demo, settings):
    """Issue 20: the pages its buttons lead to load a link's columns, the leadership cards their office's city,
    the offices no body; the sections indexes come with the frame's pages (core.navigation.site_pages)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": False, "FRAGMENTS": False}
    client.get("/fr/")
    with CaptureQueriesContext(connection) as queries:
        page = soup(client.get("/fr/"))
    assert len(page.select(".hero__actions a")) == 2  # rendered as before
    assert len(page.select(".person-card__office")) == 2  # the two leaders based in Casablanca
    sql = [query["sql"] for query in queries.captured_queries]
    chosen = [query for query in sql if 'WHERE "wagtailcore_page"."id" IN (' in query]
    # The hero's two buttons, the priorities' link and the closing band's person: in one query for all sections
    # (core.blocks.convert_with_page_links), not one per section type.
    assert len(chosen) == 1
    assert not [query for query in chosen if '"wagtailcore_page"."seo_title_fr"' in query]
    assert not [query for query in sql if '"offices_officepage"."body' in query]
    assert not [query for query in sql if "people_personpage" in query and "street_address" in query]
    assert not [query for query in sql if "LIMIT 1" in query and "indexpage" in query]


def test_the_home_page_editor_still_shows_the_pages_its_buttons_lead_to(superuser_client, demo):
    home = HomePage.objects.get()
    response = superuser_client.get(f"/admin/pages/{home.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    # The choosers load a link's columns only (PageLinkChooserBlock); the admin's titles still come through.
    assert "Jamal Mossaddeq" in html
    assert "Le Maghreb, territoire strat" in html


def test_page_links_read_ahead_are_the_stream_s_own_and_only_while_it_is_converted(demo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.blocks import convert_with_page_links

    home = HomePage.objects.get()
    with CaptureQueriesContext(connection) as queries:
        convert_with_page_links(home.sections)
        hero = next(block for block in home.sections if block.block_type == "hero")
        band = next(block for block in home.sections if block.block_type == "contact_band")
    assert len(queries.captured_queries) == 1
    assert hero.value["contact_person"].title == "Jamal Mossaddeq"
    assert band.value["contact_person"].title == "Jamal Mossaddeq"
    # The same page in two sections: two instances, as Wagtail gives them.
    assert hero.value["contact_person"] is not band.value["contact_person"]
    # Afterwards a stream converted on its own reads its pages as before.
    again = HomePage.objects.get()
    with CaptureQueriesContext(connection) as later:
        assert (
            next(b for b in again.sections if b.block_type == "hero").value["contact_person"].pk
            == hero.value["contact_person"].pk
        )
    assert len(later.captured_queries) == 2  # the home page's row, then its hero's pages
