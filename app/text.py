"""Text checks shared by JSON bodies, forms and spreadsheets."""

from __future__ import annotations

import unicodedata

ALLOWED_CONTROLS = frozenset("\t\n\r")


def has_control_characters(text: str) -> bool:
    """NUL and other control characters break PostgreSQL and printed minutes; tabs and newlines do not."""
    return any(ch < " " and ch not in ALLOWED_CONTROLS for ch in text)


def text_key(text: str) -> str:
    """What two names or numbers are compared by: the same letters in any case, composed or not,
    with spaces collapsed ("Sở  tài chính" is "SỞ TÀI CHÍNH"). Stored beside unit names and plan
    numbers, where unique indexes use it: computed here, once, so SQLite and PostgreSQL agree."""
    folded = unicodedata.normalize("NFD", " ".join(text.split())).casefold()
    return unicodedata.normalize("NFC", folded)
