"""The help menu opens the firm's own guide, in the admin's language; the editor sees counters and French names."""

import json

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from tests.helpers import soup


@pytest.fixture
def staff(db, client):
    def sign_in(language):
        user = get_user_model().objects.create_superuser(f"chief-{language}", f"{language}@oswego.example", "pw-long-1")
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        return client

    return sign_in


@pytest.mark.parametrize(("language", "heading"), [("fr", "Guide de l’éditeur"), ("en", "Editor's guide")])
def test_the_help_menu_opens_the_firms_guide_in_the_admin_language(staff, home, language, heading):
    client = staff(language)
    dashboard = client.get("/admin/").content.decode()
    assert '"url": "/admin/guide/"' in dashboard  # the help menu, in the sidebar's data
    assert "guide.wagtail.org/en/releases" not in dashboard
    guide = soup(client.get("/admin/guide/"))
    assert heading in guide.select_one("article.oswego-guide h1").get_text()
    picture = guide.select_one("article.oswego-guide img")["src"]
    response = client.get(picture)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"


def test_the_guide_links_to_its_other_language_and_serves_only_its_pictures(staff, home):
    client = staff("fr")
    guide = soup(client.get("/admin/guide/"))
    assert guide.select_one('article a[href="/admin/guide/?lang=en"]') is not None
    assert client.get("/admin/guide/images/Secret.PNG").status_code == 404
    assert client.get("/admin/guide/images/missing.png").status_code == 404


def test_the_editor_counts_title_and_description_lengths_in_french(staff, home):
    page = soup(staff("fr").get(f"/admin/pages/{home.pk}/edit/"))
    counters = page.select_one("script[data-limits]")
    assert "caractères recommandés" in json.loads(counters["data-strings"])["count"]
    assert json.loads(counters["data-limits"]) == {"title": 60, "seo_title": 60, "search_description": 155}
