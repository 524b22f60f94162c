"""Hostile HTML stored through the ORM runs nowhere in the admin, and staff sign in with a TOTP code."""

import re
import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.browser import admin
from tests.browser.live_site import ADMIN_PASSWORD, ADMIN_USERNAME

pytestmark = [pytest.mark.browser, pytest.mark.parametrize("viewport", ["desktop"], indirect=True)]

# Stored as drafts (a revision each), around the editor: an import or a shell would do the same.
STORE_HOSTILE_DRAFTS = """
from articles.models import ArticlePage
from people.models import PersonPage
hostile = '<p>Bonjour<script>alert(1)</script><img src=x onerror=alert(2)>' \\
    '<a href="javascript:alert(3)">lien</a><iframe srcdoc="<script>parent.alert(4)</script>"></iframe></p>'
person = PersonPage.objects.first()
person.biography_fr = hostile
person.save_revision()
article = ArticlePage.objects.live().first()
article.body_fr = [{"type": "paragraph", "value": hostile}]
article.save_revision()
print(person.pk, article.pk)
"""


def test_hostile_html_runs_neither_in_view_draft_nor_preview_nor_the_editor(new_page, manage):
    person_id, article_id = manage("shell", "-c", STORE_HOSTILE_DRAFTS).split()[-2:]
    page = new_page(locale="en-GB")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    admin.log_in(page)
    for page_id in (person_id, article_id):
        assert page.goto(f"/admin/pages/{page_id}/view_draft/").status == 200
        editor = page.goto(f"/admin/pages/{page_id}/edit/")
        assert editor.status == 200
        expect(page.locator("[data-draftail-input], .Draftail-Editor").first).to_be_attached()
        page.get_by_role("button", name="Toggle preview").click()
        # The preview has rendered the draft (its heading may sit outside the panel's scaled view).
        expect(page.frame_locator("#w-preview-iframe").locator("h1")).to_be_attached()
    assert dialogs == []


def code_at(secret, moment):
    # django-otp takes the code of the next 30-second step too (tolerance 1), never one already used.
    generator = TOTP(b32decode(secret), step=30, t0=0, digits=6)
    generator.time = moment
    return f"{generator.token():06d}"


def test_an_administrator_enrols_and_signs_in_with_a_totp_code(new_page, manage):
    try:
        page = new_page(locale="en-GB")
        admin.log_in(page)
        page.goto("/admin/two-factor/")
        secret = page.locator("code").first.inner_text().strip()
        page.fill("#id_code", code_at(secret, time.time()))
        page.locator("main form button[type=submit]").first.click()
        expect(page.locator(".two-factor-codes li")).to_have_count(10)

        again = new_page(locale="en-GB")
        again.goto("/admin/login/")
        again.fill("#id_username", ADMIN_USERNAME)
        again.fill("#id_password", ADMIN_PASSWORD)
        again.locator("form button[type=submit]").click()
        expect(again).to_have_url(re.compile(r"/admin/two-factor/verify/"))
        again.locator("#id_code").first.fill(code_at(secret, time.time() + 30))
        again.locator("#id_code").first.press("Enter")
        expect(again).to_have_url(re.compile(r"/admin/$"))
    finally:
        # The other journeys sign in with the password alone.
        manage("reset_two_factor", ADMIN_USERNAME)
