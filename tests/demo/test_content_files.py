"""The demo content is data: one file per page and language under demo/content/.

Adding an article is adding two files; a broken file stops the command with a
message naming it, before anything is written.
"""

import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from articles.models import ArticlePage
from demo.loader import CONTENT_DIR, LANGUAGES, read_content
from tests.helpers import hreflangs, soup

NEW_ARTICLE_FR = """\
---
title: Un article ajouté en deux fichiers
slug: un-article-ajoute-en-deux-fichiers
date: 2025-06-02
authors: [jamal-mossaddeq]
topics: [maghreb]
related: [oswego-opens-in-the-maghreb]
standfirst: Deux fichiers suffisent pour publier un article de démonstration.
---

Premier paragraphe.

## Une section

- [x] Une case cochée

```quote
quote: Des mots vraiment prononcés.
name: Une personne extérieure
organisation: Une organisation
```

```cta
text: Pour en parler, écrivez à Jamal Mossaddeq.
person: jamal-mossaddeq
```
"""

NEW_ARTICLE_EN = """\
---
title: An article added as two files
slug: an-article-added-as-two-files
standfirst: Two files are all it takes to publish a demo article.
---

First paragraph.

## A section

- [x] A ticked box

```quote
quote: Words really said.
name: Someone outside the firm
organisation: An organisation
```

```cta
text: To talk about it, write to Jamal Mossaddeq.
person: jamal-mossaddeq
```
"""


@pytest.fixture
def content_dir(tmp_path):
    """A copy of the shipped content, free to change."""
    directory = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, directory)
    return directory


def load(**options):
    call_command("load_demo_content", no_admin=True, verbosity=0, **options)


@pytest.mark.parametrize("how", ["option", "setting"])
def test_two_new_files_make_a_new_article_in_both_languages_on_the_next_run(
    client, db, tmp_path, settings, content_dir, how
):
    settings.VAR_DIR = tmp_path
    load(content_dir=str(content_dir))
    assert ArticlePage.objects.count() == 3

    (content_dir / "articles" / "added-as-two-files.fr.md").write_text(NEW_ARTICLE_FR, encoding="utf-8")
    (content_dir / "articles" / "added-as-two-files.en.md").write_text(NEW_ARTICLE_EN, encoding="utf-8")
    if how == "setting":
        settings.DEMO_CONTENT_DIR = content_dir
        load()
    else:
        load(content_dir=str(content_dir))

    assert ArticlePage.objects.count() == 4
    article = ArticlePage.objects.get(slug_fr="un-article-ajoute-en-deux-fichiers")
    assert article.title_en == "An article added as two files"
    assert [block.block_type for block in article.body_en] == ["paragraph", "heading", "list", "quote", "cta"]
    assert [r.article.slug_fr for r in article.related_articles.all()] == ["oswego-simplante-au-maghreb"]

    french = client.get("/fr/actualites/un-article-ajoute-en-deux-fichiers/")
    english = client.get("/en/news/an-article-added-as-two-files/")
    assert french.status_code == english.status_code == 200
    assert soup(french).h1.get_text(strip=True) == "Un article ajouté en deux fichiers"
    assert soup(english).h1.get_text(strip=True) == "An article added as two files"
    assert soup(english).select_one(".pull-quote__name").get_text(strip=True) == "Someone outside the firm"
    assert soup(english).select_one(".block-list--check") is not None
    assert hreflangs(english)["fr"] == "http://testserver/fr/actualites/un-article-ajoute-en-deux-fichiers/"

    # And the run after that changes nothing.
    pages = Page.objects.count()
    load(content_dir=str(content_dir))
    assert Page.objects.count() == pages


BROKEN_FILES = {
    "malformed-front-matter": (lambda text: text.replace("title: ", "title: [unclosed ", 1), "malformed front matter"),
    "no-front-matter": (lambda text: text.split("---\n", 2)[2], "must start with a front matter"),
    "unknown-block-type": (
        lambda text: text + "\n```video\nurl: https://example.com/\n```\n",
        "unknown block type 'video'",
    ),
}


@pytest.mark.parametrize("broken", BROKEN_FILES)
def test_a_broken_file_stops_the_command_with_a_message_naming_it(db, tmp_path, settings, content_dir, broken):
    settings.VAR_DIR = tmp_path
    change, message = BROKEN_FILES[broken]
    path = content_dir / "articles" / "oswego-opens-in-the-maghreb.en.md"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    pages = Page.objects.count()
    with pytest.raises(CommandError) as error:
        load(content_dir=str(content_dir))
    assert str(path) in str(error.value)
    assert message in str(error.value)
    # Every file is checked before anything is written.
    assert Page.objects.count() == pages


def test_an_article_without_its_twin_is_named(db, tmp_path, settings, content_dir):
    settings.VAR_DIR = tmp_path
    (content_dir / "articles" / "lonely.fr.md").write_text(NEW_ARTICLE_FR, encoding="utf-8")
    with pytest.raises(CommandError, match=r"lonely\.fr\.md: has no English twin: add lonely\.en\.md"):
        load(content_dir=str(content_dir))


def test_a_misspelt_field_or_unknown_person_is_named(db, tmp_path, settings, content_dir):
    settings.VAR_DIR = tmp_path
    path = content_dir / "articles" / "added.fr.md"
    (content_dir / "articles" / "added.en.md").write_text(NEW_ARTICLE_EN, encoding="utf-8")
    path.write_text(NEW_ARTICLE_FR.replace("standfirst:", "standfist:"), encoding="utf-8")
    with pytest.raises(CommandError, match="unknown field 'standfist'"):
        load(content_dir=str(content_dir))
    path.write_text(NEW_ARTICLE_FR.replace("authors: [jamal-mossaddeq]", "authors: [nobody]"), encoding="utf-8")
    with pytest.raises(CommandError, match=r"added\.fr\.md: unknown person 'nobody'"):
        load(content_dir=str(content_dir))


@pytest.mark.parametrize("section", ["articles", "people", "offices", "site"])
def test_every_content_file_has_its_language_twin(section):
    files = sorted((CONTENT_DIR / section).glob("*.md"))
    assert files
    for path in files:
        key, language, _ = path.name.rsplit(".", 2)
        assert language in LANGUAGES, path
        for code in LANGUAGES:
            assert (path.with_name(f"{key}.{code}.md")).exists(), f"{path.name} has no {code} twin"


def test_shipped_content_reads_without_a_database():
    content = read_content()
    assert [entry.key for entry in content.articles] == [
        "maghreb-strategic-territory",
        "oswego-opens-in-the-maghreb",
        "claudia-jimenez-vice-president-maghreb",
    ]
    quotes = [block for entry in content.articles for block in entry.body["fr"] if block["type"] == "quote"]
    # Said in French: readers of the English page see "Translated from French".
    assert quotes and all(quote["value"]["original_language"] == "fr" for quote in quotes)
