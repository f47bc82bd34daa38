"""Validating one marked ballot (regulation.md §5).

A ballot maps each listed cadre to the boxes marked on that row. A row counts only with exactly one
mark and the printed name intact; a ballot not issued by the counting committee is invalid whole.
Names written in from outside the list are ignored, and a signature never invalidates anything.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Generic, TypeVar

from .errors import InvalidInput
from .levels import FollowUpLevel, Level

L = TypeVar("L", Level, FollowUpLevel)


class RowDefect(StrEnum):
    NO_MARK = "no_mark"
    SEVERAL_MARKS = "several_marks"
    NAME_STRUCK = "name_struck"
    BALLOT_NOT_ISSUED = "ballot_not_issued"


@dataclass(frozen=True)
class Row(Generic[L]):
    marks: frozenset[L] = frozenset()
    name_struck: bool = False


@dataclass(frozen=True)
class Ballot(Generic[L]):
    rows: Mapping[str, Row[L]] = field(default_factory=dict, hash=False)
    issued: bool = True
    signed: bool = False
    write_ins: tuple[str, ...] = ()


@dataclass(frozen=True)
class RowOutcome(Generic[L]):
    level: L | None
    defect: RowDefect | None


@dataclass(frozen=True)
class CheckedBallot(Generic[L]):
    rows: Mapping[str, RowOutcome[L]] = field(hash=False)

    @property
    def valid_whole(self) -> bool:
        return all(o.defect is not RowDefect.BALLOT_NOT_ISSUED for o in self.rows.values())


def check_row(row: Row[L] | None) -> RowOutcome[L]:
    if row is None or not row.marks:
        return RowOutcome(None, RowDefect.NO_MARK)
    if row.name_struck:
        return RowOutcome(None, RowDefect.NAME_STRUCK)
    if len(row.marks) > 1:
        return RowOutcome(None, RowDefect.SEVERAL_MARKS)
    (level,) = row.marks
    return RowOutcome(level, None)


# A row has few possible values (a subset of the levels, struck or not), and a count checks millions
# of rows: each distinct row is checked once and its (immutable) outcome shared.
_OUTCOMES: dict[Row[Any] | None, RowOutcome[Any]] = {}


def _checked(row: Row[L] | None) -> RowOutcome[L]:
    found = _OUTCOMES.get(row)
    if found is None:
        found = _OUTCOMES[row] = check_row(row)
    return found


def check_ballot(ballot: Ballot[L], listed: Sequence[str]) -> CheckedBallot[L]:
    """One outcome per listed cadre; rows for anyone not listed are ignored."""
    if len(set(listed)) != len(listed):
        raise InvalidInput("the list of cadres on a ballot has duplicates")
    if not ballot.issued:
        return CheckedBallot({c: RowOutcome(None, RowDefect.BALLOT_NOT_ISSUED) for c in listed})
    rows = ballot.rows
    return CheckedBallot({c: _checked(rows.get(c)) for c in listed})


def row_from_marks(marks: Collection[str], levels: type[L], *, name_struck: bool = False) -> Row[L]:
    """Build a row from API values such as ``["high"]``, refusing unknown values."""
    try:
        parsed = frozenset(levels(m) for m in marks)
    except ValueError as exc:
        allowed = ", ".join(v.value for v in levels)
        raise InvalidInput(f"unknown mark {exc}; use one of: {allowed}") from exc
    return Row(parsed, name_struck)
