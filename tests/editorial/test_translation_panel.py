"""The Translation panel stays in view and says what is missing, even before the first save."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from articles.factories import ArticlePageFactory
from tests.helpers import form_values, soup

# wagtail-modeltranslation's toggle hides every panel whose text matches this (language_toggles.js).
TOGGLE_PATTERN = re.compile(r" \[(fr|en)\]")


@pytest.fixture
def chief(db, client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "a-long-test-password")
    client.force_login(user)
    return user


def panel(response):
    return soup(response).select_one("[data-translation-status]")


def language_row(response, code):
    return panel(response).select_one(f'[data-language="{code}"]')


def test_the_panel_never_names_a_field_the_way_the_language_toggle_hides(client, chief, news_index):
    page = ArticlePageFactory(parent=news_index, standfirst_en="", body_en="[]")
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    text = panel(response).get_text(" ")
    assert "Chapeau" in language_row(response, "en").get_text()
    assert not TOGGLE_PATTERN.search(text)


def test_missing_fields_are_links_to_the_fields(client, chief, news_index):
    page = ArticlePageFactory(parent=news_index, standfirst_en="")
    links = language_row(client.get(f"/admin/pages/{page.pk}/edit/"), "en").select("a[data-translation-target]")
    assert [(link.get_text(strip=True), link["href"]) for link in links] == [("Chapeau", "#id_standfirst_en")]


def test_a_blank_new_page_is_not_called_complete(client, chief, news_index):
    response = client.get(f"/admin/pages/add/articles/articlepage/{news_index.pk}/")
    for code in ("fr", "en"):
        row = language_row(response, code)
        assert "complet" not in row.get_text()
        assert "Titre" in row.get_text()


def test_after_a_failed_save_the_panel_counts_what_was_typed(client, chief, news_index):
    url = f"/admin/pages/add/articles/articlepage/{news_index.pk}/"
    data = form_values(client.get(url), "form#page-edit-form")
    # French title typed, English title too, but no author: the save fails.
    data.update(title_fr="Un titre", title_en="A title", standfirst_fr="Un chapeau.", standfirst_en="")
    data.update({"body_fr-count": "0", "body_en-count": "0"})
    response = client.post(url, data)
    assert response.status_code == 200
    french = language_row(response, "fr").get_text(" ", strip=True)
    english = language_row(response, "en").get_text(" ", strip=True)
    assert "Titre" not in french and "Chapeau" not in french
    assert "Chapeau" in english and "Titre" not in english


def test_the_panel_describes_its_fields_for_the_live_script(client, chief, news_index):
    page = ArticlePageFactory(parent=news_index)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    spec = soup(response).select_one("#oswego-translation-fields").string
    fields = {field["name"]: field for field in json.loads(spec)}
    assert fields["title"]["required"] is True
    assert fields["body"]["kind"] == "stream"
    assert 'src="/static/editorial/translation_panel.js"' in response.content.decode()


def test_the_language_toggle_is_labelled_in_french_in_the_french_admin(client, chief, news_index):
    profile = UserProfile.get_for_user(chief)
    profile.preferred_language = "fr"
    profile.save()
    page = ArticlePageFactory(parent=news_index)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "viewEditString: 'Afficher / modifier les champs en'" in html
    assert "locale_picker_restore: true" in html
