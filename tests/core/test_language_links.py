"""Every page knows its other language: switcher, hreflang, canonical, <html lang>."""

from articles.factories import ArticlePageFactory
from tests.helpers import canonical, hreflangs, soup


def switcher_links(response):
    return {a["hreflang"]: a["href"] for a in soup(response).select(".language-switcher a[hreflang]")}


def test_switcher_links_an_english_page_to_its_french_translation(client, news_index):
    ArticlePageFactory(
        parent=news_index, title_fr="Le Maghreb", slug_fr="le-maghreb", title_en="The Maghreb", slug_en="the-maghreb"
    )
    response = client.get("/en/news/the-maghreb/")
    assert response.status_code == 200
    assert switcher_links(response) == {"fr": "http://testserver/fr/actualites/le-maghreb/"}
    current = soup(response).select_one(".language-switcher [aria-current]")
    assert current.select_one(".visually-hidden").get_text(strip=True) == "English"


def test_switcher_shows_short_codes_and_names_each_language_in_its_own_tongue(client, news_index):
    ArticlePageFactory(
        parent=news_index, title_fr="Le Maghreb", slug_fr="le-maghreb", title_en="The Maghreb", slug_en="the-maghreb"
    )
    switcher = soup(client.get("/fr/actualites/le-maghreb/")).select_one(".language-switcher")
    shown = [item.get_text(strip=True) for item in switcher.select('[aria-hidden="true"]')]
    assert shown == ["FR", "EN"]
    link = switcher.select_one("a[hreflang=en]")
    # A screen reader reads the link's own name, in English.
    assert link["lang"] == "en"
    assert link.select_one(".visually-hidden").get_text() == "English"


def test_french_page_links_to_its_english_translation(client, news_index):
    ArticlePageFactory(
        parent=news_index, title_fr="Le Maghreb", slug_fr="le-maghreb", title_en="The Maghreb", slug_en="the-maghreb"
    )
    response = client.get("/fr/actualites/le-maghreb/")
    assert switcher_links(response) == {"en": "http://testserver/en/news/the-maghreb/"}


def test_hreflang_lists_both_languages_and_x_default(client, people_index):
    response = client.get("/en/leadership/")
    assert hreflangs(response) == {
        "fr": "http://testserver/fr/equipe-dirigeante/",
        "en": "http://testserver/en/leadership/",
        "x-default": "http://testserver/fr/equipe-dirigeante/",
    }


def test_each_language_is_its_own_canonical(client, people_index):
    assert canonical(client.get("/fr/equipe-dirigeante/")) == "http://testserver/fr/equipe-dirigeante/"
    assert canonical(client.get("/en/leadership/")) == "http://testserver/en/leadership/"


def test_untranslated_page_shows_french_content_marked_as_french_with_a_notice(client, news_index):
    ArticlePageFactory(
        parent=news_index,
        title_fr="Seulement en français",
        slug_fr="seulement-en-francais",
        title_en="",
        slug_en="",
        standfirst_en="",
        body_en="[]",
    )
    response = client.get("/en/news/seulement-en-francais/")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == "en"
    main = page.select_one("main")
    assert main["lang"] == "fr"
    notice = page.select_one(".translation-notice")
    assert notice["lang"] == "en"
    assert "not been translated into English" in notice.get_text()
    assert page.h1.get_text(strip=True) == "Seulement en français"
    assert "Un chapeau en français." in main.get_text()
    # Search engines are pointed at the French original, and no English alternate is claimed.
    assert canonical(response) == "http://testserver/fr/actualites/seulement-en-francais/"
    assert "en" not in hreflangs(response)


def test_translated_page_has_no_notice_and_no_lang_override(client, people_index):
    page = soup(client.get("/en/leadership/"))
    assert page.select_one(".translation-notice") is None
    assert not page.select_one("main").has_attr("lang")


def test_header_navigation_lists_menu_pages_in_the_visitor_language(client, people_index, news_index):
    fr = [a.get_text(strip=True) for a in soup(client.get("/fr/")).select(".site-nav a")]
    en = [a.get_text(strip=True) for a in soup(client.get("/en/")).select(".site-nav a")]
    assert fr == ["Équipe dirigeante", "Actualités"]
    assert en == ["Leadership", "News"]


def test_current_section_is_marked_in_the_navigation(client, people_index):
    link = soup(client.get("/en/leadership/")).select_one(".site-nav a[aria-current]")
    assert link["aria-current"] == "page"
    assert link.get_text(strip=True) == "Leadership"
