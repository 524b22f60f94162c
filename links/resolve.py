"""Which codes name an active link, asked of the shared cache first: a page request carrying ``?via=`` costs one
cache read once the code has been seen, and a disabled link is forgotten everywhere when it is saved."""

from django.core.cache import cache

from links.models import ShortLink, is_code

CACHE_PREFIX = "links:active:"
CACHE_SECONDS = 24 * 3600


def _key(code):
    return f"{CACHE_PREFIX}{code}"


def active_link_id(code):
    """The id of the enabled link this code names, or None (forged, unknown or disabled codes alike)."""
    if not is_code(code):
        return None
    found = cache.get(_key(code))
    if found is not None:
        return found
    link_id = ShortLink.objects.filter(code=code, disabled=False).values_list("pk", flat=True).first()
    if link_id is not None:
        # Only known codes are kept: made-up ones never fill the cache.
        cache.set(_key(code), link_id, CACHE_SECONDS)
    return link_id


def forget(sender, instance, **kwargs):
    """post_save of ShortLink: the next request reads the link's state afresh."""
    cache.delete(_key(instance.code))
