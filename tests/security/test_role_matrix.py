"""Each role opens what it needs in the admin and nothing else (editorial/roles.py).

Editors write and submit, never read leads and never delete what other people made; Moderators publish and delete;
Sales read leads and nothing else. Where Wagtail itself would let a role through, the site refuses with a 403.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import translation
from django.utils.translation import gettext
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from articles.factories import ArticlePageFactory
from articles.models import ArticleIndexPage, ArticlePage
from contact.models import Lead
from core.models import SiteSettings
from editorial.roles import EDITORS, MODERATORS, SALES, ensure_roles
from tests.helpers import staff_by_role
from tests.security.test_admin_permissions import walk

OK, NO, FORBIDDEN = "ok", "refused", "403"


@pytest.fixture
def staff(demo_site):
    return staff_by_role()


@pytest.fixture
def things(staff):
    """What the matrix opens: other people's and one's own pages, images and documents, a lead."""
    someone = get_user_model().objects.create_user("someone", "someone@example.org", "a-long-test-password")
    news = ArticleIndexPage.objects.get()
    others_draft = ArticlePageFactory(parent=news, title_fr="Brouillon d’un autre", live=False, owner=someone)
    own_draft = ArticlePageFactory(parent=news, title_fr="Mon brouillon", live=False, owner=staff[EDITORS])
    image = get_image_model().objects.create(title="Autre", file=get_test_image_file(), uploaded_by_user=someone)
    own_image = get_image_model().objects.create(
        title="Mienne", file=get_test_image_file(), uploaded_by_user=staff[EDITORS]
    )
    document = get_document_model().objects.create(
        title="Autre", file=ContentFile(b"text", name="autre.txt"), uploaded_by_user=someone
    )
    lead = Lead.objects.create(
        name="Prospect", email="p@example.org", company="Atlas", message="Bonjour", language="fr"
    )
    return {
        "article": ArticlePage.objects.live().first(),
        "others_draft": others_draft,
        "own_draft": own_draft,
        "image": image,
        "own_image": own_image,
        "document": document,
        "lead": lead,
    }


def matrix(things):
    """(url, editors, moderators, sales)."""
    article, others, own = things["article"].pk, things["others_draft"].pk, things["own_draft"].pk
    settings = f"/admin/settings/core/sitesettings/{SiteSettings.load().pk}/"
    return [
        ("/admin/", OK, OK, OK),
        ("/admin/pages/", OK, OK, NO),
        (f"/admin/pages/{article}/edit/", OK, OK, NO),
        (f"/admin/pages/{others}/edit/", OK, OK, NO),
        ("/admin/article_listing/", OK, OK, NO),
        ("/admin/reports/missing-translations/", OK, OK, FORBIDDEN),
        (f"/admin/pages/{article}/unpublish/", NO, OK, NO),
        (f"/admin/pages/{article}/delete/", NO, OK, NO),
        (f"/admin/pages/{others}/delete/", FORBIDDEN, OK, NO),
        (f"/admin/pages/{own}/delete/", OK, OK, NO),
        ("/admin/images/", OK, OK, NO),
        (f"/admin/images/{things['image'].pk}/", NO, OK, NO),
        (f"/admin/images/{things['own_image'].pk}/", OK, OK, NO),
        (f"/admin/images/{things['image'].pk}/delete/", NO, OK, NO),
        (f"/admin/images/{things['own_image'].pk}/delete/", OK, OK, NO),
        ("/admin/documents/", OK, OK, NO),
        (f"/admin/documents/delete/{things['document'].pk}/", NO, OK, NO),
        ("/admin/snippets/articles/topic/", OK, OK, NO),
        ("/admin/leads/", NO, NO, OK),
        (f"/admin/leads/inspect/{things['lead'].pk}/", NO, NO, OK),
        (settings, NO, OK, NO),
        ("/admin/redirects/", NO, OK, NO),
        ("/admin/users/", NO, NO, NO),
        ("/admin/groups/", NO, NO, NO),
        ("/admin/workflows/list/", NO, NO, NO),
    ]


def outcome(response):
    if response.status_code == 200:
        return OK
    if response.status_code in (403, 404):
        return FORBIDDEN
    return f"unexpected {response.status_code}"


def test_each_role_opens_exactly_what_it_needs(client, staff, things):
    wrong = []
    for url, *expected in matrix(things):
        for group, want in zip((EDITORS, MODERATORS, SALES), expected, strict=True):
            client.force_login(staff[group])
            got = outcome(walk(client, url))
            # Every refusal is a 403 (editorial/forbidden.py), never a redirect to the dashboard.
            if got != want and not (want == NO and got == FORBIDDEN):
                wrong.append((group, url, want, got))
    assert not wrong


def test_an_editor_cannot_delete_someone_elses_draft_by_posting(client, staff, things):
    client.force_login(staff[EDITORS])
    draft = things["others_draft"]
    assert client.post(f"/admin/pages/{draft.pk}/delete/").status_code == 403
    assert Page.objects.filter(pk=draft.pk).exists()


def test_an_editor_deletes_their_own_draft(client, staff, things):
    client.force_login(staff[EDITORS])
    draft = things["own_draft"]
    client.post(f"/admin/pages/{draft.pk}/delete/")
    assert not Page.objects.filter(pk=draft.pk).exists()


def test_the_roles_are_set_exactly_and_again_after_migrate(staff):
    editors = Group.objects.get(name=EDITORS)
    editors.permissions.add(*Group.objects.get(name=SALES).permissions.all())
    ensure_roles()
    ensure_roles()
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert "view_lead" not in codenames
    assert not editors.collection_permissions.filter(permission__codename__startswith="delete_").exists()
    assert set(Group.objects.get(name=SALES).permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "view_lead",
        "view_dailyviews",
    }


@pytest.mark.parametrize("url", ["/admin/leads/", "/admin/leads/?export=csv", "/admin/leads/?export=xlsx"])
def test_an_editor_cannot_list_or_export_leads(client, staff, things, url):
    client.force_login(staff[EDITORS])
    response = client.get(url)
    assert response.status_code == 403
    assert b"p@example.org" not in response.content


def test_an_editor_cannot_delete_an_image_someone_else_uploaded(client, staff, things):
    client.force_login(staff[EDITORS])
    image = things["image"]
    assert client.post(f"/admin/images/{image.pk}/delete/").status_code == 403
    assert get_image_model().objects.filter(pk=image.pk).exists()


def test_an_editor_cannot_delete_a_document_someone_else_uploaded(client, staff, things):
    client.force_login(staff[EDITORS])
    document = things["document"]
    assert client.post(f"/admin/documents/delete/{document.pk}/").status_code == 403
    assert get_document_model().objects.filter(pk=document.pk).exists()


def test_an_editor_cannot_edit_the_site_settings_nor_accounts(client, staff, things):
    client.force_login(staff[EDITORS])
    for url in ("/admin/users/", "/admin/groups/", f"/admin/settings/core/sitesettings/{SiteSettings.load().pk}/"):
        response = client.get(url)
        assert response.status_code == 403, url
        # The site's "Not allowed" page, saying why in the admin's language (French by default).
        with translation.override("fr"):
            assert gettext("Not allowed") in response.content.decode()
