"""A submission for review reaches the moderators by e-mail, each in their own admin language."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.users.models import UserProfile

from articles.factories import ArticlePageFactory
from editorial.roles import EDITORS, MODERATORS, ensure_roles
from tests.core.test_bilingual_editing import edit_data


def member(username, group, language):
    user = get_user_model().objects.create_user(
        username, f"{username}@oswego.example", "a-long-test-password", first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.mark.parametrize(("language", "words"), [("fr", "soumis"), ("en", "submitted")])
def test_a_moderator_is_told_of_a_submission_in_their_admin_language(client, news_index, person, language, words):
    ensure_roles()
    editor = member("writer", EDITORS, "fr")
    moderator = member("reviewer", MODERATORS, language)
    draft = ArticlePageFactory(parent=news_index, title_fr="À relire", live=False, authors=[person], owner=editor)
    draft.save_revision()
    client.force_login(editor)
    mail.outbox.clear()
    data = edit_data(client, draft)
    response = client.post(f"/admin/pages/{draft.pk}/edit/", {**data, "action-submit": "action-submit"})
    assert response.status_code == 302
    messages = [message for message in mail.outbox if moderator.email in message.to]
    assert messages, [message.to for message in mail.outbox]
    assert words in (messages[0].subject + messages[0].body).lower()


@pytest.mark.parametrize(
    ("action", "language", "words"),
    [
        ("approve", "fr", "approuv"),
        ("approve", "en", "approved"),
        ("reject", "fr", "rejet"),
        ("reject", "en", "rejected"),
    ],
)
def test_the_editor_hears_of_the_decision_in_their_admin_language(news_index, person, action, language, words):
    ensure_roles()
    editor = member("writer", EDITORS, language)
    moderator = member("reviewer", MODERATORS, "fr" if language == "en" else "en")
    draft = ArticlePageFactory(parent=news_index, title_fr="À relire", live=False, authors=[person], owner=editor)
    draft.save_revision(user=editor)
    draft.get_workflow().start(draft, editor)
    mail.outbox.clear()
    task_state = draft.current_workflow_task_state.specific
    getattr(task_state, action)(user=moderator)
    messages = [message for message in mail.outbox if editor.email in message.to]
    assert messages, [message.to for message in mail.outbox]
    assert words in (messages[0].subject + messages[0].body).lower()
