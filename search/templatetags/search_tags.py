"""The search page's own filter: the searched words marked in a result's title and summary."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.text import stem, unaccent, words

register = template.Library()


@register.filter
def highlight(text, query):
    """The text, escaped, with each word that starts like a searched word wrapped in <mark>."""
    text = str(text or "")
    terms = sorted({stem(word) for word in words(query or "") if len(word) > 1}, key=len, reverse=True)
    folded = unaccent(text).lower()
    # unaccent() keeps one character per letter (é → e), so positions in the folded text are positions in the
    # text; a text where that does not hold (a ligature) is shown unmarked.
    if not terms or len(folded) != len(text):
        return escape(text)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(term) for term in terms) + r")\w*")
    pieces, last = [], 0
    for match in pattern.finditer(folded):
        pieces += [escape(text[last : match.start()]), "<mark>", escape(text[match.start() : match.end()]), "</mark>"]
        last = match.end()
    pieces.append(escape(text[last:]))
    # Every piece of text was escaped above; only <mark> elements are added.
    return mark_safe("".join(pieces))  # noqa: S308  # nosec B308 B703
