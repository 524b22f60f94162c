"""Gated reports: an analysis offers a document; a reader gives a name, a work e-mail and a company, the request is
stored as a lead of kind “download”, then a signed link that expires opens the file (and is e-mailed).

The link is ``<contact page>/rapport/<article>/fichier/<token>/`` (``report/<article>/file/<token>/`` in English).
The token is signed with a ``TimestampSigner`` for the lead, the article and the language, and refused once older
than ``REPORT_LINK_MAX_AGE``. The document itself is never served by Wagtail's public document view
(``contact/wagtail_hooks.py``), and its file is never under a public URL (``/media/documents/`` is closed).
"""

import base64
import binascii
import logging

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.documents import get_document_model

from articles.models import ArticlePage
from core import languages

logger = logging.getLogger(__name__)

SALT = "contact.report-link"
# One word per language in the addresses, as every page has its own slug.
REPORT_SLUGS = {"fr": "rapport", "en": "report"}
LINK_SLUGS = {"fr": "lien", "en": "link"}
FILE_SLUGS = {"fr": "fichier", "en": "file"}
MAX_TOKEN_LENGTH = 400

LINK_OK = "ok"
LINK_EXPIRED = "expired"
LINK_INVALID = "invalid"


def slug_for(slugs, language=None):
    return slugs.get(language or translation.get_language(), slugs[languages.DEFAULT])


def report_document_id(article, language=None):
    """The id of the article's report in ``language`` (the French one when the English is missing), or None."""
    language = language or translation.get_language()
    return getattr(article, f"report_{language}_id", None) or article.report_fr_id


def article_with_report(article_id):
    """The live article with this id that offers a report, or None."""
    article = ArticlePage.objects.live().defer_streamfields().filter(pk=article_id).first()
    if article is None or report_document_id(article) is None:
        return None
    return article


def is_report(document):
    """True for a document some article offers as a report: it leaves only through a signed link."""
    return ArticlePage.objects.filter(Q(report_fr=document) | Q(report_en=document)).exists()


def sign(lead, article, language):
    """A URL-safe token (letters, digits, ``-`` and ``_``: it sits in a page path) naming the lead, the article and
    the language, with the time it was signed."""
    signed = signing.TimestampSigner(salt=SALT).sign_object({"lead": lead.pk, "article": article.pk, "lang": language})
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def read(token, article_id):
    """(status, payload): LINK_OK with the signed data, LINK_EXPIRED once too old, LINK_INVALID when altered, made
    up, or for another article."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return LINK_INVALID, None
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        payload = signing.TimestampSigner(salt=SALT).unsign_object(signed, max_age=settings.REPORT_LINK_MAX_AGE)
    except signing.SignatureExpired:
        return LINK_EXPIRED, None
    except (signing.BadSignature, binascii.Error, UnicodeDecodeError, ValueError):
        return LINK_INVALID, None
    if not isinstance(payload, dict) or payload.get("article") != article_id:
        return LINK_INVALID, None
    return LINK_OK, payload


def document_for(article, language):
    return get_document_model().objects.filter(pk=report_document_id(article, language)).first()


def send_link(email, article_title, url, language):
    """E-mail the link to the reader, in their language, through the site's queued mail (ops/mail.py)."""
    hours = settings.REPORT_LINK_MAX_AGE // 3600
    with translation.override(language):
        context = {"title": article_title, "url": url, "hours": hours}
        subject = render_to_string("contact/emails/report_link_subject.txt", context)
        body = render_to_string("contact/emails/report_link.txt", context)
    try:
        EmailMessage(
            subject=" ".join(subject.split()), body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[email]
        ).send()
    except Exception:  # The reader already has the link on screen.
        logger.exception("Report link e-mail could not be queued")
