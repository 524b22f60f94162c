"""Wagtail's moderation notices (a page submitted for review, approved or rejected) go through the mail queue."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import Page

from articles.factories import ArticlePageFactory
from tests.helpers import queued_jobs, run_queued_jobs

SEND = "ops.mail.send_email"


@pytest.fixture
def queued_mail(db, settings, database_queue):
    settings.EMAIL_BACKEND = "ops.mail.QueuedEmailBackend"
    settings.EMAIL_TRANSPORT = "django.core.mail.backends.locmem.EmailBackend"
    settings.WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False


def test_a_page_submitted_for_moderation_is_announced_to_the_moderators_by_the_worker(news_index, queued_mail):
    users = get_user_model()
    writer = users.objects.create_superuser("writer", "writer@example.com", "a-long-test-password")
    moderator = users.objects.create_user("moderator", "moderator@example.com", "a-long-test-password")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    article = ArticlePageFactory(parent=news_index, title_fr="Nouveau bureau à Tanger", live=False)
    article.save_revision(user=writer)

    Page.get_first_root_node().get_workflow().start(article, writer)

    assert mail.outbox == []  # nothing sent inside the request
    assert len(queued_jobs(SEND)) >= 1
    run_queued_jobs()
    notices = [email for email in mail.outbox if "moderator@example.com" in email.to]
    assert len(notices) == 1
    assert "Nouveau bureau à Tanger" in notices[0].subject + notices[0].body
