"""Which translated fields of a page are still empty, language by language."""

from django.conf import settings
from django.utils.html import strip_tags
from modeltranslation.translator import NotRegistered, translator
from wagtail.blocks import StreamValue
from wagtail.models import Page

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Filled in automatically, or technical: not an editor's job to translate.
IGNORED = {"slug", "url_path"}


def translated_fields(model):
    """The model's translated fields in panel order: Page's own first, then the model's."""
    registered = set()
    for klass in (Page, model):
        try:
            registered |= set(translator.get_options_for_model(klass).get_field_names())
        except NotRegistered:
            continue
    ordered = [field.name for field in model._meta.get_fields() if getattr(field, "name", None) in registered]
    return [name for name in ordered if name not in IGNORED]


def is_empty(value):
    if value is None:
        return True
    if isinstance(value, StreamValue):
        return len(value) == 0
    if isinstance(value, list):
        return not value
    return not strip_tags(str(value)).strip()


def missing_fields(page, language):
    """Fields written in another language but still empty in ``language`` (verbose names)."""
    missing = []
    for name in translated_fields(type(page)):
        if not is_empty(getattr(page, f"{name}_{language}", None)):
            continue
        others = [code for code in LANGUAGES if code != language]
        if any(not is_empty(getattr(page, f"{name}_{code}", None)) for code in others):
            missing.append(page._meta.get_field(f"{name}_{language}").verbose_name)
    return missing


def translation_status(page):
    """{language code: [missing field names]} for every language."""
    return {code: missing_fields(page, code) for code in LANGUAGES}


def pages_missing_translation():
    """(page, {language: missing fields}) for every page with a gap, grouped by page type."""
    gaps = []
    for page in Page.objects.filter(depth__gte=2).specific().order_by("content_type", "path"):
        status = {code: fields for code, fields in translation_status(page).items() if fields}
        if status:
            gaps.append((page, status))
    return gaps
