"""Images on phones, with their text alternatives: AVIF or WebP at sensible widths, width and height (no layout
shift), lazy below the fold, the hero fetched first, and listings that fetch every rendition in one query."""

import pytest
from django.core.exceptions import ValidationError
from wagtail_factories import ImageFactory

from articles.factories import ArticlePageFactory
from people.factories import PersonPageFactory
from tests.helpers import soup


def pictured_article(news_index, **fields):
    fields = {"hero_image_alt_fr": "Le port de Casablanca", "hero_image_alt_en": "Casablanca harbour", **fields}
    return ArticlePageFactory(parent=news_index, hero_image=ImageFactory(file__width=1600, file__height=900), **fields)


def assert_modern_formats(picture, widths, alt=""):
    sources = picture.select("source")
    assert {source["type"] for source in sources} == {"image/avif", "image/webp"}
    for source in sources:
        assert all(f"{width}w" in source["srcset"] for width in widths)
        assert source["sizes"]
    img = picture.img
    assert img["width"] and img["height"]
    assert img["alt"] == alt


def test_article_hero_is_fetched_first_in_avif_or_webp_without_layout_shift(client, news_index):
    pictured_article(news_index, slug_fr="photo")
    picture = soup(client.get("/fr/actualites/photo/")).select_one(".article__hero picture")
    assert_modern_formats(picture, (360, 480, 720, 960, 1280), alt="Le port de Casablanca")
    assert picture.img["fetchpriority"] == "high"
    assert picture.img.get("loading") != "lazy"


def test_article_cards_load_lazily_in_avif_or_webp_without_layout_shift(client, news_index):
    pictured_article(news_index)
    page = soup(client.get("/fr/actualites/"))
    picture = page.select_one(".article-card picture")
    assert_modern_formats(picture, (360, 480, 720, 960))
    assert picture.img["loading"] == "lazy"
    assert picture.img["decoding"] == "async"
    assert "card__image" in picture.img["class"]


def test_hero_text_alternative_is_the_editors_in_each_language(client, news_index):
    pictured_article(news_index, slug_fr="photo", title_en="Photo", slug_en="photo")
    assert soup(client.get("/en/news/photo/")).select_one(".article__hero img")["alt"] == "Casablanca harbour"
    assert soup(client.get("/fr/actualites/photo/")).select_one(".article__hero img")["alt"] == "Le port de Casablanca"


def test_decorative_hero_is_silent(client, news_index):
    pictured_article(news_index, slug_fr="deco", hero_image_alt_fr="", hero_image_alt_en="", hero_image_decorative=True)
    assert soup(client.get("/fr/actualites/deco/")).select_one(".article__hero img")["alt"] == ""


def test_hero_without_text_alternative_is_refused_unless_decorative(news_index):
    image = ImageFactory(file__width=1600, file__height=900)
    article = ArticlePageFactory.build(title_fr="Sans texte", title_en="No text", hero_image=image)
    with pytest.raises(ValidationError) as error:
        article.clean()
    assert set(error.value.message_dict) == {"hero_image_alt_fr", "hero_image_alt_en"}
    article.hero_image_decorative = True
    article.clean()


def test_portrait_has_its_text_alternative_and_is_required(client, people_index):
    image = ImageFactory(file__width=800, file__height=800)
    PersonPageFactory(
        parent=people_index,
        full_name="Claudia Jimenez",
        photo=image,
        photo_alt_fr="Claudia Jimenez, souriante, à Casablanca",
        photo_alt_en="Claudia Jimenez smiling in Casablanca",
    )
    page = soup(client.get("/en/leadership/claudia-jimenez/"))
    assert page.select_one(".person__header img")["alt"] == "Claudia Jimenez smiling in Casablanca"
    nameless = PersonPageFactory.build(full_name="Jamal Mossaddeq", photo=image)
    with pytest.raises(ValidationError) as error:
        nameless.clean()
    assert "photo_alt_fr" in error.value.message_dict


@pytest.mark.parametrize("url", ["/fr/actualites/", "/fr/"])
def test_listing_queries_do_not_grow_with_pictured_articles(client, news_index, url, django_assert_max_num_queries):
    pictured_article(news_index)
    client.get(url)  # draws the renditions once
    with django_assert_max_num_queries(25) as few:
        client.get(url)
    budget = len(few.captured_queries)  # read now: the next request clears the log
    for _ in range(3):
        pictured_article(news_index)
    client.get(url)
    with django_assert_max_num_queries(budget):
        client.get(url)


def test_related_article_cards_do_not_add_queries_per_picture(client, news_index, django_assert_max_num_queries):
    main = pictured_article(news_index, slug_fr="principal")
    main.related_articles.create(article=pictured_article(news_index))
    main.save()
    client.get("/fr/actualites/principal/")
    with django_assert_max_num_queries(30) as few:
        client.get("/fr/actualites/principal/")
    budget = len(few.captured_queries)
    for _ in range(2):
        main.related_articles.create(article=pictured_article(news_index))
    main.save()
    client.get("/fr/actualites/principal/")
    with django_assert_max_num_queries(budget):
        client.get("/fr/actualites/principal/")


def test_a_listing_reads_only_the_renditions_its_cards_show(client, news_index, monkeypatch):
    from django.db.models.signals import post_init
    from wagtail.images import get_image_model

    from core import images

    for number in range(3):
        article = pictured_article(news_index, title_fr=f"Article {number}")
        assert images.generate(article.hero_image) > 40  # every role's renditions, as the upload's job makes them
    loaded = []

    def count(sender, instance, **kwargs):
        loaded.append(instance.filter_spec)

    # A rendition read is either a model instance or a listing's lighter row (core.images.ListedRendition).
    listed_init = images.ListedRendition.__init__

    def count_listed(self, filter_spec, *args):
        loaded.append(filter_spec)
        listed_init(self, filter_spec, *args)

    monkeypatch.setattr(images.ListedRendition, "__init__", count_listed)
    rendition_model = get_image_model().get_rendition_model()
    post_init.connect(count, sender=rendition_model)
    try:
        pictures = soup(client.get("/fr/actualites/")).select(".article-card picture")
    finally:
        post_init.disconnect(count, sender=rendition_model)
    assert len(pictures) == 3
    # A card shows 4 widths in 3 formats; the heroes, share images and the rest stay in the database.
    assert loaded and len(loaded) <= 3 * 12
    assert all(spec.startswith("fill-") and "x" in spec for spec in loaded)
    assert not [spec for spec in loaded if spec.startswith("fill-1280") or spec.startswith("fill-1200")]
