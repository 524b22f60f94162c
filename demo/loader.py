"""Read the demo content files (demo/content/) and create the pages they describe.

The format is described in demo/content/README.md. `read_content` reads and checks
every file before anything touches the database: a mistake raises ContentError,
which names the file. `DemoLoader` then creates what is missing, in French and
English; a page that already exists (found by its French slug under its parent)
is left as it is, so a second run changes nothing and duplicates nothing.
"""

import datetime
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from articles.models import AnalysisIndexPage, ArticleAuthor, ArticleIndexPage, ArticlePage, RelatedArticle, Topic
from contact.models import ContactPage, PrivacySettings
from core.models import GeneralPage, HomePage, SiteSettings
from offices.models import OfficeIndexPage, OfficePage
from people.models import PeopleIndexPage, PersonPage
from services.models import CaseStudyIndexPage, ServiceArticle, ServiceIndexPage, ServicePage, ServicePerson

from . import illustrations, reports

CONTENT_DIR = Path(__file__).resolve().parent / "content"
LANGUAGES = ("fr", "en")
LANGUAGE_NAMES = {"fr": "French", "en": "English"}


class ContentError(Exception):
    """A content file that cannot be read as it is: the message names the file and what to fix."""

    def __init__(self, path, message):
        self.path = path
        super().__init__(f"{path}: {message}")


@dataclass(frozen=True)
class Kind:
    """What one kind of page file holds.

    `translated` fields appear in both files (fr and en); `shared` ones (dates,
    keys of people, topics, offices...) only in the French file. `body` says what
    the Markdown body becomes: "blocks" (a StreamField), "paragraphs" (rich text)
    or None (no body).
    """

    translated: frozenset
    shared: frozenset = frozenset()
    required: frozenset = frozenset({"title", "slug"})
    required_shared: frozenset = frozenset()
    body: str | None = None
    model: type | None = None
    body_field: str = "body"  # the StreamField a "blocks" body fills


ARTICLE = Kind(
    translated=frozenset({"title", "slug", "standfirst", "search_description", "hero_alt"}),
    # hero: a picture drawn by demo/illustrations.py (maghreb-map, or abstract: decorative, no hero_alt).
    # kind: news (the default) or analysis; report: the key of a report of demo/reports.py, offered for download.
    shared=frozenset({"date", "authors", "topics", "offices", "related", "order", "hero", "kind", "report"}),
    required=frozenset({"title", "slug", "standfirst"}),
    required_shared=frozenset({"date", "authors"}),
    body="blocks",
    model=ArticlePage,
)
PERSON = Kind(
    translated=frozenset({"slug", "role", "search_summary"}),
    shared=frozenset({"full_name", "organisation", "office", "order"}),
    required=frozenset({"slug", "role"}),
    required_shared=frozenset({"full_name"}),
    body="paragraphs",
)
OFFICE = Kind(
    translated=frozenset(
        {"title", "slug", "country", "countries_served", "introduction", "partner_description"},
    ),
    shared=frozenset(
        {
            "city",
            "opened",
            "street_address",
            "phone",
            "latitude",
            "longitude",
            "partner_name",
            "partner_url",
            "order",
            "region_map",
        }
    ),
    required=frozenset({"title", "slug", "country"}),
    required_shared=frozenset({"city"}),
    body="blocks",
    model=OfficePage,
)
HOME = Kind(
    translated=frozenset(
        {"title", "slug", "hero_title", "hero_text", "intro_heading", "intro_text", "tagline", "legal_line", "address"}
    ),
    shared=frozenset({"contact_email", "phone", "linkedin_url"}),
    required=frozenset({"title", "slug", "hero_title"}),
    # The body is the home page's sections, written as fenced blocks (```hero, ```priorities, …).
    body="blocks",
    model=HomePage,
    body_field="sections",
)
INDEX = Kind(translated=frozenset({"title", "slug", "intro", "menu_label"}))
CONTACT = Kind(translated=frozenset({"title", "slug", "intro", "thank_you_title", "thank_you_text", "menu_label"}))
# A general page (the approach, a legal page, a region): an introduction and a body of shared blocks.
GENERAL = Kind(
    translated=frozenset({"title", "slug", "intro", "search_description", "menu_label"}),
    body="blocks",
    model=GeneralPage,
)
# A service's body holds three parts, each under its own first-level heading: # what_we_do, # how_we_work and
# # key_figures (SERVICE_PARTS); the texts around them are in the front matter.
SERVICE = Kind(
    translated=frozenset(
        {"title", "slug", "promise", "for_whom", "areas_served", "contact_text", "search_description"}
    ),
    shared=frozenset({"contact_person", "people", "articles", "order"}),
    required=frozenset({"title", "slug", "promise"}),
    body="service",
    model=ServicePage,
)
SERVICE_PARTS = ("what_we_do", "how_we_work", "key_figures")

# Fields that hold lists of keys or lines rather than text.
LIST_FIELDS = {"authors", "topics", "offices", "related", "countries_served", "areas_served", "people", "articles"}
# Fields whose values are not text.
OTHER_FIELDS = {"date", "opened", "latitude", "longitude", "order", "office"}

# The site's fixed pages, under site/: (file key, kind).
SITE_PAGES = {
    "home": HOME,
    "articles-index": INDEX,
    "people-index": INDEX,
    "offices-index": INDEX,
    "contact": CONTACT,
    "services-index": INDEX,
    "analyses-index": INDEX,
    "case-studies-index": INDEX,
    "approach": GENERAL,
    "west-africa": GENERAL,  # a region served without an office page, under the offices index
    "legal-notice": GENERAL,
    "privacy": GENERAL,
    "accessibility": GENERAL,
    "cookies": GENERAL,
}
# The site settings' menus and footer the demo starts with (site/menus.yaml): lists of page keys.
MENU_NAMES = SiteSettings.MENUS

FILE_NAME = re.compile(r"^(?P<key>[a-z0-9][a-z0-9-]*)\.(?P<language>[a-z]{2})\.md$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<meta>.*?)^---[ \t]*(?:\n|\Z)(?P<body>.*)\Z", re.S | re.M)


@dataclass
class Entry:
    """One page in both languages: translated fields as {field: {"fr": ..., "en": ...}}."""

    key: str
    path: Path  # the French file, where shared fields live
    text: dict = field(default_factory=dict)
    shared: dict = field(default_factory=dict)
    body: dict = field(default_factory=dict)

    def localized(self, name, column=None):
        """{"<column>_fr": ..., "<column>_en": ...} for the model's translated columns."""
        values = self.text.get(name, {})
        return {f"{column or name}_{code}": values.get(code, "") for code in LANGUAGES}


@dataclass
class Content:
    site: dict
    topics: list
    offices: list
    people: list
    articles: list
    services: list = field(default_factory=list)
    menus: dict = field(default_factory=dict)


# -- reading -----------------------------------------------------------------


def read_content(directory=CONTENT_DIR):
    """Every file under `directory`, read and checked; raises ContentError on the first mistake."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ContentError(directory, "no such content directory")
    content = Content(
        site={key: read_entry(directory / "site", key, kind) for key, kind in SITE_PAGES.items()},
        topics=read_topics(directory / "topics.yaml"),
        offices=read_collection(directory / "offices", OFFICE),
        people=read_collection(directory / "people", PERSON),
        articles=read_collection(directory / "articles", ARTICLE),
        services=read_collection(directory / "services", SERVICE),
        menus=read_menus(directory / "site" / "menus.yaml"),
    )
    check_references(content)
    return content


def read_collection(directory, kind):
    """Pages of one kind, one pair of files each, in the order their `order` field gives (then by key)."""
    keys = {}
    for path in sorted(directory.glob("*.md")):
        if path.name.upper() == "README.MD":
            continue
        match = FILE_NAME.match(path.name)
        if not match or match["language"] not in LANGUAGES:
            raise ContentError(path, "file names are <key>.fr.md and <key>.en.md (lower-case key, letters, digits, -)")
        keys.setdefault(match["key"], set()).add(match["language"])
    for key, languages in keys.items():
        for code in LANGUAGES:
            if code not in languages:
                other = next(iter(languages))
                raise ContentError(
                    directory / f"{key}.{other}.md",
                    f"has no {LANGUAGE_NAMES[code]} twin: add {key}.{code}.md next to it",
                )
    entries = [read_entry(directory, key, kind) for key in keys]
    return sorted(entries, key=lambda entry: (entry.shared.get("order", float("inf")), entry.key))


def read_entry(directory, key, kind):
    entry = Entry(key=key, path=directory / f"{key}.fr.md")
    for code in LANGUAGES:
        path = directory / f"{key}.{code}.md"
        if not path.exists():
            raise ContentError(path, f"missing (every page has a French and an English file: {key}.fr.md, {key}.en.md)")
        meta, body, offset = read_page(path)
        allowed = kind.translated | (kind.shared if code == "fr" else frozenset())
        for name in meta:
            if name in allowed:
                continue
            if name in kind.shared:
                raise ContentError(path, f"'{name}' is shared by both languages: set it in the French file only")
            raise ContentError(path, f"unknown field '{name}' (expected: {', '.join(sorted(allowed))})")
        required = kind.required | (kind.required_shared if code == "fr" else frozenset())
        missing = sorted(required - set(meta))
        if missing:
            raise ContentError(path, f"missing field(s): {', '.join(missing)}")
        for name, value in meta.items():
            value = check_value(path, name, value)
            if name in kind.translated:
                entry.text.setdefault(name, {})[code] = value
            else:
                entry.shared[name] = value
        entry.body[code] = read_body(path, body, offset, kind)
    return entry


def read_page(path):
    """(front matter as a dict, Markdown body, number of lines before the body) of one file."""
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if not match:
        raise ContentError(path, "malformed file: it must start with a front matter between two '---' lines")
    try:
        meta = yaml.safe_load(match["meta"])
    except yaml.YAMLError as exc:
        raise ContentError(path, f"malformed front matter{yaml_problem(exc, first_line=2)}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ContentError(path, "malformed front matter: expected 'field: value' lines")
    return meta, match["body"], text[: match.start("body")].count("\n")


def yaml_problem(exc, first_line):
    """' (line N): what is wrong' for a YAML error, N counted in the file (the YAML starts at first_line)."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    return f" (line {mark.line + first_line}): {problem}" if mark else f": {problem}"


def check_value(path, name, value):
    if name in LIST_FIELDS:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ContentError(path, f"'{name}' must be a list, e.g. [a, b]")
        return value
    if name in ("date", "opened"):
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            raise ContentError(path, f"'{name}' must be a date, YYYY-MM-DD") from None
    if name in ("latitude", "longitude"):
        if value is not None and not isinstance(value, int | float):
            raise ContentError(path, f"'{name}' must be a number")
        return value
    if name == "kind" and value not in ArticlePage.Kind.values:
        raise ContentError(path, f"'kind' must be one of {', '.join(ArticlePage.Kind.values)}")
    if name == "report" and value not in reports.REPORTS:
        raise ContentError(path, f"'report' must be one of {', '.join(reports.REPORTS)} (demo/reports.py)")
    if name == "order":
        if not isinstance(value, int):
            raise ContentError(path, "'order' must be a whole number")
        return value
    if value is None:
        return "" if name != "office" else None
    if not isinstance(value, str):
        raise ContentError(path, f"'{name}' must be text (put it in quotes)")
    return value


def read_body(path, body, offset, kind):
    if kind.body is None:
        if body.strip():
            raise ContentError(path, "this page has no body: put its texts in the front matter")
        return None
    if kind.body == "paragraphs":
        return "".join(paragraph_html(paragraph) for paragraph in split_paragraphs(body))
    if kind.body == "service":
        return read_service_parts(path, body, offset, kind.model)
    return parse_blocks(path, body, kind.model._meta.get_field(kind.body_field).stream_block, offset)


def read_service_parts(path, body, offset, model):
    """{part: blocks} of a service's body, split on its "# what_we_do", "# how_we_work", "# key_figures" lines."""
    parts, current, start, lines = {}, None, 0, body.split("\n")
    marks = [(number, line[2:].strip()) for number, line in enumerate(lines) if line.startswith("# ")]
    if body.strip() and (not marks or any(line.strip() for line in lines[: marks[0][0]])):
        raise ContentError(path, f"line {offset + 1}: start each part with one of: # {', # '.join(SERVICE_PARTS)}")
    for index, (number, name) in enumerate(marks):
        if name not in SERVICE_PARTS or name in parts:
            raise ContentError(
                path, f"line {offset + number + 1}: '# {name}' is not one of # {', # '.join(SERVICE_PARTS)}"
            )
        current, start = name, number + 1
        end = marks[index + 1][0] if index + 1 < len(marks) else len(lines)
        stream_block = model._meta.get_field(current).stream_block
        parts[current] = parse_blocks(path, "\n".join(lines[start:end]), stream_block, offset + start)
    return parts


def read_menus(path):
    """{menu: [page key, ...]} of site/menus.yaml; "services" stands for every service, in order."""
    try:
        menus = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        return {}
    except yaml.YAMLError as exc:
        raise ContentError(path, f"malformed YAML{yaml_problem(exc, first_line=1)}") from None
    if not isinstance(menus, dict) or set(menus) - set(MENU_NAMES):
        raise ContentError(path, f"expected some of: {', '.join(MENU_NAMES)}")
    for name, keys in menus.items():
        if not isinstance(keys, list) or not all(isinstance(key, str) for key in keys):
            raise ContentError(path, f"'{name}' must be a list of page keys")
    return menus


def split_paragraphs(body):
    paragraphs = re.split(r"\n[ \t]*\n", body.strip())
    return [" ".join(line.strip() for line in paragraph.splitlines()) for paragraph in paragraphs if paragraph.strip()]


def paragraph_html(text):
    """A paragraph of the Markdown body: wrapped in <p>, unless it is HTML already."""
    return text if text.startswith("<") else f"<p>{text}</p>"


def parse_blocks(path, body, stream_block, offset=0):
    """The Markdown body as StreamField blocks: [{"type": ..., "value": ...}, ...].

    ## / ### headings, "- " bullet lists, "- [x] " check lists and paragraphs are
    written as Markdown; any block can also be written as a fenced block whose
    info string is the block type and whose content is the block's value in YAML.
    """
    lines = body.split("\n")
    result = []
    group = []  # (line number, line) of the current run of non-blank lines

    def add(block_type, value, line_number):
        if block_type not in stream_block.child_blocks:
            known = ", ".join(stream_block.child_blocks)
            raise ContentError(path, f"line {line_number}: unknown block type '{block_type}' (known: {known})")
        block = stream_block.child_blocks[block_type]
        value = complete(path, f"line {line_number}, {block_type}", block, value)
        result.append({"type": block_type, "value": value})

    def flush():
        if not group:
            return
        number = group[0][0]
        texts = [line.strip() for _, line in group]
        group.clear()
        if texts[0].startswith("#"):
            hashes = len(texts[0]) - len(texts[0].lstrip("#"))
            if len(texts) > 1 or hashes not in (2, 3):
                raise ContentError(path, f"line {number}: a heading is one line starting with ## or ###")
            add("heading", {"text": texts[0][hashes:].strip(), "level": f"h{hashes}"}, number)
        elif texts[0].startswith("- "):
            if not all(text.startswith("- ") for text in texts):
                raise ContentError(path, f"line {number}: every line of a list starts with '- '")
            checks = [text.startswith("- [x] ") for text in texts]
            if any(checks) and not all(checks):
                raise ContentError(path, f"line {number}: a check list has '- [x] ' on every line")
            style = "check" if all(checks) else "bullet"
            items = [text[6:] if style == "check" else text[2:] for text in texts]
            add("list", {"style": style, "items": [item.strip() for item in items]}, number)
        else:
            for line_number, text in zip(range(number, number + len(texts)), texts, strict=True):
                if text.startswith(("#", "- ")) and line_number != number:
                    raise ContentError(path, f"line {line_number}: leave a blank line before a heading or a list")
            add("paragraph", paragraph_html(" ".join(texts)), number)

    index = 0
    while index < len(lines):
        line = lines[index]
        number = offset + index + 1  # in the file, for messages
        if line.startswith("```"):
            flush()
            block_type = line[3:].strip()
            if not block_type:
                raise ContentError(path, f"line {number}: say which block this is, e.g. ```quote")
            end = next((i for i in range(index + 1, len(lines)) if lines[i].strip() == "```"), None)
            if end is None:
                raise ContentError(path, f"line {number}: this ```{block_type} block is never closed by ```")
            try:
                value = yaml.safe_load("\n".join(lines[index + 1 : end]))
            except yaml.YAMLError as exc:
                problem = yaml_problem(exc, first_line=number + 1)
                raise ContentError(path, f"malformed {block_type} block{problem}") from None
            add(block_type, value, number)
            index = end + 1
            continue
        if line.strip():
            group.append((number, line))
        else:
            flush()
        index += 1
    flush()
    return result


def complete(path, where, block, value):
    """Check a block's value against its definition and fill in the fields left out."""
    if isinstance(block, blocks.StructBlock):
        if not isinstance(value, dict):
            raise ContentError(path, f"{where}: expected 'field: value' lines")
        unknown = sorted(set(value) - set(block.child_blocks))
        if unknown:
            expected = ", ".join(block.child_blocks)
            raise ContentError(path, f"{where}: unknown field(s) {', '.join(unknown)} (expected: {expected})")
        result = {}
        for name, child in block.child_blocks.items():
            if value.get(name) is not None:
                result[name] = complete(path, f"{where}.{name}", child, value[name])
            elif child.required and not isinstance(child, blocks.ChoiceBlock):
                raise ContentError(path, f"{where}: missing '{name}'")
            elif isinstance(child, blocks.ChooserBlock):
                result[name] = None
            elif isinstance(child, blocks.ChoiceBlock):
                result[name] = child.get_default()
            elif isinstance(child, blocks.BooleanBlock):
                result[name] = False
            else:
                result[name] = ""
        return result
    if isinstance(block, blocks.ListBlock):
        if not isinstance(value, list):
            raise ContentError(path, f"{where}: expected a list ('- ' lines)")
        return [complete(path, where, block.child_block, item) for item in value]
    if isinstance(block, blocks.PageChooserBlock):
        if not isinstance(value, str):
            raise ContentError(path, f"{where}: expected a person's key, e.g. jamal-mossaddeq")
        return value  # a person's key, replaced by the page's id when loading
    if isinstance(block, blocks.ChooserBlock):
        raise ContentError(path, f"{where}: not available in demo files (it needs an uploaded file)")
    if isinstance(block, blocks.BooleanBlock):
        return bool(value)
    if isinstance(block, blocks.StaticBlock):
        return None  # nothing to write: the block shows data kept elsewhere (e.g. the legal details)
    if isinstance(block, blocks.ChoiceBlock):
        choices = [str(choice[0]) for choice in block.field.choices if choice[0] != ""]
        if value not in choices:
            raise ContentError(path, f"{where}: '{value}' is not one of {', '.join(choices)}")
        return value
    if not isinstance(value, str):
        raise ContentError(path, f"{where}: expected text (put it in quotes)")
    return value


def read_topics(path):
    try:
        topics = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(path, "missing") from None
    except yaml.YAMLError as exc:
        raise ContentError(path, f"malformed YAML: {exc}") from None
    if not isinstance(topics, list):
        raise ContentError(path, "expected a list of topics")
    for topic in topics:
        if not isinstance(topic, dict) or set(topic) != {"key", "name", "slug"}:
            raise ContentError(path, f"each topic has a key, a name and a slug: {topic!r}")
        for name in ("name", "slug"):
            if not isinstance(topic[name], dict) or set(topic[name]) != set(LANGUAGES):
                raise ContentError(path, f"topic '{topic['key']}': {name} needs fr and en")
    return topics


def check_references(content):
    """Every key a file names (person, office, topic, article) exists."""
    people = {entry.key for entry in content.people}
    offices = {entry.key for entry in content.offices}
    topics = {topic["key"] for topic in content.topics}
    articles = {entry.key for entry in content.articles}

    def check(entry, kind, keys, known):
        for key in keys:
            if key not in known:
                raise ContentError(entry.path, f"unknown {kind} '{key}' (known: {', '.join(sorted(known))})")

    for entry in content.people:
        check(entry, "office", [entry.shared["office"]] if entry.shared.get("office") else [], offices)
    for entry in content.services:
        contact = entry.shared.get("contact_person")
        check(entry, "person", [*([contact] if contact else []), *entry.shared.get("people", [])], people)
        check(entry, "article", entry.shared.get("articles", []), articles)
    known_pages = {*content.site, *(entry.key for entry in content.services), "services"}
    for name, keys in content.menus.items():
        for key in keys:
            if key not in known_pages:
                raise ContentError(CONTENT_DIR / "site" / "menus.yaml", f"{name}: unknown page '{key}'")
    for entry in content.articles:
        hero = entry.shared.get("hero")
        if hero and hero not in illustrations.KINDS:
            raise ContentError(entry.path, f"unknown hero '{hero}' (known: {', '.join(illustrations.KINDS)})")
        if hero and hero != "abstract" and not all(entry.text.get("hero_alt", {}).get(code) for code in LANGUAGES):
            raise ContentError(entry.path, "a hero that is not abstract needs its 'hero_alt' in both languages")
        check(entry, "person", entry.shared.get("authors", []), people)
        check(entry, "topic", entry.shared.get("topics", []), topics)
        check(entry, "office", entry.shared.get("offices", []), offices)
        check(entry, "article", entry.shared.get("related", []), articles)
        for code in LANGUAGES:
            for block in entry.body[code]:
                value = block["value"]
                if isinstance(value, dict) and value.get("person"):
                    path = entry.path.with_name(f"{entry.key}.{code}.md")
                    check(Entry(key=entry.key, path=path), "person", [value["person"]], people)


# -- loading -----------------------------------------------------------------


class DemoLoader:
    """Creates the pages of a Content that do not exist yet; `created` counts them."""

    def __init__(self, content):
        self.content = content
        self.created = 0
        self.home_created = False  # the sections are written once, on the run that creates the home page

    def load(self):
        home = self.load_home()
        self.load_settings()
        site = self.content.site
        # Indexes first, in the order the menu shows them; the contact page last.
        news_index = self.add_index(home, ArticleIndexPage, site["articles-index"])
        people_index = self.add_index(home, PeopleIndexPage, site["people-index"])
        offices_index = self.add_index(home, OfficeIndexPage, site["offices-index"])
        contact = self.load_contact_page(home, site["contact"])
        services_index = self.add_index(home, ServiceIndexPage, site["services-index"])
        analyses_index = self.add_index(home, AnalysisIndexPage, site["analyses-index"])
        # No case study yet (the source names no client): the index hides itself until one is published.
        case_studies_index = self.add_index(home, CaseStudyIndexPage, site["case-studies-index"])
        general = {"approach": self.add_general(home, site["approach"], show_in_menus=True)}
        for key in ("legal-notice", "privacy", "accessibility", "cookies"):
            general[key] = self.add_general(home, site[key])
        home_is_new = self.home_created
        offices = self.load_offices(offices_index)
        # After the offices: the office index lists its office pages first, then the regions.
        general["west-africa"] = self.add_general(offices_index, site["west-africa"])
        people = self.load_people(people_index, offices)
        articles = self.load_articles(news_index, people, offices)
        services = self.load_services(services_index, people, articles)
        site_pages = {
            "home": home,
            "articles-index": news_index,
            "people-index": people_index,
            "offices-index": offices_index,
            "services-index": services_index,
            "analyses-index": analyses_index,
            "case-studies-index": case_studies_index,
            "contact": contact,
            **general,
        }
        self.load_menus(site_pages, services)
        self.link_privacy_notice(general["privacy"])
        if home_is_new:
            self.load_home_sections(home, {**offices, **people, **articles, **site_pages, **services})
        return self.created

    def get_or_add_child(self, parent, model, entry, **fields):
        existing = model.objects.child_of(parent).filter(slug_fr=entry.text["slug"]["fr"]).first()
        if existing:
            return existing
        page = model(**self.page_fields(entry), **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    @staticmethod
    def page_fields(entry):
        titles = entry.text.get("title") or dict.fromkeys(LANGUAGES, entry.shared["full_name"])
        return {
            "title": titles["fr"],
            **{f"title_{code}": titles[code] for code in LANGUAGES},
            "slug": entry.text["slug"]["fr"],
            **entry.localized("slug"),
        }

    def load_home(self):
        home = HomePage.objects.first()
        if home:
            return home
        entry = self.content.site["home"]
        root = Page.get_first_root_node()
        # Wagtail's install creates a "Welcome" page as the site root; deleting
        # it also deletes its Site, recreated below for the new home page.
        for welcome in root.get_children().filter(content_type__model="page", content_type__app_label="wagtailcore"):
            welcome.delete()
        home = HomePage(
            **self.page_fields(entry),
            **entry.localized("hero_title"),
            **entry.localized("hero_text"),
            **entry.localized("intro_heading"),
            **entry.localized("intro_text"),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        self.created += 1
        self.home_created = True
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname = "localhost"
        site.port = 80
        site.site_name = "OswegO"
        site.root_page = home
        site.save()
        return home

    def load_home_sections(self, home, pages):
        """The home page's sections, once every page they point at exists (keys become page ids)."""
        entry = self.content.site["home"]
        stream_block = HomePage._meta.get_field("sections").stream_block
        for code in LANGUAGES:
            sections = [
                {
                    "type": section["type"],
                    "value": with_page_ids(stream_block.child_blocks[section["type"]], section["value"], pages),
                }
                for section in entry.body[code] or []
            ]
            setattr(home, f"sections_{code}", json.dumps(sections))
        home.save_revision().publish()

    @staticmethod
    def link_privacy_notice(privacy):
        """The contact form's consent box links to the demo's privacy notice; an editor's choice is kept."""
        privacy_settings = PrivacySettings.for_default_site()
        if privacy_settings.pk and privacy_settings.privacy_page_id is None:
            privacy_settings.privacy_page = privacy
            privacy_settings.save()

    def load_settings(self):
        entry = self.content.site["home"]
        site_settings = SiteSettings.load()
        if site_settings.legal_line_fr:
            return
        for name in ("tagline", "legal_line", "address"):
            for column, value in entry.localized(name).items():
                setattr(site_settings, column, value)
        for name in ("contact_email", "phone", "linkedin_url"):
            setattr(site_settings, name, entry.shared.get(name, ""))
        site_settings.save()

    def add_index(self, home, model, entry):
        return self.get_or_add_child(home, model, entry, **entry.localized("intro", "introduction"), show_in_menus=True)

    def load_contact_page(self, home, entry):
        return self.get_or_add_child(
            home,
            ContactPage,
            entry,
            **entry.localized("intro"),
            **entry.localized("thank_you_title"),
            **entry.localized("thank_you_text"),
            show_in_menus=True,
        )

    def add_general(self, parent, entry, show_in_menus=False):
        return self.get_or_add_child(
            parent,
            GeneralPage,
            entry,
            **entry.localized("intro", "introduction"),
            **entry.localized("search_description"),
            **{f"body_{code}": json.dumps(entry.body[code]) for code in LANGUAGES},
            show_in_menus=show_in_menus,
        )

    def load_services(self, index, people, articles):
        services = {}
        for entry in self.content.services:
            existing = ServicePage.objects.child_of(index).filter(slug_fr=entry.text["slug"]["fr"]).first()
            if existing:
                services[entry.key] = existing
                continue
            contact = entry.shared.get("contact_person")
            parts = {code: entry.body[code] or {} for code in LANGUAGES}
            service = ServicePage(
                **self.page_fields(entry),
                **entry.localized("promise"),
                **entry.localized("for_whom"),
                **entry.localized("contact_text"),
                **entry.localized("search_description"),
                **{
                    f"areas_served_{code}": "\n".join(entry.text.get("areas_served", {}).get(code, []))
                    for code in LANGUAGES
                },
                **{
                    f"{part}_{code}": json.dumps(parts[code].get(part, []))
                    for part in SERVICE_PARTS
                    for code in LANGUAGES
                },
                contact_person=people[contact] if contact else None,
            )
            service.related_people = [ServicePerson(person=people[key]) for key in entry.shared.get("people", [])]
            service.related_articles = [
                ServiceArticle(article=articles[key]) for key in entry.shared.get("articles", [])
            ]
            index.add_child(instance=service)
            service.save_revision().publish()
            self.created += 1
            services[entry.key] = service
        return services

    def load_menus(self, site_pages, services):
        """The menus and footer settings, on the first run only (an editor's lists are never replaced)."""
        navigation = SiteSettings.load()
        if any(getattr(navigation, f"{name}_{code}") for name in MENU_NAMES for code in LANGUAGES):
            return
        for name, keys in self.content.menus.items():
            # Pages by key; "services" is every service. The header's menu shows the pages' short menu_label,
            # the footer's columns their full titles.
            pages = []
            for key in keys:
                pages.extend(services.values() if key == "services" else [(site_pages[key], key)])
            for code in LANGUAGES:
                links = []
                for page, key in (item if isinstance(item, tuple) else (item, None) for item in pages):
                    entry = self.content.site.get(key) if name == "main_menu" else None
                    label = entry.text.get("menu_label", {}).get(code, "") if entry else ""
                    links.append({"type": "link", "value": {"page": page.pk, "label": label}})
                setattr(navigation, f"{name}_{code}", json.dumps(links))
        navigation.save()

    def load_offices(self, index):
        offices = {}
        for entry in self.content.offices:
            shared = entry.shared
            countries = {code: "\n".join(lines) for code, lines in entry.text.get("countries_served", {}).items()}
            offices[entry.key] = self.get_or_add_child(
                index,
                OfficePage,
                entry,
                city=shared["city"],
                **entry.localized("country"),
                opened_on=shared.get("opened"),
                **{f"countries_served_{code}": countries.get(code, "") for code in LANGUAGES},
                street_address=shared.get("street_address", ""),
                phone=shared.get("phone", ""),
                latitude=shared.get("latitude"),
                longitude=shared.get("longitude"),
                region_map=shared.get("region_map", ""),
                partner_name=shared.get("partner_name", ""),
                **entry.localized("partner_description"),
                partner_url=shared.get("partner_url", ""),
                **entry.localized("introduction"),
                **{f"body_{code}": json.dumps(entry.body[code]) for code in LANGUAGES},
            )
        return offices

    def load_people(self, index, offices):
        people = {}
        for entry in self.content.people:
            office = entry.shared.get("office")
            people[entry.key] = self.get_or_add_child(
                index,
                PersonPage,
                entry,
                full_name=entry.shared["full_name"],
                **entry.localized("role"),
                organisation=entry.shared.get("organisation") or "OswegO",
                **{f"biography_{code}": entry.body[code] for code in LANGUAGES},
                **entry.localized("search_summary", "search_description"),
                office=offices[office] if office else None,
            )
        return people

    def load_articles(self, index, people, offices):
        topics = {}
        for data in self.content.topics:
            topic = Topic.objects.filter(slug_fr=data["slug"]["fr"]).first()
            if topic is None:
                topic = Topic.objects.create(
                    name=data["name"]["fr"],
                    **{f"name_{code}": data["name"][code] for code in LANGUAGES},
                    **{f"slug_{code}": data["slug"][code] for code in LANGUAGES},
                )
            topics[data["key"]] = topic

        def resolve(blocks):
            """Replace people's keys by their page ids, as the blocks store them."""
            resolved = []
            for block in blocks:
                value = block["value"]
                if isinstance(value, dict) and "person" in value:
                    key = value["person"]
                    value = {**value, "person": people[key].pk if key else None}
                resolved.append({"type": block["type"], "value": value})
            return json.dumps(resolved)

        articles = {}
        for entry in self.content.articles:
            existing = ArticlePage.objects.child_of(index).filter(slug_fr=entry.text["slug"]["fr"]).first()
            if existing:
                articles[entry.key] = existing
                continue
            # The test suite leaves the pictures out unless a test asks (settings/test.py).
            hero = entry.shared.get("hero") if getattr(settings, "DEMO_ILLUSTRATIONS", True) else None
            article = ArticlePage(
                **self.page_fields(entry),
                **entry.localized("standfirst"),
                **entry.localized("search_description"),
                **{f"body_{code}": resolve(entry.body[code]) for code in LANGUAGES},
                date=entry.shared["date"],
                hero_image=self.illustration(hero, entry.key) if hero else None,
                hero_image_decorative=hero == "abstract",
                **(entry.localized("hero_alt", "hero_image_alt") if hero else {}),
                hero_image_alt=entry.text.get("hero_alt", {}).get("fr", ""),
                kind=entry.shared.get("kind") or ArticlePage.Kind.NEWS,
                **self.report_documents(entry.shared.get("report")),
            )
            article.authors = [ArticleAuthor(person=people[key]) for key in entry.shared["authors"]]
            article.topics = [topics[key] for key in entry.shared.get("topics", [])]
            article.offices = [offices[key] for key in entry.shared.get("offices", [])]
            index.add_child(instance=article)
            article.save_revision().publish()
            self.created += 1
            articles[entry.key] = article
        self.link_related_articles(articles)
        return articles

    @staticmethod
    def illustration(kind, key):
        """The demo image of that kind (a map is shared; an abstract picture is the page's own), made once."""
        title = "Illustration: maghreb-map" if kind == "maghreb-map" else f"Illustration: {key}"
        image_model = get_image_model()
        image = image_model.objects.filter(title=title).first()
        if image is None:
            data = illustrations.draw(kind, seed=key)
            name = f"{title.split(': ')[1]}.png"
            image = image_model(title=title, file=ImageFile(io.BytesIO(data), name=name))
            focus = illustrations.focal_point(kind)
            if focus:  # crops (a share image's column) keep Casablanca
                image.focal_point_x, image.focal_point_y = focus
                image.focal_point_width = image.focal_point_height = 240
            image.save()
        return image

    @staticmethod
    def report_documents(key):
        """{report_fr: document, report_en: document} of a demo report, built now (demo/reports.py) and kept in a
        collection of its own; {} without a report."""
        if not key:
            return {}
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name="Rapports").first() or root.add_child(name="Rapports")
        documents = {}
        for code in LANGUAGES:
            title = reports.title(key, code)
            document = get_document_model().objects.filter(title=title).first()
            if document is None:
                name, content = reports.build(key, code)
                document = get_document_model().objects.create(
                    title=title, file=ContentFile(content, name=name), collection=collection
                )
            documents[f"report_{code}"] = document
        return documents

    def link_related_articles(self, articles):
        """Related articles point at each other: link them once all exist."""
        for entry in self.content.articles:
            article = articles[entry.key]
            related = entry.shared.get("related", [])
            if not related or article.related_articles.exists():
                continue
            article.related_articles = [RelatedArticle(article=articles[key]) for key in related]
            article.save_revision().publish()


def with_page_ids(block, value, pages):
    """A block's value with each page key (as demo files write them) replaced by the page's id."""
    if isinstance(block, blocks.PageChooserBlock):
        return pages[value].pk if value else None
    if isinstance(block, blocks.StructBlock):
        return {name: with_page_ids(child, value.get(name), pages) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.ListBlock):
        return [with_page_ids(block.child_block, item, pages) for item in value or []]
    return value
