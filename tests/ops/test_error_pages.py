"""Error pages speak the visitor's language and never claim a translation they do not have."""

import pytest
from django.test import Client
from django.urls import path

from oswego_site.urls import urlpatterns as site_urlpatterns
from tests.helpers import soup


@pytest.mark.parametrize(
    ("url", "lang", "heading"),
    [("/fr/nexiste-pas/", "fr", "Page introuvable"), ("/en/does-not-exist/", "en", "Page not found")],
)
def test_404_page_in_the_visitor_language(client, home, url, lang, heading):
    response = client.get(url)
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == lang
    assert page.h1.get_text(strip=True) == heading
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"


def test_404_page_switcher_leads_to_the_other_home_page(client, home):
    page = soup(client.get("/en/does-not-exist/"))
    links = {a["hreflang"]: a["href"] for a in page.select(".language-switcher a[hreflang]")}
    assert links == {"fr": "http://testserver/fr/"}


def _boom(request):
    raise RuntimeError("boom")


# The site's own URLs plus a view that fails, in each language.
urlpatterns = [path("fr/boom/", _boom), path("en/boom/", _boom), *site_urlpatterns]


@pytest.mark.urls("tests.ops.test_error_pages")
@pytest.mark.parametrize(
    ("url", "heading"), [("/en/boom/", "Something went wrong"), ("/fr/boom/", "Une erreur est survenue")]
)
def test_500_page_in_the_visitor_language(db, url, heading, settings):
    settings.LANGUAGE_CODE = "fr"
    client = Client(raise_request_exception=False)
    response = client.get(url)
    assert response.status_code == 500
    assert soup(response).h1.get_text(strip=True) == heading


def test_404_on_a_bare_install_without_a_home_page(client, db):
    # Straight after `migrate`: Wagtail's own welcome page is the site root.
    response = client.get("/en/nothing-here/")
    assert response.status_code == 404
    assert soup(response).h1.get_text(strip=True) == "Page not found"
