"""Staff sign in with a second factor: required for superusers and Moderators under production's setting, chosen by
Editors, with recovery codes and a command for a lost phone (editorial/two_factor.py)."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.roles import EDITORS, MODERATORS, ensure_roles

PASSWORD = "a-long-test-password"  # noqa: S105
pytestmark = pytest.mark.django_db
required = override_settings(STAFF_TWO_FACTOR_REQUIRED=True)


def code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(client, username):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client.get("/admin/")


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)


def member(name, group_name):
    ensure_roles()
    user = get_user_model().objects.create_user(name, f"{name}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@required
def test_a_superuser_signs_in_with_a_totp_code(client, superuser):
    device = TOTPDevice.objects.create(user=superuser, name="phone", confirmed=True)
    dashboard = sign_in(client, "root")
    assert dashboard.status_code == 302
    assert dashboard["Location"].startswith("/admin/two-factor/verify/")
    assert client.get("/admin/pages/").status_code == 302  # nothing else opens before the code

    wrong = client.post("/admin/two-factor/verify/", {"code": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200 and wrong.context["form"].errors["code"]
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)

    verified = client.post("/admin/two-factor/verify/", {"code": code(device), "next": "/admin/pages/"})
    assert verified.status_code == 302 and verified["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


@required
def test_a_superuser_without_a_device_enrols_and_gets_recovery_codes(client, superuser):
    assert sign_in(client, "root")["Location"].startswith("/admin/two-factor/")
    page = client.get("/admin/two-factor/")
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    done = client.post("/admin/two-factor/", {"code": code(device)})
    assert done.status_code == 200
    codes = done.context["codes"]
    assert len(codes) == 10 and all(recovery in done.content.decode() for recovery in codes)
    assert TOTPDevice.objects.get(user=superuser).confirmed
    assert client.get("/admin/").status_code == 200

    # A recovery code signs in once.
    client.logout()
    sign_in(client, "root")
    assert client.post("/admin/two-factor/verify/", {"code": codes[0]}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()
    sign_in(client, "root")
    assert client.post("/admin/two-factor/verify/", {"code": codes[0]}).status_code == 200


@required
def test_a_moderator_must_enrol_and_an_editor_may(client):
    member("reviewer", MODERATORS)
    member("writer", EDITORS)
    assert sign_in(client, "reviewer")["Location"].startswith("/admin/two-factor/")
    client.logout()
    assert sign_in(client, "writer").status_code == 200
    assert client.get("/admin/two-factor/").status_code == 200  # optional, offered


def test_an_editor_who_enrolled_is_asked_for_the_code_even_when_not_required(client):
    writer = member("writer", EDITORS)
    TOTPDevice.objects.create(user=writer, name="phone", confirmed=True)
    assert sign_in(client, "writer")["Location"].startswith("/admin/two-factor/verify/")


@required
def test_a_password_alone_cannot_replace_the_phone(client, superuser):
    device = TOTPDevice.objects.create(user=superuser, name="phone", confirmed=True)
    sign_in(client, "root")
    response = client.post("/admin/two-factor/", {"code": "123456"})
    assert response.status_code == 302 and response["Location"].startswith("/admin/two-factor/verify/")
    assert list(TOTPDevice.objects.filter(user=superuser)) == [device]


def test_the_reset_command_removes_a_lost_device(superuser):
    TOTPDevice.objects.create(user=superuser, name="phone", confirmed=True)
    StaticDevice.objects.create(user=superuser, name="codes", confirmed=True)
    out = StringIO()
    call_command("reset_two_factor", "root", stdout=out)
    assert "2 device(s) removed" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=superuser).exists()
    assert not StaticDevice.objects.filter(user=superuser).exists()


def test_production_settings_require_the_second_factor():
    from oswego_site.settings import base

    assert base.STAFF_TWO_FACTOR_REQUIRED is True


def test_an_editor_may_turn_the_second_factor_off_and_a_moderator_may_not(client):
    writer = member("writer", EDITORS)
    client.force_login(writer)
    device = TOTPDevice.objects.create(user=writer, name="phone", confirmed=True)
    client.post("/admin/two-factor/verify/", {"code": code(device)})
    assert client.post("/admin/two-factor/", {"turn_off": "1"}).status_code == 302
    assert not TOTPDevice.objects.filter(user=writer).exists()

    with required:
        reviewer = member("reviewer", MODERATORS)
        client.force_login(reviewer)
        device = TOTPDevice.objects.create(user=reviewer, name="phone", confirmed=True)
        client.post("/admin/two-factor/verify/", {"code": code(device)})
        assert client.post("/admin/two-factor/", {"turn_off": "1"}).status_code == 403
        assert TOTPDevice.objects.filter(user=reviewer).exists()
