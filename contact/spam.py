"""Spam guards for the contact form: a signed fill-time stamp and a rate limit per client address.

The stamp is also the form's guard against posts from other sites (with the Origin / Sec-Fetch-Site check of
``ops.cross_site``): it is signed for one form address (host and path) and lives a few hours, so a stamp taken
from the page cannot be replayed on another form, nor days later, and the form needs no cookie.

The honeypot field lives on the form itself (``ContactForm.is_bot``).
"""

import logging
import time

from django.conf import settings
from django.core import signing
from django_ratelimit.core import is_ratelimited

logger = logging.getLogger(__name__)

STAMP_SALT = "contact.form-stamp"
# A person needs more than a few seconds to write a message; a script does not.
MIN_FILL_SECONDS = 3
# A form left open over lunch is still accepted; an older stamp is refused (the prospect's words are kept and the
# form comes back with a fresh stamp).
MAX_FORM_AGE_SECONDS = 6 * 3600

STAMP_INVALID = "invalid"
STAMP_TOO_FAST = "too_fast"


def salt_for(address):
    # The address is part of the salt: a stamp signed for one form does not verify for another.
    return f"{STAMP_SALT}:{address}"


def issue_stamp(address, issued_at=None):
    """A signed record of when the form at ``address`` was shown (the visitor cannot change it)."""
    return signing.dumps(time.time() if issued_at is None else issued_at, salt=salt_for(address))


def stamp_issued_at(value, address):
    """When a stamp for the form at ``address`` was issued, or None when it is missing, forged, elsewhere's or old."""
    if not value or len(value) > 200:
        return None
    try:
        issued_at = signing.loads(value, salt=salt_for(address), max_age=MAX_FORM_AGE_SECONDS)
    except signing.BadSignature:
        return None
    if not isinstance(issued_at, int | float) or time.time() - issued_at > MAX_FORM_AGE_SECONDS:
        return None
    return issued_at


def check_stamp(value, address):
    """None when the stamp is fine for the form at ``address``, otherwise STAMP_INVALID or STAMP_TOO_FAST."""
    issued_at = stamp_issued_at(value, address)
    if issued_at is None:
        return STAMP_INVALID
    if time.time() - issued_at < MIN_FILL_SECONDS:
        return STAMP_TOO_FAST
    return None


def is_rate_limited(request):
    """Count this submission against the client's address; True once it is over the limit.

    The count lives in the default cache: shared by every worker when that is
    Redis or memcached, per process with the local-memory cache.
    """
    try:
        return is_ratelimited(
            request,
            group="contact.submissions",
            key="ip",
            rate=settings.CONTACT_RATE_LIMIT,
            method="POST",
            increment=True,
        )
    except Exception:  # An unreachable cache must not turn prospects away.
        logger.exception("Contact form: the rate limit could not be checked")
        return False
