"""Readers get no cookie at all: every page of the sitemap, the contact form shown and sent, its thank-you page."""

import time
from urllib.parse import urlsplit

from defusedxml import ElementTree as ET
from django.test import Client

from articles.models import ArticlePage
from contact.models import Lead
from contact.spam import issue_stamp
from tests.helpers import form_values, soup

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_paths(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    links = [loc.text for loc in root.iterfind("s:url/s:loc", NS)]
    links += [link.get("href") for link in root.iterfind("s:url/x:link", NS)]
    return sorted({urlsplit(link).path for link in links})


def assert_no_cookie(response, what):
    assert "Set-Cookie" not in response.headers, what
    assert not response.cookies, what


def test_no_public_response_over_the_sitemap_sets_a_cookie(demo_site, demo_urls):
    browser = Client(enforce_csrf_checks=True)
    paths = sitemap_paths(browser)
    assert len(paths) > 20 and "/fr/contact/" in paths
    for path in [*paths, *demo_urls]:
        response = browser.get(path)
        assert response.status_code in (200, 302), path
        assert_no_cookie(response, path)


def test_sending_the_contact_form_sets_no_cookie(demo_site):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get("/en/contact/")
    assert_no_cookie(page, "contact form")
    data = form_values(page, "form.contact-form")
    data.update(
        name="Amina Benali",
        email="amina.benali@atlas-telecom.example",
        company="Atlas Télécom",
        message="Nous voulons structurer notre centre de relation client.",
        consent="on",
        stamp=issue_stamp("testserver/en/contact/", time.time() - 60),
    )
    sent = browser.post("/en/contact/", data, HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin")
    assert sent.status_code == 302, soup(sent).select_one(".form-errors")
    assert_no_cookie(sent, "contact form sent")
    assert_no_cookie(browser.get(sent["Location"]), "thank-you page")
    assert Lead.objects.filter(email="amina.benali@atlas-telecom.example").exists()


def test_asking_for_a_report_sets_no_cookie(demo_site):
    browser = Client(enforce_csrf_checks=True)
    article = ArticlePage.objects.get(kind=ArticlePage.Kind.ANALYSIS)
    form_url = f"/fr/contact/rapport/{article.pk}/"
    page = browser.get(form_url)
    assert_no_cookie(page, "report form")
    data = form_values(page, "form.report-form")
    data.update(
        name="Amina Benali",
        email="amina.report@atlas-telecom.example",
        company="Atlas Télécom",
        consent="on",
        stamp=issue_stamp(f"testserver{form_url}", time.time() - 60),
    )
    sent = browser.post(form_url, data, HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin")
    assert sent.status_code == 302, soup(sent).select_one(".form-errors")
    assert_no_cookie(sent, "report form sent")
    link_page = browser.get(sent["Location"])
    assert_no_cookie(link_page, "report link page")
    download = browser.get(soup(link_page).select_one("a.report-link")["href"])
    assert download.status_code == 200
    assert_no_cookie(download, "report file")
