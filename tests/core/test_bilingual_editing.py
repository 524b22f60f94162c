"""Marketing staff work in both languages with confidence (admin side)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from articles.factories import ArticlePageFactory, stream
from articles.models import ArticlePage
from editorial.roles import EDITORS, MODERATORS
from tests.helpers import form_values, soup


def admin_language(user, code):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("chief", "chief@example.com", "a-long-test-password")


@pytest.fixture
def article(news_index, person):
    return ArticlePageFactory(
        parent=news_index,
        authors=[person],
        title_fr="Le Maghreb",
        slug_fr="le-maghreb",
        title_en="The Maghreb",
        slug_en="the-maghreb",
        standfirst_fr="Chapeau français.",
        standfirst_en="English standfirst.",
    )


def edit_data(client, page):
    """The edit form as a browser would post it; StreamFields are drawn by JavaScript, so rebuilt here."""
    data = form_values(client.get(f"/admin/pages/{page.pk}/edit/"), "form#page-edit-form")
    for field in ("body_fr", "body_en"):
        value = getattr(page, field, None)
        if value is not None:
            blocks = [(child.block_type, rich_text(child.value.source)) for child in value]
            data.update(nested_form_data({field: streamfield(blocks)}))
    return data


@pytest.mark.parametrize(("admin_code", "mode", "expected"), [("fr", "en", "The Maghreb"), ("en", "fr", "Le Maghreb")])
def test_preview_in_either_language_whatever_the_admin_language(client, superuser, article, admin_code, mode, expected):
    admin_language(superuser, admin_code)
    client.force_login(superuser)
    url = f"/admin/pages/{article.pk}/edit/preview/"
    assert client.post(url, edit_data(client, article)).json()["is_valid"]
    response = client.get(url, {"mode": mode})
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == mode
    assert page.h1.get_text(strip=True) == expected


def test_preview_shows_the_fallback_a_reader_would_see(client, superuser, news_index, person):
    draft = ArticlePageFactory(
        parent=news_index, title_fr="Seulement en français", title_en="", slug_en="", authors=[person]
    )
    client.force_login(superuser)
    url = f"/admin/pages/{draft.pk}/edit/preview/"
    client.post(url, edit_data(client, draft))
    page = soup(client.get(url, {"mode": "en"}))
    assert page.select_one("main")["lang"] == "fr"
    assert page.select_one(".translation-notice") is not None


def test_preview_modes_are_offered_in_the_editor(client, superuser, article):
    client.force_login(superuser)
    html = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert 'value="fr"' in html and 'value="en"' in html
    assert "Français" in html and "English" in html


def test_edit_view_lists_what_is_missing_in_english(client, superuser, news_index):
    page = ArticlePageFactory(parent=news_index, standfirst_en="", body_en="[]")
    client.force_login(superuser)
    status = soup(client.get(f"/admin/pages/{page.pk}/edit/")).select_one(".oswego-translation-status")
    english = status.select_one('[data-language="en"]').get_text(" ", strip=True).lower()
    assert "chapeau" in english and "corps" in english
    assert "complet" in status.select_one('[data-language="fr"]').get_text()
    assert "http://testserver/fr/actualites/" in status.get_text()


def test_translation_report_lists_a_page_until_its_english_body_is_written(client, superuser, news_index):
    page = ArticlePageFactory(parent=news_index, title_fr="À traduire", body_en="[]")
    client.force_login(superuser)
    report = soup(client.get("/admin/reports/missing-translations/"))
    row = next(tr for tr in report.select("tbody tr") if "À traduire" in tr.get_text())
    assert row.select_one("a")["href"] == f"/admin/pages/{page.pk}/edit/"
    assert "corps" in row.select_one('[data-language="en"]').get_text().lower()
    dashboard = soup(client.get("/admin/")).select_one(".oswego-missing-translations")
    assert "1 page" in dashboard.get_text()

    page.body_en = stream(("paragraph", "<p>Now in English.</p>"))
    page.save_revision().publish()
    report = soup(client.get("/admin/reports/missing-translations/"))
    assert "À traduire" not in report.get_text()


def test_article_listing_filters_articles_missing_english(client, superuser, news_index):
    ArticlePageFactory(parent=news_index, title_fr="Traduit", title_en="Translated")
    ArticlePageFactory(parent=news_index, title_fr="Pas traduit", title_en="", body_en="[]")
    client.force_login(superuser)
    response = client.get("/admin/article_listing/", {"english_missing": "on"})
    assert response.status_code == 200
    text = soup(response).select_one("main").get_text()
    assert "Pas traduit" in text and "Traduit" not in text.replace("Pas traduit", "")


def raw_columns(page):
    with connection.cursor() as cursor:
        cursor.execute("SELECT title, slug, draft_title FROM wagtailcore_page WHERE id = %s", [page.pk])
        return cursor.fetchone()


def test_saving_from_an_english_admin_keeps_the_base_columns_french(client, superuser, article):
    admin_language(superuser, "en")
    client.force_login(superuser)
    data = edit_data(client, article)
    data.update(standfirst_en="Edited in English.", **{"action-publish": "action-publish"})
    assert client.post(f"/admin/pages/{article.pk}/edit/", data).status_code == 302
    assert raw_columns(article) == ("Le Maghreb", "le-maghreb", "Le Maghreb")
    assert Page.objects.get(pk=article.pk).get_latest_revision().object_str == "Le Maghreb"


def test_english_slug_is_filled_from_the_english_title_when_left_empty(news_index):
    page = ArticlePageFactory(parent=news_index, title_en="Opening in Casablanca", slug_en="")
    page.refresh_from_db()
    assert page.slug_en == "opening-in-casablanca"


def test_duplicate_english_slug_among_siblings_is_refused_with_a_message(
    client, superuser, article, news_index, person
):
    other = ArticlePageFactory(
        parent=news_index, title_fr="Autre", slug_fr="autre", title_en="Other", slug_en="other", authors=[person]
    )
    client.force_login(superuser)
    data = edit_data(client, other)
    data.update(slug_en="the-maghreb", **{"action-publish": "action-publish"})
    response = client.post(f"/admin/pages/{other.pk}/edit/", data)
    assert response.status_code == 200
    assert "Ce slug est déjà utilisé" in response.content.decode()
    assert ArticlePage.objects.get(pk=other.pk).slug_en == "other"


@pytest.fixture
def team(db):
    call_command("migrate", "core", verbosity=0)  # runs post_migrate: the roles' permissions
    editor = get_user_model().objects.create_user("writer", password="a-long-test-password")
    editor.groups.add(Group.objects.get(name=EDITORS))
    moderator = get_user_model().objects.create_user("reviewer", password="a-long-test-password")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    return editor, moderator


def test_an_editor_can_submit_but_not_publish_and_a_moderator_can_publish(client, team, news_index, person):
    editor, moderator = team
    draft = ArticlePageFactory(parent=news_index, title_fr="À relire", live=False, authors=[person])
    draft.save_revision()
    client.force_login(editor)
    data = edit_data(client, draft)
    assert 'name="action-publish"' not in client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    response = client.post(f"/admin/pages/{draft.pk}/edit/", {**data, "action-publish": "action-publish"})
    assert not ArticlePage.objects.get(pk=draft.pk).live
    response = client.post(f"/admin/pages/{draft.pk}/edit/", {**data, "action-submit": "action-submit"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.workflow_in_progress

    client.force_login(moderator)
    data = edit_data(client, draft)
    response = client.post(f"/admin/pages/{draft.pk}/edit/", {**data, "action-publish": "action-publish"})
    assert response.status_code == 302
    assert ArticlePage.objects.get(pk=draft.pk).live


def test_scheduled_publication_goes_live_at_its_time(client, news_index):
    page = ArticlePageFactory(parent=news_index, title_fr="Programmé", slug_fr="programme", live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision().publish()
    assert client.get("/fr/actualites/programme/").status_code == 404
    # An hour later: move the schedule into the past rather than the clock forward.
    revision = page.get_latest_revision()
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    assert client.get("/fr/actualites/programme/").status_code == 200


def test_revision_compare_shows_a_changed_english_field(client, superuser, article):
    first = article.save_revision()
    article.standfirst_en = "A rewritten English standfirst."
    second = article.save_revision()
    client.force_login(superuser)
    response = client.get(f"/admin/pages/{article.pk}/revisions/compare/{first.pk}...{second.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "rewritten" in html
    assert "chapeau [en]" in html.lower()


def test_slugs_typed_with_accents_and_capitals_are_kept_ascii_and_lower_case(client, superuser, article):
    client.force_login(superuser)
    data = edit_data(client, article)
    data.update(slug_fr="Expérience Client", slug_en="Customer EXPERIENCE", **{"action-publish": "action-publish"})
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 302, soup(response).select(".error-message")
    article = ArticlePage.objects.get(pk=article.pk)
    assert (article.slug_fr, article.slug_en) == ("experience-client", "customer-experience")
    assert client.get("/fr/actualites/experience-client/").status_code == 200


def test_slugs_set_in_code_are_ascii_too(news_index):
    page = ArticlePageFactory(parent=news_index, title_fr="Été", slug_fr="Été-2026", slug_en="")
    page.full_clean()
    assert page.slug_fr == "ete-2026"


@pytest.mark.parametrize(
    ("admin_code", "message"), [("fr", "Ce slug est déjà utilisé"), ("en", "This slug is already in use")]
)
def test_a_slug_that_clashes_once_made_ascii_is_refused_in_the_editors_language(
    client, superuser, article, news_index, person, admin_code, message
):
    other = ArticlePageFactory(
        parent=news_index, title_fr="Autre", slug_fr="autre", title_en="Other", slug_en="other", authors=[person]
    )
    admin_language(superuser, admin_code)
    client.force_login(superuser)
    data = edit_data(client, other)
    data.update(slug_fr="Le Maghréb", **{"action-publish": "action-publish"})
    response = client.post(f"/admin/pages/{other.pk}/edit/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ArticlePage.objects.get(pk=other.pk).slug_fr == "autre"
