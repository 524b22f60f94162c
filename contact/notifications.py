"""Tell the right person a lead has arrived, by e-mail, without ever losing the lead.

The recipient is the chosen person's notification address, else the site
settings' contact-form address, else ``settings.DEFAULT_CONTACT_EMAIL``. The
e-mail is sent by a background job (``contact/tasks.py``) once the lead is
stored. Unless ``LEAD_EMAIL_CONTENT`` (on when the mail server connection is
TLS) it holds only a link to the lead in the admin: no name, address or
message crosses the network in clear; a failure is logged and recorded on the lead, and tried again a few
times: marketing staff still find the lead in the admin, and the prospect was
thanked long before.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.admin.utils import get_admin_base_url

from core.models import SiteSettings
from ops.mail import transport

logger = logging.getLogger(__name__)


def recipient_for(lead, request=None):
    if lead.person is not None and lead.person.notification_email:
        return lead.person.notification_email
    site_settings = SiteSettings.load(request_or_site=request)
    return site_settings.contact_notification_email or getattr(settings, "DEFAULT_CONTACT_EMAIL", "")


# The leads' admin views (contact/viewsets.py) are registered under this name.
LEADS_ADMIN = "leads"


def admin_url(lead):
    return (get_admin_base_url() or "").rstrip("/") + reverse(f"{LEADS_ADMIN}:inspect", args=[lead.pk])


def build_message(lead, recipient):
    # Written for the firm's staff, in the site's default language.
    full = settings.LEAD_EMAIL_CONTENT
    folder = "contact/emails/" if full else "contact/emails/link_only/"
    with translation.override(settings.LANGUAGE_CODE):
        context = {"lead": lead, "admin_url": admin_url(lead), "language": lead.get_language_display()}
        subject = render_to_string(folder + "lead_notification_subject.txt", context)
        body = render_to_string(folder + "lead_notification.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient],
        # The prospect's address is theirs to give only over an encrypted connection.
        reply_to=[lead.email] if full else [],
    )


def notify(lead, request=None, attempt=1):
    """Send the notification e-mail through the mail server itself and record on the lead how it went."""
    recipient = recipient_for(lead, request)
    lead.notification_attempts = attempt
    if not recipient:
        logger.warning("Lead %s: no notification address (person, site settings, DEFAULT_CONTACT_EMAIL)", lead.pk)
        lead.notification_status = lead.NotificationStatus.NO_RECIPIENT
    else:
        try:
            message = build_message(lead, recipient)
            # Straight to the mail server: this already runs in a job, whose outcome the lead records.
            message.connection = transport()
            message.send()
        except Exception as error:  # Any mail failure: the lead is already stored and must stay so.
            logger.exception("Lead %s: the notification e-mail could not be sent", lead.pk)
            lead.notification_status = lead.NotificationStatus.FAILED
            lead.notification_error = f"{type(error).__name__}: {error}"[:500]
        else:
            lead.notification_status = lead.NotificationStatus.SENT
            lead.notification_error = ""
            lead.notified_at = timezone.now()
    lead.save(update_fields=["notification_status", "notification_error", "notified_at", "notification_attempts"])
