"""Links pasted last month keep working: every URL a live page had, in every language, redirects after a rename or
a move, for the page and each of its live descendants.

Wagtail's own automatic redirects only know the editor's admin language (they are off, WAGTAILREDIRECTS_AUTO_CREATE).
Here the URLs are asked of Wagtail itself (``get_url_parts`` in each language) before the change and after it: before
a publish or a move, the page's and its descendants' URLs as stored; after it, as they now are.
"""

from django.db.models.signals import pre_save
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, get_page_models
from wagtail.signals import page_published, post_page_move, pre_page_move

from core import languages

# Set on the page being published or moved: {(page id, language): (site id, path)} before the change.
PREVIOUS_URLS = "_oswego_previous_urls"


def public_urls(pages):
    """{(page id, language): (site id, path)} for each routable page in each language."""
    urls = {}
    for page in pages:
        for code in languages.CODES:
            with translation.override(code):
                parts = page.get_url_parts()
            if parts is not None and parts[0] is not None:
                site_id, _root_url, path = parts
                urls[(page.pk, code)] = (site_id, Redirect.normalise_path(path))
    return urls


def _live_tree(page_id):
    """The page and its live descendants as stored now."""
    stored = Page.objects.filter(pk=page_id).first()
    if stored is None:
        return []
    return [stored, *stored.get_descendants().live()]


def _url_paths_changed(instance):
    fields = [f"url_path_{code}" for code in languages.CODES]
    stored = Page.objects.filter(pk=instance.pk, live=True).values(*fields).first()
    return stored is not None and any(stored[name] != getattr(instance, name) for name in fields)


def remember_urls_before_publish(sender, instance, update_fields=None, **kwargs):
    """A live page about to be saved with a new slug (in any language): note its URLs and its descendants'."""
    if instance.pk is None or getattr(instance, PREVIOUS_URLS, None):
        return
    if update_fields is not None and not any(name.startswith(("url_path", "slug")) for name in update_fields):
        return
    if _url_paths_changed(instance):
        setattr(instance, PREVIOUS_URLS, public_urls(_live_tree(instance.pk)))


def remember_urls_before_move(sender, instance, **kwargs):
    if instance.live:
        setattr(instance, PREVIOUS_URLS, public_urls(_live_tree(instance.pk)))


def redirect_previous_urls(sender, instance, **kwargs):
    """After the publish or the move: every URL that changed redirects to its page, permanently."""
    previous = getattr(instance, PREVIOUS_URLS, None)
    if not previous:
        return
    setattr(instance, PREVIOUS_URLS, None)
    pages = {page.pk: page for page in _live_tree(instance.pk)}
    current = public_urls(pages.values())
    for key, (site_id, old_path) in previous.items():
        page = pages.get(key[0])
        if page is None or current.get(key) in (None, (site_id, old_path)):
            continue
        Redirect.objects.update_or_create(
            old_path=old_path,
            site_id=site_id,
            defaults={"redirect_page": page, "redirect_link": "", "is_permanent": True},
        )
    # A URL that is live again must not be redirected away (renamed back, say).
    for site_id, path in current.values():
        Redirect.objects.filter(old_path=path, site_id=site_id).delete()


def connect():
    """Each receiver for each page type (Wagtail sends these signals with the page's specific class)."""
    for model in get_page_models():
        uid = f"seo_redirects_{model._meta.label}"
        pre_save.connect(remember_urls_before_publish, sender=model, dispatch_uid=uid)
        page_published.connect(redirect_previous_urls, sender=model, dispatch_uid=uid)
        pre_page_move.connect(remember_urls_before_move, sender=model, dispatch_uid=uid)
        post_page_move.connect(redirect_previous_urls, sender=model, dispatch_uid=uid)
