"""Copy the French into English, and the "English to review" flag after a French edit."""

import pytest
from django.contrib.auth import get_user_model

from articles.factories import ArticlePageFactory, stream
from editorial.models import StaleTranslation
from tests.core.test_bilingual_editing import edit_data
from tests.helpers import soup


@pytest.fixture
def chief(db, client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "a-long-test-password")
    client.force_login(user)
    return user


@pytest.fixture
def translated(news_index, person):
    page = ArticlePageFactory(
        parent=news_index,
        authors=[person],
        title_fr="Le Maghreb",
        title_en="The Maghreb",
        standfirst_fr="Chapeau français.",
        standfirst_en="English standfirst.",
    )
    page.save_revision()
    return page


def latest(page):
    return type(page).objects.get(pk=page.pk).get_latest_revision_as_object()


def post_action(client, page, action):
    return client.post(f"/admin/pages/{page.pk}/edit/", {**edit_data(client, page), action: "1"})


def test_copy_the_french_fills_empty_english_and_never_overwrites(client, chief, news_index, person):
    page = ArticlePageFactory(
        parent=news_index,
        authors=[person],
        title_en="",
        slug_en="",
        standfirst_en="Kept English.",
        body_fr=stream(("paragraph", "<p>Un paragraphe.</p>"), ("paragraph", "<p>Un autre.</p>")),
        body_en="[]",
    )
    page.save_revision()
    response = post_action(client, page, "action-copy-translation")
    assert response.status_code == 302
    draft = latest(page)
    copied = [block.value.source for block in draft.body_en]
    assert len(copied) == 2 and "Un paragraphe." in copied[0] and "Un autre." in copied[1]
    assert {block.id for block in draft.body_en}.isdisjoint({block.id for block in draft.body_fr})
    assert draft.standfirst_en == "Kept English."
    assert not draft.title_en  # the English title says the page exists in English: the editor writes it
    assert set(StaleTranslation.objects.filter(page_id=page.pk).values_list("field_name", flat=True)) == {"body"}


def test_the_copy_button_is_offered_only_when_there_is_something_to_copy(client, chief, translated, news_index):
    tools = soup(client.get(f"/admin/pages/{translated.pk}/edit/")).select_one("[data-translation-tools='en']")
    assert tools.select_one("button[name='action-copy-translation']") is None
    empty = ArticlePageFactory(parent=news_index, body_en="[]")
    tools = soup(client.get(f"/admin/pages/{empty.pk}/edit/")).select_one("[data-translation-tools='en']")
    assert tools.select_one("button[name='action-copy-translation']") is not None


def test_a_french_edit_flags_the_english_until_the_english_is_edited(translated):
    translated.standfirst_fr = "Un chapeau réécrit."
    translated.save_revision()
    assert list(StaleTranslation.objects.values_list("field_name", "language")) == [("standfirst", "en")]
    translated.standfirst_en = "A rewritten standfirst."
    translated.save_revision()
    assert not StaleTranslation.objects.exists()


def test_french_and_english_edited_together_are_not_stale(translated):
    translated.standfirst_fr = "Un chapeau réécrit."
    translated.standfirst_en = "A rewritten standfirst."
    translated.save_revision()
    assert not StaleTranslation.objects.exists()


def test_english_to_review_shows_in_the_panel_the_report_and_the_listing(client, chief, translated):
    translated.standfirst_fr = "Un chapeau réécrit."
    translated.save_revision()
    stale = soup(client.get(f"/admin/pages/{translated.pk}/edit/")).select_one("[data-translation-stale]")
    assert "Anglais à relire" in stale.get_text() and "Chapeau" in stale.get_text()
    report = soup(client.get("/admin/reports/missing-translations/"))
    assert "Chapeau" in report.select_one("[data-to-review]").get_text()
    listing = soup(client.get("/admin/article_listing/", {"english_to_review": "on"})).select_one("main")
    assert "Le Maghreb" in listing.get_text() and "Anglais à relire" in listing.get_text()


def test_marking_the_translation_reviewed_clears_the_flag(client, chief, translated):
    translated.standfirst_fr = "Un chapeau réécrit."
    translated.save_revision()
    assert post_action(client, translated, "action-translation-reviewed").status_code == 302
    assert not StaleTranslation.objects.exists()


def test_the_article_listing_shows_no_filter_chip_when_nothing_is_filtered(client, chief, translated):
    page = soup(client.get("/admin/article_listing/"))
    assert not page.select("[data-w-active-filter-id]")
    assert "False" not in page.select_one("main").get_text()
    ticked = soup(client.get("/admin/article_listing/", {"english_missing": "on"}))
    assert ticked.select("[data-w-active-filter-id]")
