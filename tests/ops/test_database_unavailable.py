"""A lost database gives a short 503 page in the visitor's language, and /healthz tells load balancers."""

from unittest import mock

import pytest
from django.db.utils import InterfaceError, OperationalError
from django.test import Client
from wagtail.models import Site

from tests.helpers import soup


def failing(exception):
    return mock.patch.object(Site, "find_for_request", side_effect=exception("server closed the connection"))


class FailingMiddleware:
    """Stands for any middleware that reaches the database before the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise OperationalError("connection refused")


@pytest.fixture
def visitor():
    # A real visitor's browser gets the error page, not the exception.
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("exception", [OperationalError, InterfaceError])
def test_database_error_in_a_view_gives_503_with_retry_after(visitor, home, exception):
    with failing(exception):
        response = visitor.get("/en/")
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    page = soup(response)
    assert page.html["lang"] == "en"
    assert "Back in a moment" in page.h1.get_text()
    # Nothing inline: it stands under the public Content-Security-Policy.
    assert not page.find_all("script") and not page.find_all("style") and not page.find_all(style=True)


def test_the_503_page_is_in_the_language_of_the_url(visitor, home):
    with failing(OperationalError):
        response = visitor.get("/fr/actualites/")
    assert response.status_code == 503
    page = soup(response)
    assert page.html["lang"] == "fr"
    assert "De retour dans un instant" in page.h1.get_text()
    assert response["Content-Language"] == "fr"


def test_outside_the_language_prefix_the_browser_language_is_used(visitor, home):
    with failing(OperationalError):
        response = visitor.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code in (302, 503)
    with mock.patch("ops.views.connection") as connection:
        connection.cursor.side_effect = OperationalError("down")
        response = visitor.get("/healthz", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 503


def test_database_error_raised_by_a_middleware_also_gives_503(visitor, home, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.ops.test_database_unavailable.FailingMiddleware"]
    response = visitor.get("/en/news/")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "Back in a moment" in soup(response).h1.get_text()
    # The security headers are there too.
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_other_errors_still_give_the_500_page(visitor, home):
    with failing(ValueError):
        response = visitor.get("/en/")
    assert response.status_code == 500


def test_the_503_page_needs_no_database(visitor, home, django_assert_num_queries):
    with failing(OperationalError), django_assert_num_queries(0):
        response = visitor.get("/en/")
    assert response.status_code == 503


def test_site_answers_again_once_the_database_is_back(visitor, home):
    with failing(OperationalError):
        assert visitor.get("/en/").status_code == 503
    assert visitor.get("/en/").status_code == 200


def test_healthz_answers_200_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_does_not(client, db):
    with mock.patch("ops.views.connection") as connection:
        connection.cursor.side_effect = OperationalError("connection refused")
        response = client.get("/healthz")
    assert response.status_code == 503
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_healthz_lives_outside_the_language_prefix(client, home):
    assert client.get("/fr/healthz", follow=True).status_code == 404
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
