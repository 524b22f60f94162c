"""Where leads go is a superuser's decision: other editors never see the address."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from tests.helpers import soup

SETTINGS = "/admin/settings/core/sitesettings/"


def field_names(response):
    return {field["name"] for field in soup(response).select("form [name]")}


def test_superuser_sets_the_notification_address(superuser_client, home):
    response = superuser_client.get(SETTINGS, follow=True)
    assert response.status_code == 200
    assert "contact_notification_email" in field_names(response)


def test_editor_cannot_see_the_notification_address(client, home):
    group = Group.objects.get(name="Editors")
    group.permissions.add(Permission.objects.get(codename="change_sitesettings"))
    user = get_user_model().objects.create_user("editor", "editor@example.com", "a-long-test-password")
    user.groups.add(group)
    client.force_login(user)
    response = client.get(SETTINGS, follow=True)
    assert response.status_code == 200
    names = field_names(response)
    assert "legal_line_fr" in names
    assert "contact_notification_email" not in names
    assert b"contact_notification_email" not in response.content
