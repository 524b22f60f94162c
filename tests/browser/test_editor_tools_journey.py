"""The editor's everyday tools in a real browser: the search-result and LinkedIn previews follow the SEO fields, a
scheduled change shows its date and its share links still work in the locked editor, and a submission's
notification lands in the local mailbox in the moderator's language."""

import email
import email.policy
import re
import time

import pytest
from playwright.sync_api import expect

from tests.browser import admin
from tests.browser.conftest import SERVED, screenshot

pytestmark = pytest.mark.browser


def shell(manage, code):
    """Run ``code`` in the served site's shell; its last printed line."""
    return manage("shell", "-c", code).strip().splitlines()[-1]


def new_article(manage, title, owner="admin", live=True):
    """An article of the demo's news section, made for one test (so no other journey finds it locked)."""
    return int(
        shell(
            manage,
            "from django.contrib.auth import get_user_model\n"
            "from articles.factories import ArticlePageFactory\n"
            "from articles.models import ArticleIndexPage\n"
            "from people.models import PersonPage\n"
            f"owner = get_user_model().objects.get(username={owner!r})\n"
            f"page = ArticlePageFactory(parent=ArticleIndexPage.objects.get(), title_fr={title!r}, title_en={title!r}, "
            f"live={live!r}, owner=owner, authors=[PersonPage.objects.live().first()])\n"
            "page.save_revision(user=owner)\n"
            f"{'page.get_latest_revision().publish()' if live else ''}\n"
            "print(page.pk)",
        )
    )


def test_the_previews_follow_the_seo_fields(new_page, viewport, manage):
    article = new_article(manage, f"Aperçus ({viewport})")
    page = new_page(locale="en-GB")
    admin.log_in(page)
    page.goto(f"/admin/pages/{article}/edit/")
    page.get_by_role("tab", name="Promote").click()
    french = page.locator("[data-link-preview] [data-language='fr']")
    expect(french.locator(".oswego-serp__title")).to_have_text(f"Aperçus ({viewport})")
    expect(french.locator("img.oswego-linkedin__image")).to_be_visible()

    # Typing the SEO title changes both previews at once, cut where search results cut.
    page.fill("#id_seo_title_fr", "Un titre pour les moteurs de recherche, bien plus long que ce qu’ils affichent")
    expect(french.locator(".oswego-serp__title")).to_have_text(re.compile(r"^Un titre pour les moteurs.*…$"))
    expect(french.locator(".oswego-linkedin__title")).to_contain_text("Un titre pour les moteurs")
    page.fill("#id_search_description_fr", "Ce que la page promet, en une phrase.")
    expect(french.locator(".oswego-serp__description")).to_have_text("Ce que la page promet, en une phrase.")
    french.scroll_into_view_if_needed()
    screenshot(page, f"link-preview-{viewport}")


def test_a_scheduled_change_says_when_and_its_share_links_still_work(new_page, viewport, manage):
    title = f"Changement programmé ({viewport})"
    article = new_article(manage, title)
    shell(
        manage,
        "import datetime\nfrom django.utils import timezone\nfrom articles.models import ArticlePage\n"
        f"page = ArticlePage.objects.get(pk={article})\n"
        "page.standfirst_fr = 'Un chapeau pour plus tard.'\n"
        "page.go_live_at = timezone.now() + datetime.timedelta(days=3)\n"
        "page.save_revision().publish()\nprint('ok')",
    )
    page = new_page(locale="en-GB")
    admin.log_in(page)
    page.goto("/admin/article_listing/")
    row = page.locator("tr", has_text=title)
    expect(row.locator("[data-goes-live]")).to_contain_text("Goes live")

    page.goto(f"/admin/pages/{article}/edit/")
    expect(page.locator("body.content-locked")).to_have_count(1)
    page.get_by_role("tab", name="Promote").click()
    share = page.locator(".oswego-share-panel")
    expect(share.locator("[data-goes-live]")).to_contain_text("scheduled to go live on")
    # Locked editor: the copy button and the QR codes are still within reach of a pointer.
    share.get_by_role("button", name="Copy link").first.click(timeout=5_000)
    with page.expect_download() as download:
        share.get_by_role("link", name="QR code (PNG)").first.click(timeout=5_000)
    assert download.value.suggested_filename.endswith("-fr.png")
    screenshot(page, f"share-panel-scheduled-{viewport}")


def mailbox():
    """(to, subject, text) of every message in the served site's local mailbox (Django's file backend)."""
    folder = SERVED[0].var_dir / "mail"
    found = []
    for path in sorted(folder.glob("*")) if folder.exists() else []:
        for raw in path.read_text(errors="replace").split("\n" + "-" * 79 + "\n"):
            if not raw.strip():
                continue
            message = email.message_from_string(raw.lstrip(), policy=email.policy.default)
            body = message.get_body(preferencelist=("plain", "html"))
            found.append((str(message["To"]), str(message["Subject"]), body.get_content() if body else ""))
    return found


def test_a_submission_reaches_the_moderator_in_their_language_in_the_local_mailbox(new_page, viewport, manage):
    language, words = {"desktop": ("en", "submitted"), "phone": ("fr", "soumis")}[viewport]
    shell(
        manage,
        "from django.contrib.auth import get_user_model\nfrom wagtail.users.models import UserProfile\n"
        "profile = UserProfile.get_for_user(get_user_model().objects.get(username='moderator'))\n"
        f"profile.preferred_language = {language!r}\nprofile.save()\nprint('ok')",
    )
    title = f"À relire ({viewport})"
    article = new_article(manage, title, owner="editor", live=False)
    password = (SERVED[0].var_dir / "editor_password").read_text().strip()
    page = new_page(locale="en-GB")
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto(f"/admin/pages/{article}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("^Submit to")).click()
    expect(page.locator(".messages .success, [data-w-messages-target] .success").first).to_be_visible()

    # The worker beside gunicorn sends the queued notification into var/mail.
    deadline = time.monotonic() + 60
    messages = []
    while not messages and time.monotonic() < deadline:
        messages = [
            (subject, text)
            for to, subject, text in mailbox()
            if "moderator@oswego.example" in to and title in subject + text
        ]
        time.sleep(1)
    assert messages, "no notification for the moderator in var/mail"
    subject, text = messages[-1]
    assert words in (subject + text).lower()
