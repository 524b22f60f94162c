"""When content changes, the caches forget it: the page cache's content version, the frontend cache's URLs.

Each receiver is connected to the models whose changes show on pages (``connect``), never to every model.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from caching import cache


def _invalidate_caches(pages=None):
    """Every cached page goes stale now and again once the change is committed.

    Now, so this process never serves the old page; after the commit, because a
    request may have rendered the old data in between and stored it. The
    frontend cache is purged after the commit too, so what it fetches again is
    the new page: ``pages`` and those showing them, or every page when None.
    """
    cache.bump_content_version()

    def after_commit():
        cache.bump_content_version()
        if pages is None:
            cache.purge_site()
        else:
            cache.purge_pages(pages)

    transaction.on_commit(after_commit)


def invalidate_caches_for_page(sender, instance, **kwargs):
    _invalidate_caches([instance])


def invalidate_caches_for_moved_page(sender, instance, parent_page_before, **kwargs):
    _invalidate_caches([instance, parent_page_before])


def invalidate_caches_for_deleted_page(sender, instance, **kwargs):
    # Wagtail unpublishes a live page before deleting it, which purged its URLs.
    cache.bump_content_version()


def invalidate_caches_for_saved_page(sender, instance, update_fields=None, **kwargs):
    # A live page written whole outside a publish (a script, a factory).
    if update_fields is None and instance.live:
        cache.bump_content_version()


# Image saves that only record what Wagtail measured on first use.
_IMAGE_BOOKKEEPING = {"file_size", "file_hash"}


def invalidate_caches_on_save(sender, instance, created=False, update_fields=None, **kwargs):
    # A new topic, image or settings row shows nowhere until a page uses it
    # (and Wagtail creates the settings row while rendering a first page).
    if created or (update_fields and set(update_fields) <= _IMAGE_BOOKKEEPING):
        return
    _invalidate_caches()


def invalidate_caches_on_structure_change(sender, instance, **kwargs):
    """A site or a privacy setting changed: a page made private must leave every cache at once."""
    _invalidate_caches()


def invalidate_caches_on_delete(sender, instance, **kwargs):
    _invalidate_caches()


def content_models():
    """What every page may show: snippets (topics), site settings, images and documents."""
    return (*get_snippet_models(), *settings_registry, get_image_model(), get_document_model())


def connect():
    for model in get_page_models():
        uid = f"caching_{model._meta.label}"
        page_published.connect(invalidate_caches_for_page, sender=model, dispatch_uid=uid)
        page_unpublished.connect(invalidate_caches_for_page, sender=model, dispatch_uid=uid)
        post_page_move.connect(invalidate_caches_for_moved_page, sender=model, dispatch_uid=uid)
        post_save.connect(invalidate_caches_for_saved_page, sender=model, dispatch_uid=uid)
    # Deleting a page deletes its Page row: one receiver on the base class.
    post_delete.connect(invalidate_caches_for_deleted_page, sender=Page, dispatch_uid="caching_page_deleted")
    for model in content_models():
        uid = f"caching_{model._meta.label}"
        post_save.connect(invalidate_caches_on_save, sender=model, dispatch_uid=uid)
        post_delete.connect(invalidate_caches_on_delete, sender=model, dispatch_uid=uid)
    for model in (Site, PageViewRestriction):
        uid = f"caching_{model._meta.label}"
        post_save.connect(invalidate_caches_on_structure_change, sender=model, dispatch_uid=uid)
        post_delete.connect(invalidate_caches_on_delete, sender=model, dispatch_uid=uid)
