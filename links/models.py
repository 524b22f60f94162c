"""Tracked share links: a staff member's own short address (``/l/<code>``) to a page in one language, and its opens.

The link points at the page, not at a URL: it follows the page through slug changes and moves. Opens are counted in
one row per link and day (``LinkOpens``), incremented in the database: opens are rare (people clicking a link a
salesperson sent), a single UPDATE costs less than a counter to fold later.
"""

import secrets
import string
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from links.permissions import sees_all_links

# 8 letters or digits: 62**8 (about 2 * 10**14) codes, so a guessed code almost never names a link, and short
# enough to read out or type from a slide.
CODE_ALPHABET = string.ascii_letters + string.digits
CODE_LENGTH = 8


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def is_code(value):
    """The shape of a code, checked before any lookup: anything else never reaches the cache or the database."""
    return isinstance(value, str) and len(value) == CODE_LENGTH and value.isascii() and value.isalnum()


def week_start():
    """Monday of the current week, in the site's time zone."""
    today = timezone.localdate()
    return today - timedelta(days=today.weekday())


class ShortLinkQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Moderators and superusers see every link; everyone else their own."""
        return self if sees_all_links(user) else self.filter(owner=user)

    def with_opens(self):
        """Each link with ``opens_week`` (since Monday) and ``opens_total``."""
        return self.annotate(
            opens_week=Sum("opens__count", filter=Q(opens__day__gte=week_start()), default=0),
            opens_total=Sum("opens__count", default=0),
        )


class ShortLink(models.Model):
    """A staff member's own short link to a page in one language, to send to prospects."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="short_links", verbose_name=_("owner")
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="short_links", verbose_name=_("page")
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    code = models.CharField(_("code"), max_length=16, unique=True, editable=False)
    disabled = models.BooleanField(
        _("disabled"), default=False, help_text=_("A disabled link answers “page not found” and counts nothing.")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = ShortLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("tracked link")
        verbose_name_plural = _("tracked links")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "page", "language"], name="links_one_link_per_owner_page_language")
        ]

    def __str__(self):
        return f"/l/{self.code}"

    @property
    def path(self):
        return f"/l/{self.code}"

    @classmethod
    def for_owner(cls, owner, page, language):
        """The owner's link to the page in that language, made on first use (the same one every time after)."""
        link = cls.objects.filter(owner=owner, page=page, language=language).first()
        if link is not None:
            return link
        for _attempt in range(5):
            try:
                with transaction.atomic():
                    return cls.objects.create(owner=owner, page=page, language=language, code=new_code())
            except IntegrityError:
                # Made meanwhile by another request of the same person, or (hardly ever) a code already taken.
                link = cls.objects.filter(owner=owner, page=page, language=language).first()
                if link is not None:
                    return link
        raise IntegrityError("no free short link code")

    def count_open(self):
        """One more open today: one UPDATE, or an INSERT for the day's first."""
        day = timezone.localdate()
        if LinkOpens.objects.filter(link=self, day=day).update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                LinkOpens.objects.create(link=self, day=day, count=1)
        except IntegrityError:
            LinkOpens.objects.filter(link=self, day=day).update(count=F("count") + 1)


class LinkOpens(models.Model):
    """How many times a tracked link was opened on one day (no visitor data: a number)."""

    link = models.ForeignKey(ShortLink, on_delete=models.CASCADE, related_name="opens", verbose_name=_("link"))
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("opens"), default=0)

    class Meta:
        verbose_name = _("opens of a tracked link")
        verbose_name_plural = _("opens of tracked links")
        constraints = [models.UniqueConstraint(fields=["link", "day"], name="links_one_row_per_link_and_day")]

    def __str__(self):
        return f"{self.link} {self.day}: {self.count}"
