"""The one place that reacts when pages are published, renamed or moved."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import cache, share_images

LANGUAGES = [code for code, _name in settings.LANGUAGES]
DEFAULT = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def _url_paths(values):
    default = values.get(f"url_path_{DEFAULT}")
    return {code: values.get(f"url_path_{code}") or default for code in LANGUAGES}


@receiver(pre_save)
def remember_public_paths(sender, instance, update_fields=None, **kwargs):
    """Before a page is saved, note where it was public in each language."""
    if not isinstance(instance, Page) or instance.pk is None:
        return
    if update_fields is not None and not any(name.startswith(("url_path", "slug")) for name in update_fields):
        return
    row = Page.objects.filter(pk=instance.pk).values("live", *(f"url_path_{code}" for code in LANGUAGES)).first()
    instance._previous_public_paths = _url_paths(row) if row and row["live"] else None


@receiver(post_save)
def redirect_previous_urls(sender, instance, **kwargs):
    """Every URL a live page had, in every language, keeps working after a rename or a move.

    Wagtail's own automatic redirects only know the editor's admin language, and
    wagtail_modeltranslation rewrites descendants' paths without signals: both
    are handled here, for the page and each of its live descendants.
    """
    previous = getattr(instance, "_previous_public_paths", None)
    if not isinstance(instance, Page) or not previous:
        return
    instance._previous_public_paths = None
    current = _url_paths({f"url_path_{code}": getattr(instance, f"url_path_{code}") for code in LANGUAGES})
    for code in LANGUAGES:
        if previous[code] and current[code] and previous[code] != current[code]:
            _create_redirects(instance, code, previous[code], current[code])


def _public_path(site, language, url_path):
    root = site.root_page
    root_path = getattr(root, f"url_path_{language}", None) or getattr(root, f"url_path_{DEFAULT}")
    if not url_path.startswith(root_path):
        return None
    with translation.override(language):
        return Redirect.normalise_path(reverse("wagtail_serve", args=(url_path[len(root_path) :],)))


def _create_redirects(page, language, old_prefix, new_prefix):
    site = page.get_site()
    if site is None:
        return
    field = f"url_path_{language}"
    moved = [(page, old_prefix)]
    for descendant in Page.objects.descendant_of(page).live():
        path = getattr(descendant, field) or getattr(descendant, f"url_path_{DEFAULT}") or ""
        if path.startswith(old_prefix):
            moved.append((descendant, path))
        elif path.startswith(new_prefix):
            moved.append((descendant, old_prefix + path[len(new_prefix) :]))
    for target, old_url_path in moved:
        old_path = _public_path(site, language, old_url_path)
        if old_path:
            Redirect.objects.update_or_create(
                old_path=old_path,
                site=site,
                defaults={"redirect_page": target, "redirect_link": "", "is_permanent": True},
            )
    # A URL that is live again must not be redirected away (renamed back, say).
    new_path = _public_path(site, language, new_prefix)
    if new_path:
        Redirect.objects.filter(old_path=new_path, site=site).delete()


@receiver(page_published)
def draw_share_images(sender, instance, **kwargs):
    share_images.pregenerate(instance.specific)


# --- Caches: the page cache's content version, the frontend cache's URLs -----


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


@receiver(page_published)
@receiver(page_unpublished)
def invalidate_caches_for_page(sender, instance, **kwargs):
    _invalidate_caches([instance])


@receiver(post_page_move)
def invalidate_caches_for_moved_page(sender, instance, parent_page_before, **kwargs):
    _invalidate_caches([instance, parent_page_before])


@receiver(post_delete, sender=Page)
def invalidate_caches_for_deleted_page(sender, instance, **kwargs):
    # Wagtail unpublishes a live page before deleting it, which purged its URLs.
    cache.bump_content_version()


# Image saves that only record what Wagtail measured on first use.
_IMAGE_BOOKKEEPING = {"file_size", "file_hash"}


def _content_models():
    """What every page may show or depend on: snippets (topics), site settings, images, documents, sites,
    and privacy (a page made private must leave every cache at once)."""
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    return (
        *get_snippet_models(),
        *settings_registry,
        get_image_model(),
        get_document_model(),
        Site,
        PageViewRestriction,
    )


@receiver(post_save)
def invalidate_caches_on_save(sender, instance, created=False, update_fields=None, **kwargs):
    if isinstance(instance, Page):
        # A live page written whole outside a publish (a script, a factory).
        if update_fields is None and instance.live:
            cache.bump_content_version()
    elif isinstance(instance, (Site, PageViewRestriction)) or (
        # A new topic, image or settings row shows nowhere until a page uses it
        # (and Wagtail creates the settings row while rendering a first page).
        not created
        and isinstance(instance, _content_models())
        and not (update_fields and set(update_fields) <= _IMAGE_BOOKKEEPING)
    ):
        _invalidate_caches()


@receiver(post_delete)
def invalidate_caches_on_delete(sender, instance, **kwargs):
    if not isinstance(instance, Page) and isinstance(instance, _content_models()):
        _invalidate_caches()
