"""Double entry of paper ballots (regulation.md §5): two operators type the same ballot; it counts
only where both entries agree exactly.

An entry is a :class:`~ballots.ballot.Ballot` (``issued`` is the committee's stamp). Rows left out of
an entry are the empty row (no box marked, name intact), so an entry that omits a blank row and one
that spells it out agree. Validity is not decided here: an agreed entry goes to ``check_ballot``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .ballot import Ballot, L, Row
from .errors import InvalidInput


@dataclass(frozen=True)
class EntryDifference:
    """Where two entries of one ballot differ: the stamp, and the rows (in ballot order)."""

    stamp: bool
    rows: tuple[str, ...]

    @property
    def agreed(self) -> bool:
        return not self.stamp and not self.rows


def complete_entry(entry: Ballot[L], listed: Sequence[str]) -> Ballot[L]:
    """The entry with one row per listed cadre (missing rows empty); a row for anyone else is refused."""
    unknown = sorted(set(entry.rows) - set(listed))
    if unknown:
        raise InvalidInput(
            f"rows for cadres not on this ballot: {', '.join(unknown)}",
            message_vi="Có dòng của người không có tên trên phiếu",
            details={"cadre_ids": unknown},
        )
    rows = {c: entry.rows.get(c, Row()) for c in listed}
    return Ballot(rows=rows, issued=entry.issued, signed=entry.signed, write_ins=entry.write_ins)


def compare_entries(first: Ballot[L], second: Ballot[L], listed: Sequence[str]) -> EntryDifference:
    """The stamp and, per listed cadre, the set of marks and the struck flag must be the same."""
    a, b = complete_entry(first, listed), complete_entry(second, listed)
    rows = tuple(c for c in listed if a.rows[c] != b.rows[c])
    return EntryDifference(stamp=a.issued != b.issued, rows=rows)
