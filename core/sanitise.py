"""Rich text made safe where it is stored, whatever saved it: the admin, the demo loader, an import, a shell.

Wagtail's editor only ever writes the HTML its features allow, but HTML that did not pass through the editor (a
migration, ``manage.py shell``, an import) was stored and rendered as it came, and ran in the admin's "View draft"
and preview. Here every save of a model with rich text (pages, snippets, settings) and of a revision (drafts,
previews, "View draft") passes each rich text value through nh3 with the allow-list of the features that field or
block offers its editor. Wagtail's storage format (``<a linktype="page" id="3">``, ``<embed embedtype="image" …>``)
is part of that allow-list, so links to pages and documents keep working.
"""

import json
from functools import cache

import nh3
from django.db.models.signals import pre_save
from modeltranslation.translator import NotRegistered, translator
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Revision
from wagtail.rich_text import features as feature_registry

# What each editor feature may store (Wagtail's database format for it, and the plain tags an import may bring).
FEATURE_TAGS = {
    "bold": {"b": set(), "strong": set()},
    "italic": {"i": set(), "em": set()},
    "link": {"a": {"href", "linktype", "id"}},
    "document-link": {"a": {"href", "linktype", "id"}},
    "ol": {"ol": set(), "li": set()},
    "ul": {"ul": set(), "li": set()},
    "h2": {"h2": set()},
    "h3": {"h3": set()},
    "h4": {"h4": set()},
    "hr": {"hr": set()},
    "blockquote": {"blockquote": set()},
    "code": {"code": set()},
    "superscript": {"sup": set()},
    "subscript": {"sub": set()},
    "strikethrough": {"s": set()},
    "image": {"embed": {"embedtype", "id", "format", "alt"}},
    "embed": {"embed": {"embedtype", "url"}},
}
# Paragraphs and line breaks need no feature in Wagtail's editor.
ALWAYS = {"p": set(), "br": set()}
# Links the editor can make: web, e-mail and telephone; anything else (javascript:, data:) loses its href.
URL_SCHEMES = {"http", "https", "mailto", "tel"}


@cache
def _allow_list(features):
    tags = {tag: set(attributes) for tag, attributes in ALWAYS.items()}
    for feature in features:
        for tag, attributes in FEATURE_TAGS.get(feature, {}).items():
            tags.setdefault(tag, set()).update(attributes)
    return frozenset(tags), {tag: attributes for tag, attributes in tags.items() if attributes}


def clean_html(html, features=None):
    """The HTML with only what ``features`` (a field's or block's, Wagtail's defaults when None) may store."""
    if not html or not isinstance(html, str):
        return html
    features = tuple(features) if features is not None else tuple(feature_registry.get_default_features())
    tags, attributes = _allow_list(features)
    cleaned = nh3.clean(html, tags=set(tags), attributes=attributes, url_schemes=URL_SCHEMES, link_rel=None)
    # nh3 writes the no-break spaces of French typography as entities; keep them as the characters they were.
    return cleaned.replace("&nbsp;", "\u00a0")


def clean_block_value(block, value):
    """A block's raw (JSON) value with every rich text inside it cleaned."""
    if isinstance(block, blocks.RichTextBlock):
        return clean_html(value, block.features)
    if isinstance(block, blocks.StreamBlock) and isinstance(value, list):
        cleaned = []
        for child in value:
            child_block = block.child_blocks.get(child.get("type")) if isinstance(child, dict) else None
            if child_block is not None and "value" in child:
                child = {**child, "value": clean_block_value(child_block, child["value"])}
            cleaned.append(child)
        return cleaned
    if isinstance(block, blocks.ListBlock) and isinstance(value, list):
        return [
            {**item, "value": clean_block_value(block.child_block, item["value"])}
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item
            else clean_block_value(block.child_block, item)
            for item in value
        ]
    if isinstance(block, blocks.StructBlock) and isinstance(value, dict):
        return {
            name: clean_block_value(block.child_blocks[name], child) if name in block.child_blocks else child
            for name, child in value.items()
        }
    return value


def clean_stream_data(field, data):
    """A StreamField's raw data (a list, or its JSON text as revisions keep it) with its rich text cleaned."""
    if isinstance(data, str):
        try:
            parsed = json.loads(data)
        except ValueError:
            return data
        return json.dumps(clean_block_value(field.stream_block, parsed))
    return clean_block_value(field.stream_block, data)


@cache
def rich_fields(model):
    """The model's rich text and stream fields, by attribute name."""
    return tuple(field for field in model._meta.concrete_fields if isinstance(field, (RichTextField, StreamField)))


def _translated_originals(model):
    # django-modeltranslation keeps the untranslated name as a proxy to the active language's field: reading it may
    # give another language's text (its fallback), so only the per-language fields are cleaned.
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def clean_instance(instance):
    """Clean every rich text field and stream field of a model instance, in place."""
    skipped = _translated_originals(type(instance))
    for field in rich_fields(type(instance)):
        if field.name in skipped:
            continue
        value = getattr(instance, field.attname)
        if isinstance(field, RichTextField):
            cleaned = clean_html(value, field.features)
            if cleaned != value:
                setattr(instance, field.attname, cleaned)
        elif value is not None:
            raw = field.get_prep_value(value)
            if isinstance(raw, str):
                raw = json.loads(raw)
            cleaned = clean_block_value(field.stream_block, raw)
            if cleaned != raw:
                setattr(instance, field.attname, cleaned)


def clean_revision_content(model, content):
    """A revision's serialised content (a dict of field name to value) with its rich text cleaned, in place."""
    if model is None or not isinstance(content, dict):
        return content
    for field in rich_fields(model):
        for name in (field.name, field.attname):
            if name in content:
                if isinstance(field, RichTextField):
                    content[name] = clean_html(content[name], field.features)
                else:
                    content[name] = clean_stream_data(field, content[name])
    return content


def clean_before_save(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: fixtures are restored as they were dumped (already cleaned when first saved).
        return
    if isinstance(instance, Revision):
        model = instance.content_type.model_class() if instance.content_type_id else None
        clean_revision_content(model, instance.content)
    elif rich_fields(sender):
        clean_instance(instance)


def connect():
    pre_save.connect(clean_before_save, dispatch_uid="oswego_clean_rich_text")
