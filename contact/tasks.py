"""The contact app's background jobs: announcing a stored lead by e-mail, and erasing leads past their time."""

from functools import partial

from django.db import transaction
from django_tasks import task

from contact import privacy
from contact.models import Lead
from contact.notifications import notify
from ops import jobs


@task()
def notify_lead(lead_id, attempt=1):
    """E-mail the lead's recipient; a failed send is tried again (ops.jobs.RETRY_DELAYS), then left marked failed."""
    lead = Lead.objects.filter(pk=lead_id).first()
    if lead is None or lead.notification_status in (Lead.NotificationStatus.SENT, Lead.NotificationStatus.NO_RECIPIENT):
        return None
    notify(lead, attempt=attempt)
    if lead.notification_status == Lead.NotificationStatus.FAILED and jobs.attempts_left(attempt):
        # Marked before the next attempt is enqueued: an immediate backend runs it right away.
        Lead.objects.filter(pk=lead.pk).update(notification_status=Lead.NotificationStatus.RETRYING)
        jobs.retry(notify_lead, attempt, lead_id)
    return lead.notification_status


def announce_new_lead(sender, instance, created, raw=False, **kwargs):
    """post_save receiver: a new lead's e-mail is enqueued once the lead is committed.

    robust: a queue that cannot take the job leaves the lead stored, "not sent yet", for staff to see.
    """
    if created and not raw:
        transaction.on_commit(partial(notify_lead.enqueue, instance.pk), robust=True)


@task()
def erase_expired_leads():
    """Daily (contact/apps.py): erase the leads older than the retention period of the privacy settings."""
    return privacy.erase_expired_leads()
