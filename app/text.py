"""Text checks shared by JSON bodies, forms and spreadsheets."""

from __future__ import annotations

ALLOWED_CONTROLS = frozenset("\t\n\r")


def has_control_characters(text: str) -> bool:
    """NUL and other control characters break PostgreSQL and printed minutes; tabs and newlines do not."""
    return any(ch < " " and ch not in ALLOWED_CONTROLS for ch in text)
