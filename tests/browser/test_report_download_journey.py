"""A reader asks for an analysis's report in their language, makes a mistake, gets the file through its signed link;
an altered or expired link is refused with a way to ask again; the lead is in the admin with its kind."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import admin

pytestmark = pytest.mark.browser

LAUNCH = {
    "fr": "/fr/actualites/le-maghreb-territoire-strategique-de-lexperience-client/",
    "en": "/en/news/the-maghreb-a-strategic-territory-for-customer-experience/",
}
WORDS = {
    "fr": {
        "form": r"/fr/contact/rapport/(\d+)/$",
        "link": r"/fr/contact/rapport/\d+/lien/[\w-]+/$",
        "submit": "Recevoir le rapport",
        "summary": "Votre demande n’est pas encore envoyée",
        "invalid_email": "Saisissez une adresse e-mail de la forme nom@entreprise.com.",
        "again": "Redemander le rapport",
        "expired": "a expiré",
    },
    "en": {
        "form": r"/en/contact/report/(\d+)/$",
        "link": r"/en/contact/report/\d+/link/[\w-]+/$",
        "submit": "Get the report",
        "summary": "Your request has not been sent yet",
        "invalid_email": "Enter an e-mail address in the form name@company.com.",
        "again": "Ask for the report again",
        "expired": "has expired",
    },
}
# A person takes longer than this to fill the form in (contact.spam.MIN_FILL_SECONDS is 3).
WRITING_TIME_MS = 3_500

# Signs a link for the newest download lead as it would have been signed three days ago (links live 24 hours).
EXPIRED_TOKEN = """
import time
from unittest import mock
from articles.models import ArticlePage
from contact import downloads
from contact.models import Lead
lead = Lead.objects.filter(kind="download").latest("created_at")
with mock.patch("time.time", return_value=time.time() - 3 * 86400):
    print(downloads.sign(lead, ArticlePage.objects.get(pk={article_id}), "{language}"))
"""


@pytest.mark.parametrize("language", ["fr", "en"])
def test_reader_gets_the_report_through_a_signed_link_that_expires(new_page, viewport, manage, language):
    words = WORDS[language]
    page = new_page(locale="fr-FR" if language == "fr" else "en-GB")
    page.goto(LAUNCH[language])
    page.locator(".report-offer").get_by_role("link").click()
    expect(page).to_have_url(re.compile(words["form"]))
    article_id = re.search(words["form"], page.url).group(1)

    name = f"Awa Diallo ({language}, {viewport})"
    page.fill("#id_name", name)
    page.fill("#id_email", "awa.diallo@")  # the mistake
    page.fill("#id_company", "Atlas Retail")
    expect(page.locator("#id_consent")).not_to_be_checked()
    page.locator("label[for=id_consent]").click()
    page.wait_for_timeout(WRITING_TIME_MS)
    page.get_by_role("button", name=words["submit"]).click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text(words["summary"])
    expect(page.locator("#id_email_error")).to_contain_text(words["invalid_email"])
    expect(page.locator("#id_name")).to_have_value(name)

    page.fill("#id_email", f"awa.diallo.{language}.{viewport}@client.example")
    page.wait_for_timeout(WRITING_TIME_MS)
    page.get_by_role("button", name=words["submit"]).click()
    expect(page).to_have_url(re.compile(words["link"]))
    expect(page.locator("html")).to_have_attribute("lang", language)

    link = page.locator("a.report-link")
    file_url = link.get_attribute("href")
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # Altered: refused, in the reader's language, with a way to ask again.
    response = page.goto(file_url[:-6] + "AAAAA/")
    assert response.status == 400
    expect(page.get_by_role("link", name=words["again"])).to_be_visible()

    # Expired: refused too.
    output = manage("shell", "-c", EXPIRED_TOKEN.format(article_id=article_id, language=language))
    token = output.strip().splitlines()[-1]  # after any start-up log line
    expired_url = re.sub(r"[\w-]+/$", f"{token}/", file_url)
    response = page.goto(expired_url)
    assert response.status == 410
    expect(page.locator("main")).to_contain_text(words["expired"])
    page.get_by_role("link", name=words["again"]).click()
    expect(page).to_have_url(re.compile(words["form"]))

    staff = new_page(locale="en-GB")
    admin.log_in(staff)
    staff.goto("/admin/leads/?kind=download")
    row = staff.locator("tr", has_text=name)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Report download")
