"""Each body block renders as readers should see it, in their language."""

import pytest
from django.core.exceptions import ValidationError
from wagtail_factories import ImageFactory

from articles.blocks import PullQuoteBlock
from articles.factories import ArticlePageFactory, stream
from contact.factories import ContactPageFactory
from core.blocks import ImageBlock
from tests.helpers import soup


def article_with(news_index, *blocks, lang="both"):
    body = stream(*blocks)
    return ArticlePageFactory(parent=news_index, slug_fr="essai", slug_en="trial", body_fr=body, body_en=body)


def body(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return soup(response).select_one(".article__body")


def test_headings_get_anchors_and_feed_the_table_of_contents(client, news_index):
    article_with(
        news_index,
        ("heading", {"text": "Pourquoi le Maghreb", "level": "h2"}),
        ("heading", {"text": "Une région en croissance", "level": "h3"}),
        ("heading", {"text": "Ce que nous venons faire", "level": "h2"}),
    )
    page = soup(client.get("/fr/actualites/essai/"))
    assert page.select_one("h2#pourquoi-le-maghreb").get_text(strip=True) == "Pourquoi le Maghreb"
    assert page.select_one("h3#une-region-en-croissance") is not None
    toc = page.select_one("nav.toc")
    assert toc.h2.get_text(strip=True) == "Dans cet article"
    assert [a["href"] for a in toc.select("a")] == ["#pourquoi-le-maghreb", "#ce-que-nous-venons-faire"]


def test_table_of_contents_title_in_english(client, news_index):
    article_with(news_index, ("heading", {"text": "One", "level": "h2"}), ("heading", {"text": "Two", "level": "h2"}))
    assert soup(client.get("/en/news/trial/")).select_one("nav.toc h2").get_text(strip=True) == "In this article"


def test_paragraph_keeps_its_rich_text(client, news_index):
    article_with(news_index, ("paragraph", "<p>Un texte <b>important</b>.</p>"))
    assert body(client, "/fr/actualites/essai/").select_one(".block-paragraph b").get_text() == "important"


def test_check_list_and_bullet_list(client, news_index):
    article_with(
        news_index,
        ("list", {"style": "check", "items": ["Accompagner", "Soutenir", "Contribuer"]}),
        ("list", {"style": "bullet", "items": ["du pilotage"]}),
    )
    content = body(client, "/fr/actualites/essai/")
    assert [li.get_text() for li in content.select("ul.block-list--check li")] == [
        "Accompagner",
        "Soutenir",
        "Contribuer",
    ]
    assert [li.get_text() for li in content.select("ul.block-list--bullet li")] == ["du pilotage"]


def test_key_figures_show_value_label_and_source(client, news_index):
    article_with(
        news_index,
        (
            "key_figures",
            {
                "figures": [
                    {"value": "13 %", "label": "chômage", "source": ""},
                    {"value": "72 %", "label": "des clients", "source": "Étude"},
                ]
            },
        ),
    )
    figures = body(client, "/fr/actualites/essai/").select(".key-figure")
    # On the French site “%” follows a narrow no-break space (core/typography.py).
    assert [f.select_one(".key-figure__value").get_text() for f in figures] == ["13\u202f%", "72\u202f%"]
    assert [f.select_one(".key-figure__label").get_text() for f in figures] == ["chômage", "des clients"]
    assert figures[0].select_one(".key-figure__source") is None
    assert figures[1].select_one(".key-figure__source").get_text() == "Étude"


def test_quote_by_a_person_page_shows_their_current_name_role_and_link(client, news_index, person):
    article_with(
        news_index, ("quote", {"quote": "Une troisième voie.", "person": person.pk, "original_language": "fr"})
    )
    person.role_fr = "Associé"
    person.save_revision().publish()
    quote = body(client, "/fr/actualites/essai/").select_one(".pull-quote")
    assert quote.blockquote.get_text(strip=True) == "Une troisième voie."
    assert quote.select_one(".pull-quote__name")["href"] == "/fr/equipe-dirigeante/jamal-mossaddeq/"
    assert quote.select_one(".pull-quote__role").get_text(strip=True) == "Associé, OswegO"
    assert quote.select_one(".pull-quote__translated") is None


def test_quote_by_an_outside_speaker_is_attributed_as_written(client, news_index):
    article_with(
        news_index,
        (
            "quote",
            {
                "quote": "Les réformes demeurent essentielles.",
                "person": None,
                "name": "Ahmadou Moustapha Ndiaye",
                "role": "Directeur de Division",
                "organisation": "Banque mondiale",
                "original_language": "fr",
            },
        ),
    )
    quote = body(client, "/fr/actualites/essai/").select_one(".pull-quote")
    assert quote.select_one(".pull-quote__name").name == "span"
    assert quote.select_one(".pull-quote__name").get_text() == "Ahmadou Moustapha Ndiaye"
    assert quote.select_one(".pull-quote__role").get_text() == "Directeur de Division, Banque mondiale"


def test_quote_said_in_french_is_marked_translated_on_the_english_page(client, news_index, person):
    article_with(news_index, ("quote", {"quote": "A third way.", "person": person.pk, "original_language": "fr"}))
    quote = body(client, "/en/news/trial/").select_one(".pull-quote")
    assert quote.select_one(".pull-quote__translated").get_text(strip=True) == "Translated from French"
    assert quote.select_one(".pull-quote__role").get_text(strip=True) == "Partner, OswegO"


def test_call_to_action_leads_to_the_contact_form_with_the_person_chosen(client, home, news_index, person):
    ContactPageFactory(parent=home)
    article_with(news_index, ("cta", {"text": "Parlons de vos projets.", "button_label": "", "person": person.pk}))
    cta = body(client, "/fr/actualites/essai/").select_one(".cta")
    assert cta.select_one(".cta__text").get_text() == "Parlons de vos projets."
    button = cta.select_one("a.button")
    assert button.get_text(strip=True) == "Contacter Jamal Mossaddeq"
    assert button["href"] == f"/fr/contact/?person={person.pk}"
    assert body(client, "/en/news/trial/").select_one(".cta a.button")["href"] == f"/en/contact/?person={person.pk}"


def test_call_to_action_leads_to_the_person_while_there_is_no_contact_page(client, news_index, person):
    article_with(news_index, ("cta", {"text": "Parlons de vos projets.", "button_label": "", "person": person.pk}))
    button = body(client, "/fr/actualites/essai/").select_one(".cta a.button")
    assert button["href"] == "/fr/equipe-dirigeante/jamal-mossaddeq/"


def test_image_block_has_alt_text_size_and_lazy_loading(client, news_index):
    image = ImageFactory(file__width=1600, file__height=900)
    article_with(
        news_index, ("image", {"image": image.pk, "caption": "Casablanca", "alt_text": "Le port", "decorative": False})
    )
    figure = body(client, "/fr/actualites/essai/").select_one("figure.block-image")
    img = figure.select_one("img")
    assert img["alt"] == "Le port"
    assert img["loading"] == "lazy"
    assert img.has_attr("width") and img.has_attr("height")
    assert {source["type"] for source in figure.select("picture source")} == {"image/avif", "image/webp"}
    assert figure.figcaption.get_text() == "Casablanca"


def test_decorative_image_has_empty_alt(client, news_index):
    image = ImageFactory(file__width=800, file__height=450)
    article_with(news_index, ("image", {"image": image.pk, "caption": "", "alt_text": "", "decorative": True}))
    assert body(client, "/fr/actualites/essai/").select_one("figure img")["alt"] == ""


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ({"quote": "Mot.", "person": None, "name": ""}, False),
        ({"quote": "Mot.", "person": "PERSON", "name": "Quelqu’un"}, False),
        ({"quote": "Mot.", "person": "PERSON", "name": ""}, True),
        ({"quote": "Mot.", "person": None, "name": "Quelqu’un"}, True),
    ],
)
def test_pull_quote_needs_exactly_one_speaker(person, value, valid):
    block = PullQuoteBlock()
    data = {"role": "", "organisation": "", "original_language": "fr", **value}
    if data["person"] == "PERSON":
        data["person"] = person.pk
    struct = block.to_python(data)
    if valid:
        block.clean(struct)
    else:
        with pytest.raises(ValidationError):
            block.clean(struct)


def test_image_block_requires_alt_text_unless_decorative(db):
    image = ImageFactory()
    block = ImageBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": image.pk, "caption": "", "alt_text": "", "decorative": False}))
    block.clean(block.to_python({"image": image.pk, "caption": "", "alt_text": "", "decorative": True}))
