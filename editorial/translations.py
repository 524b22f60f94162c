"""The editors' bilingual tools: the stale-translation flag and "Copy the French into English".

A translation goes stale when a revision changes a field's French but not its translation, which was already
written; it is fresh again when a revision changes the translation, or when an editor marks the page reviewed.
Revisions are compared with the one before (an autosave that rewrites the latest revision is compared with the same
predecessor), so it works for every page type without knowing any of them.
"""

import copy

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from wagtail.blocks import StreamValue
from wagtail.models import Page, Revision

from core import languages
from editorial.models import StaleTranslation

# The English title says the page exists in English (BasePage.has_translation): it is never copied from French.
NOT_COPIED = {"title"}


def _blank(value):
    if isinstance(value, str) and value.strip() in ("", "[]", "null"):
        return True
    return languages.is_empty(value)


def _translations():
    return [code for code in languages.CODES if code != languages.DEFAULT]


def note_stale_translations(sender, instance, **kwargs):
    """After a page revision is saved: flag the translations its French changes left behind, clear the edited."""
    revision = instance
    if revision.base_content_type_id != ContentType.objects.get_for_model(Page).pk:
        return
    model = revision.content_type.model_class()
    if model is None or not issubclass(model, Page):
        return
    previous = (
        Revision.objects.filter(
            base_content_type_id=revision.base_content_type_id, object_id=revision.object_id, pk__lt=revision.pk
        )
        .order_by("-pk")
        .only("content")
        .first()
    )
    if previous is None:
        return
    before, after = previous.content, revision.content
    page_id = int(revision.object_id)
    for name in languages.translated_fields(model):
        default_changed = before.get(f"{name}_{languages.DEFAULT}") != after.get(f"{name}_{languages.DEFAULT}")
        for code in _translations():
            key = f"{name}_{code}"
            flags = StaleTranslation.objects.filter(page_id=page_id, field_name=name, language=code)
            if before.get(key) != after.get(key):
                flags.delete()
            elif default_changed and not _blank(after.get(key)):
                StaleTranslation.objects.get_or_create(page_id=page_id, field_name=name, language=code)


def connect():
    post_save.connect(note_stale_translations, sender=Revision, dispatch_uid="oswego_stale_translations")


def stale_fields(page):
    """{language: [field names]} of the page's translations to review."""
    stale = {}
    for name, code in StaleTranslation.objects.filter(page_id=page.pk).values_list("field_name", "language"):
        stale.setdefault(code, []).append(name)
    return stale


def flag(page, names, language):
    for name in names:
        StaleTranslation.objects.get_or_create(page_id=page.pk, field_name=name, language=language)


def mark_reviewed(page, language=None):
    flags = StaleTranslation.objects.filter(page_id=page.pk)
    if language:
        flags = flags.filter(language=language)
    flags.delete()


def copyable_fields(page, language):
    """Translated fields written in the default language and still empty in ``language`` (the title aside)."""
    return [
        name
        for name in languages.translated_fields(type(page))
        if name not in NOT_COPIED
        and not languages.is_empty(getattr(page, f"{name}_{languages.DEFAULT}", None))
        and languages.is_empty(getattr(page, f"{name}_{language}", None))
    ]


def copy_default_language(page, language):
    """Copy the default language's text into ``language`` where it is empty, never over written text; returns the
    names of the fields copied (the caller saves a revision and flags them "to review": they hold French)."""
    names = copyable_fields(page, language)
    for name in names:
        value = getattr(page, f"{name}_{languages.DEFAULT}")
        if isinstance(value, StreamValue):
            raw = copy.deepcopy(list(value.get_prep_value()))
            for block in raw:
                block.pop("id", None)  # new blocks, new ids
            value = raw
        setattr(page, f"{name}_{language}", value)
    return names
