"""An editor writes, previews and publishes a bilingual article, then renames its English address."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import admin
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

PERSON = "Jamal Mossaddeq"


def write_body(page, language, texts):
    stream = f"body_{language}"
    heading = admin.add_block(page, stream, "Section heading")
    page.fill(f"#{heading}-text", texts["heading"])
    paragraph = admin.add_block(page, stream, "Paragraph")
    admin.type_rich_text(page, paragraph, texts["paragraph"])
    quote = admin.add_block(page, stream, "Pull quote")
    page.fill(f"#{quote}-quote", texts["quote"])
    admin.choose_page(page, f"{quote}-person", PERSON)
    figures = admin.add_block(page, stream, "Key figures")
    page.fill(f"#{figures}-figures-0-value-value", texts["figure"])
    page.fill(f"#{figures}-figures-0-value-label", texts["figure_label"])


def expect_preview(page, language, title):
    """The preview panel, in the given language, shows what a reader of that language will see."""
    panel = page.locator("[data-side-panel='preview']")
    if not panel.is_visible():
        page.get_by_role("button", name="Toggle preview").click()
    mode = panel.locator("select[name=preview_mode]")
    mode.select_option(language)
    heading = page.frame_locator("#w-preview-iframe").locator("h1")
    # Wagtail drops a mode change that arrives while the preview is still updating: ask again.
    for _attempt in range(5):
        try:
            expect(heading).to_have_text(title, timeout=4_000)
            break
        except AssertionError:
            mode.dispatch_event("change")
    expect(heading).to_have_text(title)
    frame = page.frame_locator("#w-preview-iframe")
    expect(frame.locator("html")).to_have_attribute("lang", language)


def test_editor_publishes_a_bilingual_article_then_renames_its_english_slug(new_page, viewport):
    fr = {
        "title": f"Journée d’un éditeur ({viewport})",
        "slug": f"journee-d-un-editeur-{viewport}",
        "standfirst": "Un article écrit de bout en bout dans le navigateur.",
        "heading": "Pourquoi ce test",
        "paragraph": "Chaque bloc est saisi comme le ferait une rédactrice.",
        "quote": "Le Maghreb est une troisième voie.",
        "figure": "72 %",
        "figure_label": "des clients préfèrent être servis dans leur langue",
    }
    en = {
        "title": f"An editor’s day ({viewport})",
        "slug": f"an-editors-day-{viewport}",
        "standfirst": "An article written end to end in the browser.",
        "heading": "Why this test",
        "paragraph": "Every block is typed as an editor would.",
        "quote": "The Maghreb is a third way.",
        "figure": "72%",
        "figure_label": "of customers prefer to be served in their language",
    }
    page = new_page(locale="en-GB")
    admin.log_in(page)
    admin.explore(page, "Accueil", "Actualités")
    page.get_by_role("link", name=re.compile("^Add child page")).first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/add/articles/articlepage/\d+/$"))

    admin.show_english_fields(page)
    for language, texts in (("fr", fr), ("en", en)):
        page.fill(f"#id_title_{language}", texts["title"])
        page.fill(f"#id_standfirst_{language}", texts["standfirst"])
    page.fill("#id_date", "2026-11-02")
    page.keyboard.press("Escape")
    admin.choose_page(page, "id_authors-0-person", PERSON)
    write_body(page, "fr", fr)
    write_body(page, "en", en)

    page.get_by_role("tab", name="Promote").click()
    admin.show_english_fields(page)
    page.fill("#id_slug_fr", fr["slug"])
    page.fill("#id_slug_en", en["slug"])
    page.get_by_role("tab", name="Content").click()

    expect_preview(page, "fr", fr["title"])
    expect_preview(page, "en", en["title"])
    page.get_by_role("button", name="Toggle preview").click()

    admin.publish(page)

    reader = new_page()
    fr_url = f"/fr/actualites/{fr['slug']}/"
    en_url = f"/en/news/{en['slug']}/"
    for url, texts, language in ((fr_url, fr, "fr"), (en_url, en, "en")):
        reader.goto(url)
        expect(reader.locator("html")).to_have_attribute("lang", language)
        expect(reader.locator("h1")).to_have_text(texts["title"])
        body = reader.locator(".article__body")
        expect(body.locator("h2")).to_have_text(texts["heading"])
        expect(body).to_contain_text(texts["paragraph"])
        expect(body.locator("blockquote")).to_contain_text(texts["quote"])
        expect(body).to_contain_text(PERSON)
        expect(body).to_contain_text(texts["figure"])
        expect(body).to_contain_text(texts["figure_label"])
    for listing, texts, url in (("/fr/actualites/", fr, fr_url), ("/en/news/", en, en_url)):
        reader.goto(listing)
        expect(reader.locator(f"main a[href$='{url}']", has_text=texts["title"]).first).to_be_visible()

    # The English slug changes: the old English address leads to the new one.
    page.goto("/admin/pages/")
    admin.explore(page, "Accueil", "Actualités")
    page.get_by_role("link", name=fr["title"]).first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.get_by_role("tab", name="Promote").click()
    admin.show_english_fields(page)
    renamed = f"{en['slug']}-renamed"
    page.fill("#id_slug_en", renamed)
    admin.publish(page)

    # Someone opening the old link now (a browser that read the page a minute ago
    # may still hold it: public pages say max-age=60).
    newcomer = new_page(locale="en-GB")
    newcomer.goto(en_url)
    expect(newcomer).to_have_url(re.compile(rf"/en/news/{re.escape(renamed)}/$"))
    expect(newcomer.locator("h1")).to_have_text(en["title"])
    newcomer.goto(fr_url)
    expect(newcomer).to_have_url(re.compile(rf"{re.escape(fr_url)}$"))
    screenshot(newcomer, f"editor-{viewport}")
