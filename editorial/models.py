"""What the editorial tools remember: translations that went stale."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StaleTranslation(models.Model):
    """A field of a page whose French changed after its translation was last written (or whose translation is
    still the French copied by "Copy the French into English"): the panel, the Missing translations report and
    the Articles listing say "English to review" until an editor edits that translation or marks it reviewed."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    field_name = models.CharField(_("field"), max_length=100)
    language = models.CharField(_("language"), max_length=10)
    since = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        verbose_name = _("translation to review")
        verbose_name_plural = _("translations to review")
        constraints = [
            models.UniqueConstraint(fields=["page", "field_name", "language"], name="one_stale_flag_per_field"),
        ]

    def __str__(self):
        return f"{self.page_id} {self.field_name}_{self.language}"
