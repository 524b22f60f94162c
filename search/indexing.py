"""Building a page's search documents from its search fields, one language at a time."""

import logging
import uuid

from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.utils import translation
from django.utils.html import strip_tags
from modeltranslation.translator import NotRegistered, translator
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core import languages
from search.models import SearchDocument
from search.text import plain

LANGUAGES = languages.CODES
DEFAULT = languages.DEFAULT
# The PostgreSQL text search configurations made by this app's migration.
PG_CONFIGS = {"fr": "oswego_fr", "en": "oswego_en"}
# Cached search results (search/views.py) are keyed on this version, changed by every write to the index.
INDEX_VERSION_KEY = "search:index-version"

logger = logging.getLogger(__name__)


def index_version():
    try:
        version = cache.get(INDEX_VERSION_KEY)
        if version is None:
            cache.add(INDEX_VERSION_KEY, uuid.uuid4().hex, timeout=None)
            version = cache.get(INDEX_VERSION_KEY)
    except Exception:  # a cache outage costs speed, never a page
        logger.warning("Search: index version unavailable", exc_info=True)
        return None
    return version


def _index_changed():
    try:
        cache.set(INDEX_VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:
        logger.exception("Search: cached results could not be invalidated")


def _translated_fields(model):
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def _field_text(page, field_name, language, translated):
    """The field's own value in ``language``: never the fallback of another language."""
    name = f"{field_name}_{language}" if field_name in translated else field_name
    value = getattr(page, name, None)
    if value in (None, ""):
        return ""
    field = page._meta.get_field(name)
    if isinstance(field, StreamField):
        chunks = []
        with translation.override(language):
            for child in value:
                chunks.extend(child.block.get_searchable_content(child.value))
        return " ".join(strip_tags(str(chunk)) for chunk in chunks)
    if isinstance(field, RichTextField):
        return strip_tags(value)
    return str(value)


def document_text(page, language):
    """(title, text) of a page in one language, or None when the page is not written in it."""
    translated = _translated_fields(type(page)) | _translated_fields(Page)
    title = getattr(page, f"title_{language}", None)
    if not title:
        if language != DEFAULT:
            return None
        title = page.title
    parts = []
    suffixes = tuple(f"_{code}" for code in LANGUAGES)
    for field in page.search_fields:
        if isinstance(field, index.SearchField):
            name = field.field_name
            # The title is the document's own; the _fr/_en copies are read through their base field.
            if name == "title" or name.endswith(suffixes):
                continue
            try:
                parts.append(_field_text(page, name, language, translated))
            except FieldDoesNotExist:  # a search field backed by a method, not a column
                continue
        elif isinstance(field, index.RelatedFields):
            related = getattr(page, field.field_name, None)
            if related is not None and hasattr(related, "all"):
                for obj in related.all():
                    parts.append(getattr(obj, f"name_{language}", None) or str(obj))
    search_description = getattr(page, f"search_description_{language}", None)
    if search_description:
        parts.append(search_description)
    return title, " ".join(part for part in parts if part)


def index_page(page):
    """Write (or remove) the page's document in every language."""
    page = page.specific
    if not page.live:
        unindex_page(page)
        return
    _index_changed()
    for language in LANGUAGES:
        content = document_text(page, language)
        if content is None:
            SearchDocument.objects.filter(page=page, language=language).delete()
            continue
        title, text = content
        document, _created = SearchDocument.objects.update_or_create(
            page=page,
            language=language,
            defaults={"title": title, "text": text, "plain": plain(f"{title} {text}")},
        )
        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import SearchVector

            config = PG_CONFIGS[language]
            vector = SearchVector("title", weight="A", config=config) + SearchVector("text", weight="B", config=config)
            SearchDocument.objects.filter(pk=document.pk).update(vector=vector)


def unindex_page(page):
    SearchDocument.objects.filter(page_id=page.pk).delete()
    _index_changed()


def rebuild():
    """Index every live page; drop documents of pages that are gone or no longer live."""
    SearchDocument.objects.exclude(page__live=True).delete()
    _index_changed()
    count = 0
    for page in Page.objects.live().filter(depth__gte=2).specific():
        index_page(page)
        count += 1
    return count
