"""Hostile HTML stored through the ORM never runs: not on the public page, "View draft", preview or in the editor.

core/sanitise.py cleans rich text on every save (pages, revisions, snippets), with the allow-list of the field's
editor features; editorial/rich_text.py keeps the editor readable whatever the database holds.
"""

import json

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from articles.models import ArticlePage
from core.sanitise import clean_html
from people.models import PersonPage
from tests.helpers import form_values, soup

HOSTILE = (
    '<p>Bonjour<script>alert("script")</script><img src="x" onerror="alert(\'img\')">'
    '<a href="javascript:alert(\'href\')">lien</a><iframe src="https://evil.example/"></iframe>'
    "<b onclick=\"alert('b')\">gras</b></p>"
)


def assert_harmless(response):
    assert response.status_code == 200
    html = response.content.decode()
    assert not soup(response).select("iframe, img[onerror], [onclick]")
    assert "alert(" not in html
    assert "javascript:" not in html


@pytest.fixture
def admin_client(client, demo_site):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "a-long-test-password")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ('<p><a href="javascript:alert(1)">x</a></p>', "<p><a>x</a></p>"),
        ('<p><a linktype="page" id="3">page</a></p>', '<p><a linktype="page" id="3">page</a></p>'),
        ('<p><a href="https://oswego.example/">web</a></p>', '<p><a href="https://oswego.example/">web</a></p>'),
        ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
        ("<ul><li><b>gras</b> et <i>italique</i></li></ul>", "<ul><li><b>gras</b> et <i>italique</i></li></ul>"),
        ("<p>13\u00a0%</p>", "<p>13\u00a0%</p>"),
    ],
)
def test_clean_html_keeps_what_the_editor_makes_and_nothing_else(dirty, clean):
    assert clean_html(dirty, ["bold", "italic", "link", "ol", "ul"]) == clean


def test_features_a_field_does_not_offer_are_removed():
    assert clean_html("<ul><li>item</li></ul><h2>titre</h2>", ["bold"]) == "itemtitre"


def test_a_biography_saved_from_the_shell_is_stored_clean(demo_site):
    person = PersonPage.objects.first()
    person.biography_fr = HOSTILE
    person.save()
    stored = PersonPage.objects.values_list("biography_fr", flat=True).get(pk=person.pk)
    assert "<script" not in stored and "onerror" not in stored and "javascript:" not in stored
    assert "<iframe" not in stored and "onclick" not in stored
    assert "<b>gras</b>" in stored


def test_an_article_paragraph_in_a_revision_is_stored_clean(demo_site):
    article = ArticlePage.objects.live().first()
    article.body_fr = [{"type": "paragraph", "value": HOSTILE}]
    revision = article.save_revision()
    revision.refresh_from_db()
    assert "<script" not in json.dumps(revision.content)
    assert "onerror" not in json.dumps(revision.content)


def test_hostile_html_runs_nowhere(admin_client):
    person = PersonPage.objects.first()
    person.biography_fr = HOSTILE
    person.save_revision().publish()
    article = ArticlePage.objects.live().first()
    article.body_fr = [{"type": "paragraph", "value": HOSTILE}]
    article.save_revision()  # a draft, for "View draft"

    with translation.override("fr"):
        public = admin_client.get(person.get_url())
    assert_harmless(public)

    for page in (person, article):
        draft = admin_client.get(f"/admin/pages/{page.pk}/view_draft/")
        assert_harmless(draft)

        editor = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert editor.status_code == 200
        assert "alert(" not in editor.content.decode()

    # Preview renders what the editor posts (a StreamField's form is built by the browser: tests/browser/).
    editor = admin_client.get(f"/admin/pages/{person.pk}/edit/")
    preview_url = f"/admin/pages/{person.pk}/edit/preview/"
    assert admin_client.post(preview_url, form_values(editor, "form[data-edit-form]")).json()["is_valid"]
    assert_harmless(admin_client.get(preview_url))


def test_the_editor_opens_html_written_around_save(admin_client):
    """A QuerySet.update (or SQL) skips save(): the editor still opens, with the text and without the script."""
    person = PersonPage.objects.first()
    article = ArticlePage.objects.live().first()
    PersonPage.objects.filter(pk=person.pk).update(biography_fr=HOSTILE)
    ArticlePage.objects.filter(pk=article.pk).update(body_fr=[{"type": "paragraph", "value": HOSTILE, "id": "x"}])
    for page in (person, article):
        editor = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert editor.status_code == 200
        assert "alert(" not in editor.content.decode()
    with translation.override("fr"):
        public = admin_client.get(article.get_url())
    assert_harmless(public)
