"""Text normalisation shared by indexing and querying."""

import re
import unicodedata

MAX_QUERY_LENGTH = 200
_WORD = re.compile(r"\w+", re.UNICODE)


def clean_query(raw):
    """What a visitor typed, made safe: no NUL or control characters, bounded length, trimmed."""
    if not raw:
        return ""
    text = "".join(ch for ch in str(raw) if ch.isprintable() or ch == " ")
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def unaccent(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text):
    return _WORD.findall(unaccent(text or "").lower())


def stem(word):
    """A light stem for SQLite: plurals fold onto their singular in both languages."""
    if len(word) > 3 and word.endswith(("s", "x")) and not word.endswith("ss"):
        return word[:-1]
    return word


def plain(text):
    return " ".join(stem(word) for word in words(text))
