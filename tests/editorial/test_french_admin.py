"""The French admin reads French: no string of this project's own making shows in English.

The walk opens the admin pages of this site as a French-speaking superuser and compares every text node, every
placeholder, label and title attribute, and every label in the editors' block definitions with the msgids of
locale/fr/LC_MESSAGES/django.po that have a French translation: a msgid that shows up as it is was not translated
where it is rendered. Wagtail's own strings are Wagtail's; text marked ``lang="en"`` (the language names, English
content) is English on purpose.
"""

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.users.models import UserProfile

from articles.models import ArticleIndexPage, ArticlePage, Topic
from contact.models import ContactPage, Lead
from core.models import HomePage, SiteSettings
from editorial.roles import ensure_roles
from offices.models import OfficeIndexPage, OfficePage
from people.models import PeopleIndexPage, PersonPage

PO = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"
ATTRIBUTES = ("placeholder", "title", "aria-label", "alt", "data-w-tooltip-content-value")
SKIPPED = {"script", "style", "textarea", "code", "template", "noscript"}


def _unquote(lines):
    return "".join(json.loads(line) for line in lines)


def translated_msgids():
    """msgids of the project's catalogue whose French differs (no placeholders: they are only seen filled in)."""
    msgids = set()
    for entry in PO.read_text(encoding="utf-8").split("\n\n"):
        lines = entry.strip().splitlines()
        if any(line.startswith(("msgid_plural", "msgctxt", "#, fuzzy")) for line in lines):
            continue
        parts, current = {}, None
        for line in lines:
            if line.startswith(("msgid ", "msgstr ")):
                current, _space, rest = line.partition(" ")
                parts[current] = [rest]
            elif line.startswith('"') and current:
                parts[current].append(line)
        if "msgid" not in parts or "msgstr" not in parts:
            continue
        msgid, msgstr = _unquote(parts["msgid"]), _unquote(parts["msgstr"])
        if msgid and msgstr and msgid != msgstr and not re.search(r"%|\{", msgid):
            msgids.add(msgid)
    return msgids


JSON_TEXTS = {"label", "helpText", "help_text", "description", "title", "placeholder", "text", "heading"}


def json_texts(value):
    """The texts a person reads in a JSON document (labels, help texts), not its identifiers."""
    if isinstance(value, list):
        for item in value:
            yield from json_texts(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key in JSON_TEXTS and isinstance(item, str):
                yield " ".join(item.split())
            else:
                yield from json_texts(item)


def english_leaks(html, msgids):
    document = BeautifulSoup(html, "html.parser")
    leaks = set()

    def english_on_purpose(element):
        # Language names in their own language, and the preview modes ("Français", "English") that say them.
        if element.find_parent("select", attrs={"name": "preview_mode"}):
            return True
        return any(parent.get("lang", "fr").startswith("en") for parent in [element, *element.parents] if parent.name)

    for node in document.find_all(string=True):
        parent = node.parent
        if parent is None or parent.name in SKIPPED or english_on_purpose(parent):
            continue
        text = " ".join(node.split()).rstrip(":").strip()
        if text in msgids:
            leaks.add(text)
    for element in document.find_all(True):
        if english_on_purpose(element):
            continue
        for attribute in ATTRIBUTES:
            value = " ".join(str(element.get(attribute, "")).split())
            if value in msgids:
                leaks.add(value)
    # Labels and help texts of the StreamField blocks, drawn by JavaScript from JSON.
    payloads = [script.string or "" for script in document.find_all("script", type="application/json")]
    payloads += [element["data-w-block-data-value"] for element in document.select("[data-w-block-data-value]")]
    for payload in payloads:
        try:
            leaks |= set(json_texts(json.loads(payload))) & msgids
        except ValueError:
            continue
    return leaks


def admin_urls():
    home = HomePage.objects.get()
    news = ArticleIndexPage.objects.get()
    people = PeopleIndexPage.objects.get()
    offices = OfficeIndexPage.objects.get()
    article = ArticlePage.objects.first()
    lead = Lead.objects.create(
        name="Prospect", email="p@example.org", company="Atlas", message="Bonjour", language="fr"
    )
    urls = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{news.pk}/",
        "/admin/article_listing/",
        "/admin/reports/missing-translations/",
        "/admin/snippets/articles/topic/",
        f"/admin/snippets/articles/topic/edit/{Topic.objects.first().pk}/",
        "/admin/snippets/articles/topic/add/",
        "/admin/leads/",
        f"/admin/leads/inspect/{lead.pk}/",
        f"/admin/settings/core/sitesettings/{SiteSettings.load().pk}/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        f"/admin/pages/add/articles/articlepage/{news.pk}/",
        f"/admin/pages/add/people/personpage/{people.pk}/",
        f"/admin/pages/add/offices/officepage/{offices.pk}/",
    ]
    for model in (HomePage, ArticleIndexPage, ArticlePage, PeopleIndexPage, PersonPage, OfficeIndexPage, OfficePage):
        urls.append(f"/admin/pages/{model.objects.first().pk}/edit/")
    urls.append(f"/admin/pages/{ContactPage.objects.get().pk}/edit/")
    urls.append(f"/admin/pages/{article.pk}/history/")
    return urls


@pytest.fixture
def french_admin(client, demo_site):
    user = get_user_model().objects.create_superuser("chef", "chef@oswego.example", "a-long-test-password")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(user)
    return client


def test_the_french_admin_shows_no_english_of_this_projects_making(french_admin):
    msgids = translated_msgids()
    assert len(msgids) > 100
    leaks = {}
    ensure_roles()  # as after every migrate: the workflow's French name
    for url in admin_urls():
        response = french_admin.get(url, follow=True)
        assert response.status_code == 200, url
        html = response.content.decode()
        found = english_leaks(html, msgids)
        # Wagtail's generic labels and defaults that this site names itself.
        found |= {phrase for phrase in ("un(e)", "Moderators approval") if phrase in html}
        if found:
            leaks[url] = sorted(found)
    assert not leaks, json.dumps(leaks, indent=1, ensure_ascii=False)


def test_the_check_would_see_an_untranslated_label():
    assert english_leaks('<label for="x">Standfirst</label><p lang="en">English</p>', {"Standfirst", "English"}) == {
        "Standfirst"
    }
    assert Page  # the walk covers every page type
