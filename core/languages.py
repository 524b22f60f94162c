"""The site's languages in one place: codes, the default, names, Open Graph locales, a page's URL in a language,
and which translated fields of a page are still empty in each one.

Settings declare the languages (``LANGUAGES``, ``MODELTRANSLATION_DEFAULT_LANGUAGE``); everything else reads them
from here.
"""

from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import capfirst, slugify
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


def columns(*names):
    """Each translated field's columns in every language (for ``only()``: a listing reads the one it needs)."""
    return tuple(column for name in names for column in (name, *(f"{name}_{code}" for code in CODES)))


# What a link to a page needs: its title and URL in either language, its place in the tree.
LINK_FIELDS = ("id", "path", "depth", "content_type", "live", *columns("title", "url_path"))


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


def ascii_slug(value):
    """``value`` as a slug of the site: ASCII, lower-case, words joined by hyphens (accents dropped)."""
    return slugify(value or "")


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


def field_label(model, name):
    """The field's name for an editor, without the " [fr]"/" [en]" suffix the translated columns carry: the
    language is said once, by the row that lists the field (and the suffix is what wagtail-modeltranslation's
    language toggle hides panels by)."""
    return capfirst(model._meta.get_field(name).verbose_name)


def is_expected(model, name):
    """A field every language must fill: the model requires it."""
    return not model._meta.get_field(name).blank


def missing_field_names(page, language):
    """Names of the translated fields still empty in ``language`` although required, or written in another
    language."""
    missing = []
    others = [code for code in CODES if code != language]
    for name in translated_fields(type(page)):
        if not is_empty(getattr(page, f"{name}_{language}", None)):
            continue
        if is_expected(type(page), name) or any(not is_empty(getattr(page, f"{name}_{code}", None)) for code in others):
            missing.append(name)
    return missing


def missing_fields(page, language):
    """Labels of the fields still missing in ``language`` (see ``missing_field_names``)."""
    return [field_label(type(page), name) for name in missing_field_names(page, language)]


def translation_status(page):
    """{language code: [missing field labels]} for every language."""
    return {code: missing_fields(page, code) for code in CODES}
