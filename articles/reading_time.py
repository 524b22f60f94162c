"""Reading time, the one implementation: computed at publish, per language."""

import math
import re

from django.utils import translation
from django.utils.html import strip_tags

WORDS_PER_MINUTE = 200
_WORD = re.compile(r"\w+(?:['’-]\w+)*", re.UNICODE)


def count_words(text):
    return len(_WORD.findall(strip_tags(text or "")))


def stream_words(stream_value):
    """Words in a StreamField value, through each block's own searchable content."""
    words = 0
    for child in stream_value or []:
        for text in child.block.get_searchable_content(child.value):
            words += count_words(text)
    return words


def reading_time(page, language):
    """Minutes needed to read the page's standfirst and body in ``language`` (at least 1)."""
    with translation.override(language):
        words = count_words(page.standfirst) + stream_words(page.body)
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
