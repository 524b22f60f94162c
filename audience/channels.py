"""Where a view came from, as one of a few classes: the only thing kept of a referrer.

``classify`` is a pure function of the ``Referer`` header, the site's own host and the ``utm_source`` of the page's
URL (the links sales send may carry one). Nothing of the referrer URL is stored: only the class it falls in.
"""

from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _

SEARCH = "search"
LINKEDIN = "linkedin"
WHATSAPP = "whatsapp"
SOCIAL = "social"
DIRECT = "direct"
INTERNAL = "internal"
OTHER = "other"

CHANNELS = {
    SEARCH: _("Search engine"),
    LINKEDIN: _("LinkedIn"),
    WHATSAPP: _("WhatsApp"),
    SOCIAL: _("Other social network"),
    DIRECT: _("E-mail or direct"),
    INTERNAL: _("Within the site"),
    OTHER: _("Other site"),
}
CHOICES = list(CHANNELS.items())

# A referrer longer than this is not a browser's: ignored (counted as direct), never parsed.
MAX_REFERRER = 2048

# Host names (and their subdomains) of each class; checked in this order (webmail before its search engine).
_MAIL = (
    "mail.google.com",
    "outlook.live.com",
    "outlook.office.com",
    "outlook.office365.com",
    "mail.yahoo.com",
    "mail.proton.me",
    "webmail",
    "mail.ovh.net",
    "zimbra",
)
_LINKEDIN = ("linkedin.com", "lnkd.in", "linkedin.android", "com.linkedin.android")
_WHATSAPP = ("whatsapp.com", "whatsapp.net", "wa.me", "com.whatsapp")
_SOCIAL = (
    "facebook.com",
    "fb.com",
    "fb.me",
    "instagram.com",
    "t.co",
    "twitter.com",
    "x.com",
    "youtube.com",
    "reddit.com",
    "bsky.app",
    "threads.net",
    "mastodon.social",
    "tiktok.com",
    "pinterest.com",
    "xing.com",
    "viadeo.com",
    "telegram.org",
    "t.me",
    "com.facebook.katana",
    "com.instagram.android",
)
# Search engines: Google and Yahoo in every country (google.fr, google.co.ma…), and the others by name.
_SEARCH_NAMES = (
    "google",
    "bing",
    "duckduckgo",
    "qwant",
    "ecosia",
    "yahoo",
    "yandex",
    "baidu",
    "startpage",
    "search.brave",
    "ask",
    "lilo",
    "seznam",
    "naver",
    "com.google.android.googlequicksearchbox",
)
# utm_source values that name a class (a shared link with ?utm_source=whatsapp, say).
_SOURCES = {
    "linkedin": LINKEDIN,
    "whatsapp": WHATSAPP,
    "email": DIRECT,
    "e-mail": DIRECT,
    "mail": DIRECT,
    "newsletter": DIRECT,
    "facebook": SOCIAL,
    "instagram": SOCIAL,
    "twitter": SOCIAL,
    "x": SOCIAL,
}


def _matches(host, names):
    return any(host == name or host.endswith("." + name) for name in names)


def _is_search(host):
    labels = host.split(".")
    # google.fr, www.google.co.ma, fr.search.yahoo.com: the engine's name is one of the labels.
    return any(name in labels or host == name or host.endswith("." + name) for name in _SEARCH_NAMES)


def classify(referrer, own_host="", utm_source=""):
    """The channel of one view: ``referrer`` (the Referer header, possibly empty or garbage), ``own_host`` (the
    host the page was asked for) and ``utm_source`` (from the page's query string, possibly empty)."""
    source = (utm_source or "").strip().lower()[:40]
    if source in _SOURCES:
        return _SOURCES[source]
    referrer = (referrer or "").strip()
    if not referrer or len(referrer) > MAX_REFERRER:
        return DIRECT
    try:
        parts = urlsplit(referrer)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return DIRECT
    if parts.scheme not in ("http", "https", "android-app") or not host:
        return DIRECT
    own = (own_host or "").lower().split(":")[0]
    if own and host == own:
        return INTERNAL
    if _matches(host, _MAIL) or host.startswith(("mail.", "webmail.")) or host == "com.google.android.gm":
        return DIRECT
    if _matches(host, _LINKEDIN):
        return LINKEDIN
    if _matches(host, _WHATSAPP):
        return WHATSAPP
    if _matches(host, _SOCIAL):
        return SOCIAL
    if _is_search(host):
        return SEARCH
    return OTHER
