"""The one place that reacts when pages are published, renamed or moved."""

from django.conf import settings
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail.signals import page_published

from core import share_images

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
