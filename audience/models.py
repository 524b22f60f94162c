"""The audience's daily rows: what the scheduler folds out of the live counters (audience/fold.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from audience.channels import CHOICES


class DailyViews(models.Model):
    """Views of one page in one language on one day, from one class of referrer. No visitor is in it: no address,
    no user agent, no referrer URL, no cookie — counts only."""

    day = models.DateField(_("day"), db_index=True)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page"))
    language = models.CharField(_("language"), max_length=8)
    channel = models.CharField(_("channel"), max_length=16, choices=CHOICES)
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("daily views")
        verbose_name_plural = _("daily views")
        constraints = [
            models.UniqueConstraint(fields=["day", "page", "language", "channel"], name="audience_one_row_per_count")
        ]

    def __str__(self):
        return f"{self.day} {self.page_id} {self.language} {self.channel}: {self.views}"


class FoldedBatch(models.Model):
    """A batch of counters already added to DailyViews: a fold that crashed after its commit does not add it
    twice when it runs again."""

    batch = models.CharField(max_length=64, primary_key=True)
    folded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.batch
