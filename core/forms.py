from django import forms
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from core import languages

SLUG_IN_USE = "This slug is already in use"


class AsciiSlugField(forms.SlugField):
    """A slug as the site writes it, however it was typed: ASCII, lower-case, hyphens (« Expérience Client » →
    ``experience-client``), so that the addresses of both languages look alike and never need percent-encoding."""

    def to_python(self, value):
        return languages.ascii_slug(super().to_python(value))


class BasePageForm(WagtailAdminPageForm):
    """The page editor's form for every page type."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in languages.CODES:
            name = f"slug_{code}"
            if name in self.fields:
                field = self.fields[name]
                self.fields[name] = AsciiSlugField(
                    label=field.label,
                    required=field.required,
                    help_text=field.help_text,
                    max_length=field.max_length,
                    widget=field.widget,
                    initial=field.initial,
                )

    def add_error(self, field, error):
        # wagtail_modeltranslation words its duplicate-slug error in the language
        # of the slug it checks, not the editor's: a lazy message is worded when
        # the page renders, in the editor's language.
        if isinstance(error, forms.ValidationError) and _is_slug_in_use(error):
            error = forms.ValidationError(gettext_lazy(SLUG_IN_USE), code="slug_in_use")
        super().add_error(field, error)


def _is_slug_in_use(error):
    messages = set(error.messages) if hasattr(error, "error_list") else set()
    known = set()
    for code in languages.CODES:
        with translation.override(code):
            known.add(gettext(SLUG_IN_USE))
    return bool(messages) and messages <= known
