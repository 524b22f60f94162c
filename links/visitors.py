"""Requests that are not a person opening a link: link-preview fetchers, crawlers and browser prefetches."""

import re

# Link previews (WhatsApp, LinkedIn, Slack, Teams, Facebook, X, Telegram, Skype, Discord) and crawlers fetch a
# link the moment it is pasted: none of them is a reader.
BOT_AGENTS = re.compile(
    r"bot|crawl|spider|slurp|preview|facebookexternalhit|whatsapp|linkedin|skypeuripreview|discord|"
    r"embedly|curl|wget|python-|httpclient|okhttp|go-http-client|headless",
    re.IGNORECASE,
)
PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")


def is_person(request):
    """A GET from a browser that is not prefetching: what counts as one open."""
    if request.method != "GET":
        return False
    if any("prefetch" in request.META.get(header, "").lower() for header in PREFETCH_HEADERS):
        return False
    agent = request.META.get("HTTP_USER_AGENT", "")
    return bool(agent) and not BOT_AGENTS.search(agent)
