"""An editor writes a full article, every block, in French and English, without touching HTML."""

import html

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_factories import ImageFactory

from articles.factories import TopicFactory
from articles.models import ArticlePage
from tests.helpers import soup


def list_block(items):
    data = {"count": len(items)}
    for index, value in enumerate(items):
        data[index] = {"value": value, "deleted": "", "order": index, "id": ""}
    return data


def body(lang, person, image):
    fr = lang == "fr"
    return streamfield(
        [
            ("heading", {"text": "Pourquoi le Maghreb" if fr else "Why the Maghreb", "level": "h2"}),
            ("paragraph", rich_text("<p>Un texte.</p>" if fr else "<p>Some text.</p>")),
            (
                "quote",
                {
                    "quote": "Une troisième voie." if fr else "A third way.",
                    "person": person.pk,
                    "name": "",
                    "role": "",
                    "organisation": "",
                    "original_language": "fr",
                },
            ),
            (
                "key_figures",
                {
                    "figures": list_block(
                        [{"value": "13 %" if fr else "13%", "label": "chômage" if fr else "unemployment", "source": ""}]
                    )
                },
            ),
            ("list", {"style": "check", "items": list_block(["Accompagner" if fr else "Support"])}),
            (
                "image",
                {"image": image.pk, "caption": "", "alt_text": "Le port" if fr else "The harbour", "decorative": ""},
            ),
            ("cta", {"text": "Écrivez-nous." if fr else "Write to us.", "button_label": "", "person": person.pk}),
        ]
    )


def test_editor_creates_an_article_with_every_block_in_both_languages(superuser_client, client, news_index, person):
    topic = TopicFactory(name_fr="Maghreb", name_en="Maghreb")
    image = ImageFactory(file__width=1200, file__height=800)
    url = f"/admin/pages/add/articles/articlepage/{news_index.pk}/"
    assert superuser_client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title_fr": "Le Maghreb, territoire stratégique",
            "title_en": "The Maghreb, a strategic territory",
            "slug_fr": "le-maghreb-territoire-strategique",
            "slug_en": "the-maghreb-a-strategic-territory",
            "standfirst_fr": "Un chapeau.",
            "standfirst_en": "A standfirst.",
            "date": "2025-05-15",
            "kind": "news",
            "topics": [topic.pk],
            "body_fr": body("fr", person, image),
            "body_en": body("en", person, image),
            "authors": inline_formset([{"person": person.pk}]),
            "related_articles": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    data["topics"] = [str(topic.pk)]
    response = superuser_client.post(url, data)
    assert response.status_code == 302, [
        e.get_text(" ", strip=True) for e in soup(response).select(".error-message, .help-critical")
    ]

    article = ArticlePage.objects.get(slug_fr="le-maghreb-territoire-strategique")
    assert article.live
    assert [block.block_type for block in article.body_fr] == [
        "heading",
        "paragraph",
        "quote",
        "key_figures",
        "list",
        "image",
        "cta",
    ]
    client.logout()
    fr = soup(client.get("/fr/actualites/le-maghreb-territoire-strategique/"))
    en = soup(client.get("/en/news/the-maghreb-a-strategic-territory/"))
    assert fr.select_one("h2#pourquoi-le-maghreb") is not None
    assert en.select_one("h2#why-the-maghreb") is not None
    assert en.select_one(".pull-quote blockquote").get_text(strip=True) == "A third way."
    assert en.select_one(".key-figure__value").get_text() == "13%"
    assert en.select_one(".block-list--check li").get_text() == "Support"
    assert en.select_one("figure.block-image img")["alt"] == "The harbour"
    assert en.select_one(".cta .button").get_text(strip=True) == "Contact Jamal Mossaddeq"


def test_admin_refuses_a_quote_with_no_speaker(superuser_client, news_index, person):
    url = f"/admin/pages/add/articles/articlepage/{news_index.pk}/"
    stream = streamfield(
        [
            (
                "quote",
                {
                    "quote": "Sans auteur.",
                    "person": "",
                    "name": "",
                    "role": "",
                    "organisation": "",
                    "original_language": "fr",
                },
            )
        ]
    )
    data = nested_form_data(
        {
            "title_fr": "Sans auteur",
            "slug_fr": "sans-auteur",
            "standfirst_fr": "Chapeau.",
            "body_fr": stream,
            "body_en": streamfield([]),
            "authors": inline_formset([{"person": person.pk}]),
            "related_articles": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    response = superuser_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors["body_fr"].as_data()[0]
    message = str(errors.block_errors[0].block_errors["person"].message)
    assert message.startswith("Indiquez qui l’a dit")
    assert not ArticlePage.objects.filter(slug_fr="sans-auteur").exists()


def test_editor_reopens_an_article_and_finds_the_people_chosen_in_its_blocks(superuser_client, news_index, person):
    from articles.factories import ArticlePageFactory, stream

    quote = ("quote", {"quote": "Mot.", "person": person.pk, "original_language": "fr"})
    cta = ("cta", {"text": "Écrivez-nous.", "button_label": "", "person": person.pk})
    article = ArticlePageFactory(parent=news_index, body_fr=stream(quote, cta))
    response = superuser_client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    # Each chooser shows the person and links to their editor, as Wagtail's own PageChooserBlock does.
    state = html.unescape(response.content.decode())
    chosen = f'"person": {{"id": {person.pk}, "parentId": {person.get_parent().pk}, "adminTitle": "Jamal Mossaddeq"'
    assert state.count(chosen) == 2
