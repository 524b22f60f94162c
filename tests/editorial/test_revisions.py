"""Revisions worth comparing: an editing session leaves one draft revision however often autosave runs and whether
or not the editor clicks "Save draft"; the comparison reads the editor's words, not the stored codes."""

import json

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Revision

from articles.factories import ArticlePageFactory
from tests.helpers import form_values, soup


@pytest.fixture
def chief(db, client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "a-long-test-password")
    client.force_login(user)
    return user


def revisions(page):
    return Revision.page_revisions.filter(object_id=str(page.pk))


def autosave(client, url, data):
    """What Wagtail's autosave sends: the whole form, as JSON, with the session's revision once it has one."""
    response = client.post(url, data, HTTP_ACCEPT="application/json")
    body = json.loads(response.content)
    assert body["success"], body
    return body["revision_id"]


def test_an_editing_session_leaves_one_draft_revision(client, chief, news_index, person):
    page = ArticlePageFactory(parent=news_index, authors=[person], body_fr="[]", body_en="[]")
    page.save_revision()
    before = revisions(page).count()
    url = f"/admin/pages/{page.pk}/edit/"
    data = form_values(client.get(url), "form#page-edit-form")
    # The bodies are drawn by the admin's script: empty here.
    data.update({"body_fr-count": "0", "body_en-count": "0"})
    session_revision = None
    for standfirst in ("Un chapeau", "Un chapeau plus long", "Un chapeau plus long encore."):
        data["standfirst_fr"] = standfirst
        if session_revision:
            data["overwrite_revision_id"] = str(session_revision)
        session_revision = autosave(client, url, data)
    assert revisions(page).count() == before + 1
    # "Save draft": the editor's script sends the session's revision along (editorial/static/editorial/
    # one_revision.js), so the click rewrites it instead of adding a near-identical one.
    data["standfirst_fr"] = "Le chapeau enregistré."
    client.post(url, data)
    assert revisions(page).count() == before + 1
    assert revisions(page).latest("pk").content["standfirst_fr"] == "Le chapeau enregistré."


def test_the_editor_loads_the_one_revision_script(client, chief, news_index):
    page = ArticlePageFactory(parent=news_index)
    scripts = [script.get("src", "") for script in soup(client.get(f"/admin/pages/{page.pk}/edit/")).select("script")]
    assert any(src.endswith("editorial/one_revision.js") for src in scripts)


def heading(text, level):
    return {"type": "heading", "value": {"text": text, "level": level}, "id": "0b5f8a3e-1d0c-4b7e-9f5e-1f2a3b4c5d01"}


def checklist(style):
    return {
        "type": "list",
        "value": {"style": style, "items": ["Un engagement"]},
        "id": "0b5f8a3e-1d0c-4b7e-9f5e-1f2a3b4c5d02",
    }


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>", "id": "0b5f8a3e-1d0c-4b7e-9f5e-1f2a3b4c5d03"}


def test_the_comparison_shows_block_names_and_the_editors_words(client, chief, news_index):
    page = ArticlePageFactory(
        parent=news_index, body_fr=json.dumps([heading("Nos engagements", "h2"), checklist("bullet")])
    )
    first = page.save_revision()
    page.body_fr = json.dumps([heading("Nos engagements", "h3"), checklist("check"), paragraph("Un ajout.")])
    second = page.save_revision()
    response = client.get(f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{second.pk}/")
    assert response.status_code == 200
    text = " ".join(soup(response).select_one("main").get_text(" ").split())
    names = [name.get_text(" ", strip=True) for name in soup(response).select(".oswego-block-name")]
    assert names == ["Titre de section — modifié", "Liste — modifié", "Paragraphe — ajouté"]
    for words in ("Section", "Sous-section", "Puces", "Coches"):
        assert words in text
    for code in ("h2", "h3", "check", "bullet"):
        assert f" {code} " not in f" {text} "
