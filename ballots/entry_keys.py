"""The keys an operator types for one row of a paper ballot, read as the row's marks.

Each box of the ballot is its number in print order (1, 2, 3 for "Tín nhiệm cao", "Tín nhiệm",
"Tín nhiệm thấp"; 1, 2 on the follow-up ballot), 0 is a row with no box marked, several numbers are
several marks, and ``x`` (or ``X``) says the name was struck through. Spaces are ignored, so
"1 3" is "13". Anything else is refused: a typing slip must never become a mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from .errors import InvalidInput

V = TypeVar("V")
STRUCK = "x"
BLANK = "0"


@dataclass(frozen=True)
class TypedRow(Generic[V]):
    marks: frozenset[V]
    struck: bool


def read_keys(typed: str, boxes: Sequence[V]) -> TypedRow[V]:
    """``typed`` for a ballot whose boxes are ``boxes`` in print order."""
    keys = "".join(typed.split()).lower()
    marks: set[V] = set()
    struck = False
    for key in keys:
        if key == STRUCK:
            struck = True
        elif key == BLANK:
            continue
        elif key.isdigit() and 1 <= int(key) <= len(boxes):
            marks.add(boxes[int(key) - 1])
        else:
            allowed = ", ".join(str(i) for i in range(1, len(boxes) + 1))
            raise InvalidInput(
                f"'{key}' is not a key of this ballot: use {allowed}, 0 for no mark, x for a struck name",
                message_vi=f"Phím '{key}' không dùng được: dùng {allowed}, 0 nếu không đánh dấu, "
                "x nếu tên bị gạch",
                details={"typed": typed},
            )
    if BLANK in keys and marks:
        raise InvalidInput(
            "0 means no box is marked; it cannot go with a number",
            message_vi="Phím 0 nghĩa là không đánh dấu ô nào, không đi cùng số khác",
            details={"typed": typed},
        )
    return TypedRow(frozenset(marks), struck)


def keys_of(row: TypedRow[V], boxes: Sequence[V]) -> str:
    """The keys that type ``row`` back (to show an entry again): "0" for no mark."""
    digits = "".join(str(i + 1) for i, box in enumerate(boxes) if box in row.marks) or BLANK
    return digits + (STRUCK if row.struck else "")
