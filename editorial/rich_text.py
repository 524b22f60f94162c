"""The rich text editor, unbreakable by what is stored: Wagtail's Draftail, fed only HTML its features allow.

Draftail's converter raises on HTML it does not expect (an ``<img>`` left open by an import answers 500 in the
editor). core/sanitise.py cleans rich text whenever it is saved; this widget cleans it again on its way into the
editor, for rows written around ``save()`` (a ``QuerySet.update``, SQL), and falls back to the bare text when the
converter still cannot read it.
"""

import nh3
from wagtail.admin.rich_text import DraftailRichTextArea

from core.sanitise import clean_html


class SafeDraftailRichTextArea(DraftailRichTextArea):
    def format_value(self, value):
        value = clean_html(value, self.features) if isinstance(value, str) else value
        try:
            return super().format_value(value)
        except (AssertionError, ValueError, KeyError, TypeError):
            # The converter's own checks are assertions; the editor then shows the words without their markup.
            return super().format_value(nh3.clean(value or "", tags={"p", "br"}, attributes={}))
