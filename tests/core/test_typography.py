"""French typography: no sign a French reader sees is left to wrap alone at the start of a line."""

import re

import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.utils import translation

from core.typography import NARROW_NBSP, NBSP, de, french_html, french_text
from tests.helpers import soup

LAUNCH_FR = "/fr/actualites/le-maghreb-territoire-strategique-de-lexperience-client/"
LAUNCH_EN = "/en/news/the-maghreb-a-strategic-territory-for-customer-experience/"
# An ordinary space (or a line break) before ? ! ; : % », or after «.
LOOSE_SIGN = re.compile(r"[ \t\n](?=[?!;:%»])|«[ \t\n]")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Et si le Maghreb ?", f"Et si le Maghreb{NARROW_NBSP}?"),
        ("Enfin !", f"Enfin{NARROW_NBSP}!"),
        ("un ; deux", f"un{NARROW_NBSP}; deux"),
        ("Bureau : Casablanca", f"Bureau{NBSP}: Casablanca"),
        ("13 %", f"13{NARROW_NBSP}%"),
        ("85%", f"85{NARROW_NBSP}%"),
        ("« ses propres forces »", f"«{NARROW_NBSP}ses propres forces{NARROW_NBSP}»"),
        ("«forces»", f"«{NARROW_NBSP}forces{NARROW_NBSP}»"),
        ("https://oswego.example/?q=a:b", "https://oswego.example/?q=a:b"),
        (f"déjà{NARROW_NBSP}?", f"déjà{NARROW_NBSP}?"),
    ],
)
def test_french_text_spacing(text, expected):
    assert french_text(text) == expected


def test_html_tags_attributes_and_code_are_left_alone():
    html = (
        '<a href="/fr/recherche/?q=maghreb" title="Quoi ?">Quoi ?</a>'
        '<script type="application/ld+json">{"a": "b ?"}</script><code>x ; y</code><p>Oui !</p>'
    )
    assert french_html(html) == (
        '<a href="/fr/recherche/?q=maghreb" title="Quoi ?">Quoi\u202f?</a>'
        '<script type="application/ld+json">{"a": "b ?"}</script><code>x ; y</code><p>Oui\u202f!</p>'
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Olivier Pellevoizin", "d’Olivier Pellevoizin"), ("Claudia Jimenez", "de Claudia Jimenez"), ("Élise", "d’Élise")],
)
def test_de_is_elided_before_a_vowel(name, expected):
    assert de(name) == expected


def test_filters_act_in_french_only():
    template = Template("{% load site_tags %}{% filter typo %}Pourquoi ?{% endfilter %} {{ name|de }}")
    with translation.override("fr"):
        assert template.render(Context({"name": "Olivier"})) == f"Pourquoi{NARROW_NBSP}? d’Olivier"
    with translation.override("en"):
        assert template.render(Context({"name": "Olivier"})) == "Pourquoi ? Olivier"


@pytest.fixture
def demo(db, tmp_path, settings):
    settings.VAR_DIR = tmp_path
    call_command("load_demo_content", no_admin=True, verbosity=0)


def visible_text(response):
    page = soup(response)
    for hidden in page.select("script, style"):
        hidden.decompose()
    return page.title.get_text() + page.body.get_text()


def test_launch_article_has_no_loose_sign_in_french_and_english_is_untouched(client, demo):
    french = visible_text(client.get(LAUNCH_FR))
    assert "?" in french and "%" in french and ":" in french
    assert LOOSE_SIGN.findall(french) == []
    # Nor any French page of the sitemap.
    sitemap = client.get("/sitemap.xml").content.decode()
    for url in re.findall(r"<loc>http://[^/]+(/fr/[^<]*)</loc>", sitemap):
        assert LOOSE_SIGN.findall(visible_text(client.get(url))) == [], url
    english = client.get(LAUNCH_EN).content.decode()
    assert NARROW_NBSP not in english.replace("\\u202f", "")


def test_person_page_elides_de_and_leaves_no_dangling_separator(client, demo):
    page = soup(client.get("/fr/equipe-dirigeante/olivier-pellevoizin/"))
    headings = [h2.get_text(strip=True) for h2 in page.select("main h2")]
    assert "Articles d’Olivier Pellevoizin" in headings
    for date in page.select(".link-list__date"):
        assert not date.get_text(strip=True).startswith("·")
