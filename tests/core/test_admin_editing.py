"""Editors write French and English side by side in the Wagtail admin."""

from core.models import HomePage
from tests.helpers import form_values, soup


def test_admin_login_page_is_served(client, home):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert soup(response).select_one('input[name="username"]') is not None


def test_edit_view_shows_french_and_english_fields(superuser_client, home):
    response = superuser_client.get(f"/admin/pages/{home.pk}/edit/")
    assert response.status_code == 200
    names = {field["name"] for field in soup(response).select("[name]")}
    for field in ("title", "slug", "hero_title", "hero_text"):
        assert {f"{field}_fr", f"{field}_en"} <= names


def test_editor_saves_both_languages_and_readers_see_each(superuser_client, client, home):
    url = f"/admin/pages/{home.pk}/edit/"
    data = form_values(superuser_client.get(url), "form#page-edit-form")
    data.update(hero_title_fr="Des opérations client solides", hero_title_en="Solid customer operations")
    # The sections' StreamField is drawn by the admin's script: post it as the script would, empty.
    data.update({"sections_fr-count": "0", "sections_en-count": "0"})
    data["action-publish"] = "action-publish"
    response = superuser_client.post(url, data)
    assert response.status_code == 302, soup(response).select(".error-message")
    home = HomePage.objects.get(pk=home.pk)
    assert (home.hero_title_fr, home.hero_title_en) == ("Des opérations client solides", "Solid customer operations")
    client.logout()
    assert soup(client.get("/fr/")).h1.get_text(strip=True) == "Des opérations client solides"
    assert soup(client.get("/en/")).h1.get_text(strip=True) == "Solid customer operations"
