"""Staff accounts: lock-out after repeated failures, strong passwords, no hints about who has an account."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command

from tests.helpers import soup

LOGIN_URL = "/admin/login/"
PASSWORD = "a-long-test-password"  # noqa: S105


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser("chief", "chief@example.com", PASSWORD)


def log_in(client, username, password, address="127.0.0.1", **extra):
    """An English-speaking visitor signs in; ``address`` is what the proxy says in X-Real-IP."""
    data = {"username": username, "password": password, **extra}
    return client.post(LOGIN_URL, data, HTTP_ACCEPT_LANGUAGE="en", HTTP_X_REAL_IP=address)


def login_errors(response):
    return [item.get_text(" ", strip=True) for item in soup(response).select(".messages .error, .error-message")]


def test_five_failures_lock_the_username_out_with_a_clear_message(client, staff):
    for _ in range(4):
        assert log_in(client, "chief", "wrong-password").status_code == 200
    locked = log_in(client, "chief", "wrong-password")
    assert locked.status_code == 429
    text = soup(locked).get_text(" ", strip=True)
    assert "Too many failed sign-in attempts" in text
    assert "15 minutes" in text
    # Even the right password is refused while the lock lasts.
    assert log_in(client, "chief", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_lock_out_page_speaks_the_browser_language(client, staff):
    for _ in range(5):
        response = client.post(
            LOGIN_URL, {"username": "chief", "password": "nope"}, HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9"
        )
    assert response.status_code == 429
    page = soup(response)
    assert page.html["lang"] == "fr"
    assert "Trop de tentatives de connexion échouées" in page.get_text(" ", strip=True)
    assert "15 minutes" in page.get_text(" ", strip=True)


def test_unknown_usernames_are_locked_out_the_same_way(client, db):
    for _ in range(5):
        response = log_in(client, "nobody-here", "wrong-password")
    assert response.status_code == 429
    assert AccessAttempt.objects.filter(username="nobody-here").exists()


def test_a_successful_login_resets_the_count(client, staff):
    for _ in range(4):
        log_in(client, "chief", "wrong-password")
    assert log_in(client, "chief", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert log_in(client, "chief", "wrong-password").status_code == 200


def test_wrong_password_and_unknown_user_get_the_same_answer(client, staff):
    wrong_password = log_in(client, "chief", "wrong-password")
    unknown_user = log_in(client, "nobody-here", "wrong-password")
    assert wrong_password.status_code == unknown_user.status_code == 200
    assert login_errors(wrong_password) == login_errors(unknown_user)
    assert login_errors(wrong_password)


def test_password_reset_does_not_reveal_whether_an_account_exists(client, staff):
    known = client.post("/admin/password_reset/", {"email": "chief@example.com"})
    unknown = client.post("/admin/password_reset/", {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    # Only the real account gets an e-mail; the visitor cannot tell the difference.
    assert [message.to for message in mail.outbox] == [["chief@example.com"]]


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "http:evil.example",
        "https:///evil.example",
        " https://evil.example",
        "javascript:alert(1)",
    ],
)
def test_next_never_leaves_the_site(client, staff, next_url):
    response = log_in(client, "chief", PASSWORD, next=next_url)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    # Already signed in: the login page redirects, still within the site.
    response = client.get(LOGIN_URL, {"next": next_url})
    assert response["Location"] == "/admin/"


def test_next_within_the_site_is_followed(client, staff):
    response = log_in(client, "chief", PASSWORD, next="/admin/pages/")
    assert response["Location"] == "/admin/pages/"


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("Sh0rt&sweet", "password_too_short"),
        ("password1234", "password_too_common"),
        ("administrator", "password_too_common"),
        ("1234567890123", "password_entirely_numeric"),
        ("chief-example-com", "password_too_similar"),
    ],
)
def test_weak_passwords_are_refused(staff, password, code):
    with pytest.raises(ValidationError) as excinfo:
        validate_password(password, user=staff)
    assert code in [error.code for error in excinfo.value.error_list]


def test_a_long_uncommon_password_is_accepted(staff):
    validate_password("correct horse battery staple", user=staff)


def test_the_admin_refuses_a_weak_password_for_a_new_account(client, staff):
    client.force_login(staff)
    response = client.post(
        "/admin/users/new/",
        {
            "username": "newcomer",
            "email": "newcomer@example.com",
            "first_name": "New",
            "last_name": "Comer",
            "password1": "Sh0rt&sweet",
            "password2": "Sh0rt&sweet",
        },
    )
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="newcomer").exists()


def test_demo_command_creates_no_account_under_production_settings(db, tmp_path, settings):
    settings.VAR_DIR = tmp_path
    settings.LOCAL_ACCOUNTS = False
    call_command("load_demo_content", verbosity=0)
    assert not get_user_model().objects.exists()
    assert not list(tmp_path.glob("*password*"))


def test_behind_the_proxy_each_visitor_address_has_its_own_count(client, staff, settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    for _ in range(5):
        response = log_in(client, "chief", "nope", address="203.0.113.7")
    assert response.status_code == 429
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
    # Another visitor behind the same proxy still signs in.
    response = log_in(client, "chief", PASSWORD, address="198.51.100.2")
    assert response.status_code == 302
