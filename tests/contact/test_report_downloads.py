"""Gated reports: a short form, a lead of kind “download” stored first, then a signed link that expires."""

import time
from unittest import mock

import pytest
from django.core import mail, signing
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from articles.factories import ArticlePageFactory
from articles.models import ArticlePage
from contact import downloads
from contact.models import Lead
from contact.spam import issue_stamp
from tests.helpers import form_values, soup

PDF_FR = b"%PDF-1.4\n% rapport fr\n"
PDF_EN = b"%PDF-1.4\n% report en\n"
READER = {
    "name": "Amina Benali",
    "email": "amina.benali@atlas-telecom.example",
    "company": "Atlas Télécom",
    "consent": "on",
}


def make_document(title, content, name):
    return get_document_model().objects.create(title=title, file=ContentFile(content, name=name))


@pytest.fixture
def contact_page(home):
    from contact.factories import ContactPageFactory

    return ContactPageFactory(parent=home)


@pytest.fixture
def analysis(news_index, contact_page):
    return ArticlePageFactory(
        parent=news_index,
        title_fr="Le Maghreb",
        title_en="The Maghreb",
        slug_fr="le-maghreb",
        slug_en="the-maghreb",
        kind=ArticlePage.Kind.ANALYSIS,
        report_fr=make_document("Rapport", PDF_FR, "rapport-maghreb.pdf"),
        report_en=make_document("Report", PDF_EN, "report-maghreb.pdf"),
    )


def report_form_url(client, article_url):
    return soup(client.get(article_url)).select_one(".report-offer a.button")["href"]


def fill(response, action, seconds_ago=60, **overrides):
    data = form_values(response, "form.report-form")
    data.update(READER)
    data["stamp"] = issue_stamp("testserver" + action, time.time() - seconds_ago)
    data.update(overrides)
    return data


@pytest.fixture
def request_report(client, django_capture_on_commit_callbacks):
    def _request(article_url, seconds_ago=60, **overrides):
        url = report_form_url(client, article_url)
        page = client.get(url)
        assert page.status_code == 200
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, fill(page, url, seconds_ago, **overrides))

    return _request


def file_url_of(client, response):
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    return soup(page).select_one("a.report-link")["href"]


def test_an_analysis_with_a_report_links_to_its_form_in_each_language(client, analysis):
    assert report_form_url(client, "/fr/actualites/le-maghreb/") == f"/fr/contact/rapport/{analysis.pk}/"
    assert report_form_url(client, "/en/news/the-maghreb/") == f"/en/contact/report/{analysis.pk}/"


def test_an_article_without_a_report_offers_none(client, news_index, contact_page):
    ArticlePageFactory(parent=news_index, slug_fr="sans", title_fr="Sans")
    assert soup(client.get("/fr/actualites/sans/")).select_one(".report-offer") is None


def test_the_form_sets_no_cookie_and_is_never_cached(client, analysis):
    response = client.get(f"/fr/contact/rapport/{analysis.pk}/")
    assert response.cookies == {}
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("article_url", "message"),
    [
        ("/fr/actualites/le-maghreb/", "Saisissez une adresse e-mail"),
        ("/en/news/the-maghreb/", "Enter an e-mail address in the form name@company.com."),
    ],
)
def test_a_mistake_is_explained_in_the_pages_language_and_nothing_is_stored(
    request_report, analysis, article_url, message
):
    response = request_report(article_url, email="not-an-address")
    assert response.status_code == 200
    assert message in soup(response).select_one(".form-errors").get_text()
    assert not Lead.objects.exists()


def test_success_stores_a_download_lead_before_giving_the_link(client, request_report, analysis):
    response = request_report("/en/news/the-maghreb/")
    lead = Lead.objects.get()
    assert (lead.kind, lead.name, lead.company, lead.language) == ("download", "Amina Benali", "Atlas Télécom", "en")
    assert "The Maghreb" in lead.message
    assert "send me this report" in lead.consent_text
    assert lead.source_path == "/en/news/the-maghreb/"
    file_url = file_url_of(client, response)
    assert file_url.startswith(f"/en/contact/report/{analysis.pk}/file/")
    download = client.get(file_url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_EN
    assert download["Content-Disposition"].startswith('attachment; filename="report-maghreb')
    assert download.cookies == {}


def test_the_french_reader_gets_the_french_report_and_an_email_with_the_link(client, request_report, analysis):
    response = request_report("/fr/actualites/le-maghreb/")
    file_url = file_url_of(client, response)
    assert b"".join(client.get(file_url).streaming_content) == PDF_FR
    to_reader = [message for message in mail.outbox if message.to == [READER["email"]]]
    assert len(to_reader) == 1
    assert "Le Maghreb" in to_reader[0].subject
    assert f"http://testserver{file_url}" in to_reader[0].body


def test_an_expired_link_is_refused_with_a_way_to_ask_again(client, request_report, analysis, settings):
    file_url = file_url_of(client, request_report("/fr/actualites/le-maghreb/"))
    with mock.patch("time.time", return_value=time.time() + settings.REPORT_LINK_MAX_AGE + 60):
        response = client.get(file_url)
    assert response.status_code == 410
    page = soup(response)
    assert "Redemander le rapport" in page.get_text()
    assert page.select_one(f'a[href="/fr/contact/rapport/{analysis.pk}/"]')


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if token[-2:] != "AA" else "BB"),
        lambda token: "x" * 30,
        lambda token: "",
    ],
)
def test_a_tampered_link_is_refused(client, request_report, analysis, tamper):
    file_url = file_url_of(client, request_report("/en/news/the-maghreb/"))
    prefix, token = file_url.rstrip("/").rsplit("/", 1)
    response = client.get(f"{prefix}/{tamper(token)}/")
    assert response.status_code in (400, 404)
    if response.status_code == 400:
        assert "Ask for the report again" in soup(response).get_text()


def test_a_link_for_another_article_is_refused(client, request_report, analysis, news_index):
    other = ArticlePageFactory(parent=news_index, report_fr=analysis.report_fr, slug_en="other")
    file_url = file_url_of(client, request_report("/en/news/the-maghreb/"))
    token = file_url.rstrip("/").rsplit("/", 1)[1]
    assert client.get(f"/en/contact/report/{other.pk}/file/{token}/").status_code == 400


def test_a_link_signed_with_another_salt_is_refused(client, analysis):
    forged = signing.TimestampSigner(salt="elsewhere").sign_object({"lead": 1, "article": analysis.pk, "lang": "en"})
    status, _payload = downloads.read(forged, analysis.pk)
    assert status == downloads.LINK_INVALID


def test_the_report_is_not_served_at_its_public_document_address(client, analysis):
    document = analysis.report_fr
    assert client.get(document.url).status_code == 404
    assert client.get(f"/media/{document.file.name}").status_code == 404


def test_staff_still_open_the_report_from_the_admin(superuser_client, analysis):
    assert superuser_client.get(analysis.report_fr.url).status_code == 200


def test_the_honeypot_drops_the_request_silently(request_report, analysis):
    response = request_report("/fr/actualites/le-maghreb/", website="https://spam.example")
    assert response.status_code == 302
    assert not Lead.objects.exists()


def test_a_form_sent_too_fast_is_sent_back(request_report, analysis):
    response = request_report("/en/news/the-maghreb/", seconds_ago=0)
    assert response.status_code == 200
    assert not Lead.objects.exists()


def test_a_post_from_another_site_is_refused(client, analysis):
    response = client.post(f"/fr/contact/rapport/{analysis.pk}/", READER, HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    assert not Lead.objects.exists()


def test_unknown_articles_and_wrong_language_words_are_not_found(client, analysis, news_index):
    plain = ArticlePageFactory(parent=news_index)
    assert client.get(f"/fr/contact/rapport/{plain.pk}/").status_code == 404
    assert client.get("/fr/contact/rapport/999999/").status_code == 404
    assert client.get(f"/fr/contact/report/{analysis.pk}/").status_code == 404
    assert client.get("/fr/contact/rapport/99999999999999999999/").status_code == 404


def test_leads_admin_shows_and_filters_the_kind(superuser_client, request_report, analysis):
    request_report("/fr/actualites/le-maghreb/")
    listing = superuser_client.get("/admin/leads/?kind=download")
    assert listing.status_code == 200
    assert "Amina Benali" in listing.content.decode()
    assert "Report download" in listing.content.decode() or "Téléchargement de rapport" in listing.content.decode()
    assert superuser_client.get("/admin/leads/?kind=contact").content.decode().count("Amina Benali") == 0
    lead = Lead.objects.get()
    inspect = superuser_client.get(f"/admin/leads/inspect/{lead.pk}/")
    assert lead.get_kind_display() in inspect.content.decode()
