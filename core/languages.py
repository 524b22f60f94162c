"""The site's languages in one place: codes, the default, names, Open Graph locales, a page's URL in a language,
and which translated fields of a page are still empty in each one.

Settings declare the languages (``LANGUAGES``, ``MODELTRANSLATION_DEFAULT_LANGUAGE``); everything else reads them
from here.
"""

from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags
from modeltranslation.translator import NotRegistered, translator
from wagtail.blocks import StreamValue
from wagtail.models import Page

CODES = tuple(code for code, _name in settings.LANGUAGES)
DEFAULT = settings.MODELTRANSLATION_DEFAULT_LANGUAGE

# Each language is named in itself: a reader looking for their language must
# recognise it whatever the page's language is.
AUTONYMS = {"fr": "Français", "en": "English"}
# og:locale of each language.
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def is_known(code):
    return code in CODES


def autonym(code):
    return AUTONYMS.get(code, code)


def og_locale(code):
    return OG_LOCALES.get(code, OG_LOCALES[DEFAULT])


def page_url(page, code, request=None, absolute=False):
    """The page's URL in language ``code`` (its translated slug), relative unless ``absolute``; None when not
    routable."""
    with translation.override(code):
        url = page.get_full_url(request) if absolute else page.get_url(request)
    return url or None


# --- What is still missing in each language -------------------------------

# Filled in automatically, or technical: not an editor's job to translate.
IGNORED_FIELDS = {"slug", "url_path"}


def translated_fields(model):
    """The model's translated fields in panel order: Page's own first, then the model's."""
    registered = set()
    for klass in (Page, model):
        try:
            registered |= set(translator.get_options_for_model(klass).get_field_names())
        except NotRegistered:
            continue
    ordered = [field.name for field in model._meta.get_fields() if getattr(field, "name", None) in registered]
    return [name for name in ordered if name not in IGNORED_FIELDS]


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
    others = [code for code in CODES if code != language]
    for name in translated_fields(type(page)):
        if not is_empty(getattr(page, f"{name}_{language}", None)):
            continue
        if any(not is_empty(getattr(page, f"{name}_{code}", None)) for code in others):
            missing.append(page._meta.get_field(f"{name}_{language}").verbose_name)
    return missing


def translation_status(page):
    """{language code: [missing field names]} for every language."""
    return {code: missing_fields(page, code) for code in CODES}
