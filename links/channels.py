"""The known channels a link to the site may name (``utm_source``), kept with a lead like a tracked link.

``?utm_source=linkedin`` (or whatsapp, email…) is a tracking parameter the page cache ignores; the middleware turns a
known value into ``?channel=<name>``, which every page declares, so the page's contact links carry it on. Three
values at most make three cache entries per page; any other value makes none.
"""

from django.utils.translation import gettext_lazy as _

CHANNELS = {
    "linkedin": _("LinkedIn"),
    "whatsapp": _("WhatsApp"),
    "email": _("E-mail"),
}
# What people and tools write in utm_source for the same channel.
ALIASES = {"e-mail": "email", "mail": "email", "lnkd": "linkedin", "wa": "whatsapp"}


def channel_named(value):
    """The known channel a utm_source or channel value names, or an empty string."""
    value = (value or "").strip().lower()[:32]
    value = ALIASES.get(value, value)
    return value if value in CHANNELS else ""


CHOICES = list(CHANNELS.items())
