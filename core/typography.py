"""French typography: the spaces a French reader expects, so that no sign is left alone at the start of a line.

- a narrow no-break space (U+202F) before ``? ! ; %`` and inside ``« »``;
- a no-break space (U+00A0) before ``:``;
- elision of “de” before a vowel (“Articles d’Olivier Pellevoizin”).

Only ordinary or no-break spaces already written before a sign are replaced (a URL or code in running text keeps
its ``?``), except inside guillemets and between a number and ``%``, where the space is added when it is missing.
In HTML, only text is touched: tags, attributes, comments and the contents of ``script``, ``style``, ``pre``,
``code`` and ``textarea`` are left as they are.
"""

import re

from django.utils import translation

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"

_SPACES = "[ \t\n\u00a0\u202f]"
_RULES = [
    (re.compile(rf"(?<=\S){_SPACES}+([?!;%])"), NARROW_NBSP + r"\1"),
    (re.compile(r"(?<=\d)%"), NARROW_NBSP + "%"),
    (re.compile(rf"(?<=\S){_SPACES}+:"), NBSP + ":"),
    (re.compile(rf"«{_SPACES}*"), "«" + NARROW_NBSP),
    (re.compile(rf"{_SPACES}*»"), NARROW_NBSP + "»"),
]
# Every rule above needs one of these signs: a text without any is left as it is, without running them.
_SIGNS = re.compile("[?!;%:«»]")
# A tag, a comment, or an element whose text is not prose, taken whole.
_HTML_TOKENS = re.compile(
    r"(<!--.*?-->|<(script|style|pre|code|textarea)\b.*?</\2\s*>|<[^>]*>)",
    re.DOTALL | re.IGNORECASE,
)
_VOWELS = "aeiouyàâäéèêëîïôöùûüœæ"


def french_text(text):
    """Plain text (a title, a feed item, a share image line) with French spacing."""
    if not _SIGNS.search(text):
        return text
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def french_html(html):
    """HTML with French spacing in its text, never inside a tag, an attribute or code."""
    parts = _HTML_TOKENS.split(html)
    out = []
    # split() with two groups yields: text, token, tag name (or None), text, token, tag name, …
    for index in range(0, len(parts), 3):
        out.append(french_text(parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)


def is_french(language=None):
    return (language or translation.get_language() or "").split("-")[0] == "fr"


def typeset(text, language=None):
    """French spacing when the language (the active one by default) is French; the text unchanged otherwise."""
    return french_text(text) if text and is_french(language) else text


def de(name):
    """“de Claudia Jimenez”, “d’Olivier Pellevoizin”: the French preposition “de”, elided before a vowel."""
    name = str(name).strip()
    if name[:1].lower() in _VOWELS:
        return f"d’{name}"
    return f"de {name}"
