"""A low-privilege editor walks the admin: only their section opens, everything else is refused."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from articles.models import ArticleIndexPage, ArticlePage
from contact.models import ContactPage, Lead
from core.models import HomePage, SiteSettings
from people.models import PeopleIndexPage, PersonPage
from tests.helpers import form_values

SETTINGS = "/admin/settings/core/sitesettings/"


def refused(response):
    """Wagtail refuses with 403, 404 or a redirect to the dashboard (or the login page)."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response["Location"].split("?")[0] in ("/admin/", "/admin/login/")


def walk(client, url):
    """GET, following redirects within the admin (the settings URL redirects to the site's own)."""
    response = client.get(url)
    while response.status_code == 302 and not refused(response):
        response = client.get(response["Location"])
    return response


def settings_url():
    return f"{SETTINGS}{SiteSettings.load().pk}/"


@pytest.fixture
def news_writer(demo_site, client):
    """Signed in as a member of a group that may only add and edit pages under the news index."""
    group = Group.objects.create(name="News writers")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    news = ArticleIndexPage.objects.get()
    for permission_type in ("add", "change"):
        GroupPagePermission.objects.create(group=group, page=news, permission_type=permission_type)
    user = get_user_model().objects.create_user("writer", "writer@example.com", "a-long-test-password")
    user.groups.add(group)
    client.force_login(user)
    return client


def test_the_writer_edits_their_own_section(news_writer):
    news = ArticleIndexPage.objects.get()
    article = ArticlePage.objects.live().first()
    assert news_writer.get("/admin/").status_code == 200
    assert news_writer.get(f"/admin/pages/{news.pk}/edit/").status_code == 200
    assert news_writer.get(f"/admin/pages/{article.pk}/edit/").status_code == 200


def forbidden_urls():
    home = HomePage.objects.get()
    people = PeopleIndexPage.objects.get()
    person = PersonPage.objects.first()
    contact = ContactPage.objects.get()
    article = ArticlePage.objects.live().first()
    lead = Lead.objects.create(name="Prospect", email="p@example.com", company="Atlas", message="Hello", language="fr")
    return [
        SETTINGS,
        "/admin/users/",
        "/admin/users/new/",
        "/admin/groups/",
        "/admin/leads/",
        f"/admin/leads/inspect/{lead.pk}/",
        "/admin/redirects/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/articles/topic/",
        "/admin/workflows/list/",
        f"/admin/pages/{home.pk}/edit/",
        f"/admin/pages/{people.pk}/edit/",
        f"/admin/pages/{person.pk}/edit/",
        f"/admin/pages/{contact.pk}/edit/",
        f"/admin/pages/add/people/personpage/{people.pk}/",
        f"/admin/pages/{article.pk}/delete/",
        f"/admin/pages/{article.pk}/move/",
        f"/admin/pages/{article.pk}/unpublish/",
    ]


def test_the_writer_is_refused_everything_else(news_writer):
    for url in forbidden_urls():
        response = walk(news_writer, url)
        assert refused(response), (url, response.status_code, response.get("Location"))


def test_the_writer_cannot_change_a_page_outside_their_section_by_posting(news_writer):
    person = PersonPage.objects.first()
    response = news_writer.post(f"/admin/pages/{person.pk}/edit/", {"title_fr": "Piraté", "slug_fr": "pirate"})
    assert refused(response)
    person.refresh_from_db()
    assert person.title_fr != "Piraté"
    assert Page.objects.filter(title="Piraté").count() == 0


def test_the_writer_cannot_redirect_the_leads(news_writer):
    response = news_writer.post(settings_url(), {"contact_notification_email": "attacker@evil.example"})
    assert refused(response)
    assert SiteSettings.load().contact_notification_email != "attacker@evil.example"


def test_a_settings_editor_still_cannot_change_where_leads_go(demo_site, client):
    user = get_user_model().objects.create_user("web", "web@example.com", "a-long-test-password")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="core", codename="change_sitesettings"),
    )
    client.force_login(user)
    settings_before = SiteSettings.load().contact_notification_email
    data = form_values(client.get(SETTINGS, follow=True), "form[method=post]")
    data["contact_notification_email"] = "attacker@evil.example"
    # The menus are StreamFields, whose inputs the admin's script writes: an empty list of each.
    data.update({f"{menu}_{code}-count": "0" for menu in SiteSettings.MENUS for code in ("fr", "en")})
    response = client.post(settings_url(), data)
    assert response.status_code in (200, 302)
    assert SiteSettings.load().contact_notification_email == settings_before


def test_the_writer_cannot_change_a_persons_notification_address(demo_site, client):
    people = PeopleIndexPage.objects.get()
    group = Group.objects.create(name="People editors")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    GroupPagePermission.objects.create(group=group, page=people, permission_type="change")
    user = get_user_model().objects.create_user("hr", "hr@example.com", "a-long-test-password")
    user.groups.add(group)
    client.force_login(user)
    person = PersonPage.objects.first()
    response = client.get(f"/admin/pages/{person.pk}/edit/")
    assert response.status_code == 200
    assert b'name="notification_email"' not in response.content
    data = form_values(response, "form[method=post]")
    data["notification_email"] = "attacker@evil.example"
    client.post(f"/admin/pages/{person.pk}/edit/", data)
    person.refresh_from_db()
    assert person.notification_email != "attacker@evil.example"
