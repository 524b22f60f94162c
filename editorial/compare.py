"""Revisions compared block by block with each block's name: Wagtail's comparison of a body lists the blocks' contents
one after the other, so a moderator cannot tell a heading from a paragraph, nor which block was added or removed.
Registered for every StreamField (the French and English bodies alike) in place of Wagtail's own."""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.compare import StreamBlockComparison, StreamFieldComparison, register_comparison_class
from wagtail.fields import StreamField

STATES = {"addition": _("added"), "deletion": _("removed"), "changed": _("changed")}


class NamedStreamBlockComparison(StreamBlockComparison):
    def htmldiff(self):
        rows = []
        for comparison in self.get_block_comparisons():
            if comparison.is_new():
                state, rendered = "addition", comparison.htmlvalue(comparison.val_b)
            elif comparison.is_deleted():
                state, rendered = "deletion", comparison.htmlvalue(comparison.val_a)
            elif comparison.has_changed():
                state, rendered = "changed", comparison.htmldiff()
            else:
                state, rendered = "", comparison.htmlvalue(comparison.val_a)
            classes = "comparison__child-object" + (f" {state}" if state in ("addition", "deletion") else "")
            name = comparison.block.label
            heading = format_html("{} — {}", name, STATES[state]) if state else name
            rows.append((classes, heading, rendered))
        return format_html_join(
            "\n",
            '<div class="{}"><p class="oswego-block-name"><strong>{}</strong></p>{}</div>',
            rows,
        )


class NamedStreamFieldComparison(StreamFieldComparison):
    def htmldiff(self):
        if self.has_block_ids(self.val_a) and self.has_block_ids(self.val_b):
            return NamedStreamBlockComparison(self.field.stream_block, True, True, self.val_a, self.val_b).htmldiff()
        return super().htmldiff()


register_comparison_class(StreamField, comparison_class=NamedStreamFieldComparison)
