"""When content changes, the caches forget it: the page cache's versions, the frontend cache's URLs.

A page's publish, unpublish or save makes stale only the pages showing it (``cache.pages_showing``: itself, its
ancestors and descendants, the pages it links to or that link to it, what lists it): their paths' versions are
bumped, every other page stays warm. What every page shows — the home page and the menu's sections, snippets
(topics), settings, images, documents, sites, privacy — and moves and deletions bump the site-wide version.

Each receiver is connected to the models whose changes show on pages (``connect``), never to every model.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from caching import cache


def invalidate_site(purged_pages=None):
    """Every cached page and fragment goes stale now and again once the change is committed.

    Now, so this process never serves the old page; after the commit, because a request may have rendered the
    old data in between and stored it. The frontend cache is purged after the commit too, so what it fetches
    again is the new page: ``purged_pages`` and those showing them, or every page when None.
    """
    cache.bump_content_version()

    def after_commit():
        cache.bump_content_version()
        if purged_pages is None:
            cache.purge_site()
        else:
            cache.purge_pages(purged_pages)

    transaction.on_commit(after_commit)


def invalidate_pages_showing(page):
    """The pages showing this one go stale, now and after the commit; the rest of the site stays warm."""
    shown = cache.pages_showing(page)
    # A page under a listing that hides while empty may show or hide that listing in every page's menu.
    under_hiding_listing = any(
        page.path.startswith(shown_page.path) and getattr(shown_page.specific_class, "hide_while_empty", False)
        for shown_page in shown[1:]
    )
    if under_hiding_listing or cache.shown_on_every_page(shown[:1]):
        invalidate_site()
        return
    paths = cache.page_paths(shown)
    cache.bump_paths(paths)

    def after_commit():
        cache.bump_paths(paths)
        cache.purge_urls(set().union(*(cache.page_urls(page) for page in shown)))

    transaction.on_commit(after_commit)


def invalidate_before_save(sender, instance, update_fields=None, **kwargs):
    """A live page about to be written whole (a publish, an unpublish, a script): what showed it as it was —
    its old URLs, authors, offices, topics — goes stale too."""
    if update_fields is not None or instance.pk is None:
        return  # drafts and revisions save a few fields; a new page shows nowhere yet
    stored = Page.objects.filter(pk=instance.pk, live=True).first()
    if stored is not None:
        invalidate_pages_showing(stored.specific)


def invalidate_created_page(sender, instance, created=False, **kwargs):
    # A page created live (a script, a factory) appears in its parent's listings.
    if created and instance.live:
        invalidate_pages_showing(instance)


def invalidate_for_page(sender, instance, **kwargs):
    """Published or unpublished: the pages showing it as it is now (its new links are indexed by now)."""
    invalidate_pages_showing(instance)


def invalidate_for_moved_page(sender, instance, parent_page_before, **kwargs):
    # Every URL of the subtree changed: the whole site.
    invalidate_site([instance, parent_page_before])


def invalidate_for_deleted_page(sender, instance, **kwargs):
    # Wagtail unpublishes a live page before deleting it, which purged its URLs.
    cache.bump_content_version()


# Image saves that only record what Wagtail measured on first use.
_IMAGE_BOOKKEEPING = {"file_size", "file_hash"}


def invalidate_on_save(sender, instance, created=False, update_fields=None, **kwargs):
    # A new topic, image or settings row shows nowhere until a page uses it
    # (and Wagtail creates the settings row while rendering a first page).
    if created or (update_fields and set(update_fields) <= _IMAGE_BOOKKEEPING):
        return
    invalidate_site()


def invalidate_on_structure_change(sender, instance, **kwargs):
    """A site or a privacy setting changed: a page made private must leave every cache at once."""
    invalidate_site()


def invalidate_on_delete(sender, instance, **kwargs):
    invalidate_site()


def content_models():
    """What every page may show: snippets (topics), site settings, images and documents."""
    return (*get_snippet_models(), *settings_registry, get_image_model(), get_document_model())


def connect():
    for model in get_page_models():
        uid = f"caching_{model._meta.label}"
        pre_save.connect(invalidate_before_save, sender=model, dispatch_uid=uid)
        post_save.connect(invalidate_created_page, sender=model, dispatch_uid=uid)
        page_published.connect(invalidate_for_page, sender=model, dispatch_uid=uid)
        page_unpublished.connect(invalidate_for_page, sender=model, dispatch_uid=uid)
        post_page_move.connect(invalidate_for_moved_page, sender=model, dispatch_uid=uid)
    # Deleting a page deletes its Page row: one receiver on the base class.
    post_delete.connect(invalidate_for_deleted_page, sender=Page, dispatch_uid="caching_page_deleted")
    for model in content_models():
        uid = f"caching_{model._meta.label}"
        post_save.connect(invalidate_on_save, sender=model, dispatch_uid=uid)
        post_delete.connect(invalidate_on_delete, sender=model, dispatch_uid=uid)
    for model in (Site, PageViewRestriction):
        uid = f"caching_{model._meta.label}"
        post_save.connect(invalidate_on_structure_change, sender=model, dispatch_uid=uid)
        post_delete.connect(invalidate_on_delete, sender=model, dispatch_uid=uid)
