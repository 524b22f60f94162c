"""A person's rights over their leads: erasure on request (``manage.py forget``, the leads' admin action) and the
retention period the scheduler enforces every night. Each erasure leaves an :class:`~contact.models.Erasure`
record (when, how many, who) that keeps no address, only a keyed hash of it.
"""

import calendar
import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from wagtail.models import ModelLogEntry

from ops import jobs, mail

from .models import Erasure, Lead, PrivacySettings

logger = logging.getLogger(__name__)

DIGEST_SALT = "contact.erasure.subject"


def normalise(address):
    return (address or "").strip().casefold()


def subject_digest(address):
    """A keyed hash of the address: whoever holds the address and the secret key can check it, nobody can read it."""
    return salted_hmac(DIGEST_SALT, normalise(address), algorithm="sha256").hexdigest()


def lead_history():
    return ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Lead))


def erase_leads(leads):
    """Delete these leads and the admin's history entries that name them.

    A history entry's label is the lead's name and company (a lead deleted one at a time in the admin leaves one):
    entries with the same label go too, whichever lead they were about.
    """
    found = list(leads)
    if not found:
        return 0
    ids = [str(lead.pk) for lead in found]
    labels = {str(lead) for lead in found}
    lead_history().filter(Q(object_id__in=ids) | Q(label__in=labels)).delete()
    Lead.objects.filter(pk__in=ids).delete()
    return len(ids)


def forget(address, by=""):
    """Erase everything the site keeps about the person who wrote from ``address``; the Erasure recorded.

    Leads (and their admin history), the jobs whose payload holds the address (queued e-mails), and the development
    mailbox's files that mention it. Backups age out on their own schedule (README, "Security and operations").
    """
    address = normalise(address)
    if not address:
        raise ValueError("an address is needed")
    with transaction.atomic():
        leads = erase_leads(Lead.objects.filter(email__iexact=address))
        jobs_erased = jobs.erase_jobs_mentioning(address)
        erasure = Erasure.objects.create(
            reason=Erasure.Reason.REQUEST,
            performed_by=by[:150],
            subject_digest=subject_digest(address),
            leads_erased=leads,
            jobs_erased=jobs_erased,
        )
    # Files last, once the database agrees: a rolled-back erasure leaves the mailbox as it was.
    erasure.mail_files_erased = mail.erase_stored_mail_mentioning(address)
    if erasure.mail_files_erased:
        erasure.save(update_fields=["mail_files_erased"])
    logger.info(
        "Erasure %s by %s: %s lead(s), %s job(s), %s mail file(s)",
        erasure.pk,
        by or "?",
        leads,
        jobs_erased,
        erasure.mail_files_erased,
    )
    return erasure


def months_before(moment, months):
    """The same day and time ``months`` calendar months earlier (the 31st becomes the month's last day)."""
    year, month_index = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    day = min(moment.day, calendar.monthrange(year, month_index + 1)[1])
    return moment.replace(year=year, month=month_index + 1, day=day)


def erase_expired_leads(now=None):
    """Erase the leads older than the site settings' retention period; the Erasure recorded when there were some."""
    months = PrivacySettings.for_default_site().lead_retention_months
    cutoff = months_before(now or timezone.now(), months)
    with transaction.atomic():
        count = erase_leads(Lead.objects.filter(created_at__lt=cutoff))
        # The admin's history of leads (deletions name the prospect) is kept no longer than the leads themselves.
        lead_history().filter(timestamp__lt=cutoff).delete()
        if count:
            Erasure.objects.create(reason=Erasure.Reason.RETENTION, performed_by="retention job", leads_erased=count)
    return count
