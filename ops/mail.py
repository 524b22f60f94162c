"""Every e-mail the site sends (password reset, Wagtail's moderation notices, error reports) goes through the queue.

``EMAIL_BACKEND`` is this queue; ``EMAIL_TRANSPORT`` (the environment's ``EMAIL_BACKEND``) is the mail server the
worker talks to. No request waits for a mail server, a slow or absent one costs a visitor nothing, and a password
reset for a known address takes as long as one for an unknown address. A message that cannot be queued (the
database is down, an attachment the queue cannot carry) is sent at once instead, so nothing is dropped.
"""

import base64
import email
import email.policy
import logging
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task

from ops import jobs

logger = logging.getLogger(__name__)


def transport(**kwargs):
    """A connection to the real mail server (SMTP in production, files in var/mail locally)."""
    return get_connection(backend=settings.EMAIL_TRANSPORT, **kwargs)


def stored_mail_folder():
    """The development mailbox (one file per message, ``EMAIL_FILE_PATH``), or None when mail is not kept in files."""
    folder = getattr(settings, "EMAIL_FILE_PATH", None)
    return Path(folder) if folder else None


def mail_file_text(raw):
    """What a mail file says, headers and decoded bodies, however the parts were encoded."""
    texts = [raw.decode("utf-8", "replace")]
    # Django's file backend writes the messages one after another, each followed by a line of dashes.
    for chunk in raw.split(b"\n" + b"-" * 79 + b"\n"):
        message = email.message_from_bytes(chunk.strip(), policy=email.policy.default)
        texts.extend(str(value) for value in message.values())
        for part in message.walk():
            if part.get_content_maintype() == "text":
                try:
                    texts.append(part.get_content())
                except (LookupError, ValueError):
                    continue
    return "\n".join(texts)


def erase_stored_mail_mentioning(text):
    """Delete the development mailbox's files that mention ``text`` (case-insensitive); how many were deleted."""
    folder = stored_mail_folder()
    if not text or folder is None or not folder.is_dir():
        return 0
    needle = text.casefold()
    deleted = 0
    for path in folder.iterdir():
        if path.is_file() and needle in mail_file_text(path.read_bytes()).casefold():
            path.unlink(missing_ok=True)
            deleted += 1
    return deleted


def to_data(message):
    """The message as JSON-safe data; ValueError when it holds something the queue cannot carry."""
    attachments = []
    for attachment in message.attachments:
        if not isinstance(attachment, tuple):
            raise ValueError("a MIME attachment cannot be queued")
        filename, content, mimetype = attachment
        raw = content.encode() if isinstance(content, str) else bytes(content)
        attachments.append([filename, base64.b64encode(raw).decode("ascii"), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(key): str(value) for key, value in message.extra_headers.items()},
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": attachments,
        "content_subtype": message.content_subtype,
    }


def from_data(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(alternative) for alternative in data["alternatives"]],
    )
    message.content_subtype = data.get("content_subtype", "plain")
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


@task()
def send_email(data, attempt=1):
    """Send one queued message; a failure is tried again later (ops.jobs.RETRY_DELAYS), then recorded as failed."""
    try:
        with transport() as connection:
            connection.send_messages([from_data(data)])
    except Exception:
        if not jobs.attempts_left(attempt):
            raise
        # Logged below ERROR: a report of a mail failure must not itself be mailed, in a loop.
        logger.warning("E-mail to %s: attempt %s failed, will retry", data["to"], attempt, exc_info=True)
        jobs.retry(send_email, attempt, data)
        return "retrying"
    return "sent"


class QueuedEmailBackend(BaseEmailBackend):
    """Hands each message to the queue; the worker sends it through EMAIL_TRANSPORT."""

    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                send_email.enqueue(to_data(message))
            except Exception:  # the queue is unreachable or cannot carry it: send now rather than drop it
                logger.warning("E-mail to %s could not be queued: sending it now", message.to, exc_info=True)
                if not self._send_now(message):
                    continue
            count += 1
        return count

    def _send_now(self, message):
        try:
            with transport(fail_silently=self.fail_silently) as connection:
                return bool(connection.send_messages([message]))
        except Exception:
            if not self.fail_silently:
                raise
            return False
