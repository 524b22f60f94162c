"""``/l/<code>`` opens the page in the link's language wherever it is now, counts people (not machines), sets no
cookie, and answers the site's 404 page for anything else."""

import pytest

from links.models import ShortLink
from tests.helpers import soup

from .conftest import BROWSER

ARTICLE_EN = "/en/news/oswego-opens-in-the-maghreb/"


def opens(link):
    return sum(link.opens.values_list("count", flat=True))


def test_the_link_redirects_to_the_page_in_its_language_and_counts_one_open(open_link, link):
    response = open_link(link.code)
    assert response.status_code == 302
    assert response["Location"] == f"{ARTICLE_EN}?via={link.code}"
    assert opens(link) == 1


def test_the_redirect_sets_no_cookie_and_is_never_cached(open_link, link, client):
    response = open_link(link.code)
    assert not response.cookies
    assert "Set-Cookie" not in response
    assert "no-store" in response["Cache-Control"]
    landing = client.get(response["Location"], HTTP_USER_AGENT=BROWSER)
    assert landing.status_code == 200
    assert not landing.cookies


def test_the_link_follows_a_slug_change(open_link, link, article):
    article.slug_en = "the-maghreb-launch"
    article.save_revision().publish()
    response = open_link(link.code)
    assert response["Location"] == f"/en/news/the-maghreb-launch/?via={link.code}"


def test_a_french_link_opens_the_french_page(open_link, sofia, article):
    french = ShortLink.for_owner(sofia, article, "fr")
    assert open_link(french.code)["Location"] == f"/fr/actualites/oswego-simplante-au-maghreb/?via={french.code}"


def test_asking_twice_for_ones_link_gives_the_same_link(sofia, article, link):
    assert ShortLink.for_owner(sofia, article, "en") == link
    assert ShortLink.objects.count() == 1


@pytest.mark.parametrize("code", ["AbCdEfGh", "nope", "x" * 64, "%00", "abc'def\""])
def test_an_unknown_code_is_the_sites_404_page(client, home, code):
    response = client.get(f"/l/{code}", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 404
    assert soup(response).select_one("h1").get_text(strip=True) == "Page introuvable"
    assert "Set-Cookie" not in response


def test_an_unknown_code_answers_in_the_visitors_language(client, home):
    response = client.get("/l/AbCdEfGh", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 404
    assert soup(response).select_one("h1").get_text(strip=True) == "Page not found"


def test_a_disabled_link_is_a_404_in_its_language_and_counts_nothing(open_link, link):
    link.disabled = True
    link.save()
    response = open_link(link.code, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 404
    assert soup(response).select_one("html")["lang"] == "en"
    assert soup(response).select_one("h1").get_text(strip=True) == "Page not found"
    assert opens(link) == 0


def test_a_link_to_an_unpublished_page_is_a_404(open_link, link, article):
    article.unpublish()
    assert open_link(link.code).status_code == 404


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_USER_AGENT": "WhatsApp/2.23.20.0 A"},
        {"HTTP_USER_AGENT": "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"},
        {"HTTP_USER_AGENT": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
        {"HTTP_USER_AGENT": "facebookexternalhit/1.1"},
        {"HTTP_USER_AGENT": ""},
        {"HTTP_USER_AGENT": BROWSER, "HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_USER_AGENT": BROWSER, "HTTP_PURPOSE": "prefetch"},
    ],
)
def test_link_previews_bots_and_prefetches_are_redirected_but_not_counted(client, link, headers):
    response = client.get(f"/l/{link.code}", **headers)
    assert response.status_code == 302
    assert opens(link) == 0


def test_a_head_request_is_not_counted(client, link):
    assert client.head(f"/l/{link.code}", HTTP_USER_AGENT=BROWSER).status_code == 302
    assert opens(link) == 0
