"""Paper ballots: the number handed out, double entry of each returned ballot, and what is agreed.

Every returned paper ballot is typed twice, by two different operators (pass 1 and pass 2), as
ballot number ``k`` of the stack (1..issued). A ballot is accepted only where both entries agree
exactly (ballots.paper.compare_entries); its validity is then what ballots.ballot.check_ballot says
(no stamp: invalid whole; no mark, several marks or a struck name: that row invalid).

Rules chosen here:
- entries are taken while the round is open or closed, never before it opens nor once counted;
- an operator may type a pass again (it replaces their earlier entry of that pass) until the
  ballot is accepted; an accepted ballot takes no more entries;
- a pass typed by one operator is theirs: another operator gets 409 for it, and the operator of
  one pass may not type the other pass of the same ballot (409).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ballots.ballot import Ballot, Row, RowDefect, check_ballot, row_from_marks
from ballots.errors import Conflict, InvalidInput
from ballots.levels import FollowUpLevel, Level, RoundKind
from ballots.paper import EntryDifference, compare_entries, complete_entry

from ..models import PaperEntry, Round, RoundStatus
from ..repositories import paper as repo
from ..repositories import voting as voting_repo
from .rounds import get as get_round
from .rounds import get_locked

ENTERING = (RoundStatus.OPEN, RoundStatus.CLOSED)
MAX_PAPER = 10_000


@dataclass(frozen=True)
class RowIn:
    marks: Sequence[str]
    struck: bool


@dataclass(frozen=True)
class EntryResult:
    number: int
    pass_no: int
    status: str  # "accepted", "disagreement" or "waiting" (the other pass not typed yet)
    stamp_differs: bool
    rows: tuple[str, ...]  # cadre ids whose two entries differ


@dataclass(frozen=True)
class Disagreement:
    number: int
    passes: tuple[int, ...]  # the passes typed so far
    stamp_differs: bool
    rows: tuple[str, ...]


@dataclass(frozen=True)
class AcceptedBallot:
    number: int
    valid_whole: bool
    defects: dict[str, RowDefect]  # the invalid rows only, by cadre id


@dataclass(frozen=True)
class PaperSummary:
    issued: int
    accepted: int
    pending: int  # one pass typed so far
    disagreements: int
    ballots: list[AcceptedBallot]


def _require_entering(round_: Round) -> None:
    if round_.archived_at is None and round_.status in ENTERING:
        return
    state = "archived" if round_.archived_at is not None else round_.status.value
    raise Conflict(
        f"round '{round_.title}' is {state}; paper ballots are recorded only while it is open or closed",
        message_vi=f"Hội nghị '{round_.title}' đang ở trạng thái {state}; "
        "chỉ ghi phiếu giấy khi đang bỏ phiếu hoặc đã kết thúc bỏ phiếu (chưa kiểm phiếu)",
        details={"status": state},
    )


def _layout(session: Session, round_id: str) -> list[str]:
    """The ballot's rows: frozen when the round opened, or (a round opened without a key) its eligible."""
    key = voting_repo.round_key(session, round_id)
    return list(key.layout) if key is not None else voting_repo.eligible_in_ballot_order(session, round_id)


def _level(mark: str) -> Level | FollowUpLevel:
    # The two ballots' values never overlap, so a stored mark says which ballot it is from.
    return Level(mark) if mark in Level._value2member_map_ else FollowUpLevel(mark)


def levels_of(round_: Round) -> type[Level] | type[FollowUpLevel]:
    return FollowUpLevel if round_.kind is RoundKind.FOLLOW_UP else Level


def _ballot(entry: PaperEntry) -> Ballot[Any]:
    rows: dict[str, Row[Any]] = {
        c: Row(frozenset[Any](_level(m) for m in r["marks"]), bool(r["struck"]))
        for c, r in entry.rows.items()
    }
    return Ballot(rows=rows, issued=entry.stamped)


def _stored(ballot: Ballot[Any]) -> dict[str, dict[str, Any]]:
    return {
        c: {"marks": sorted(m.value for m in r.marks), "struck": r.name_struck}
        for c, r in ballot.rows.items()
    }


def set_issued(session: Session, round_id: str, count: int) -> int:
    """Record how many paper ballots were handed out (replacing the earlier figure)."""
    round_ = get_locked(session, round_id)
    _require_entering(round_)
    floor = max(repo.highest_number(session, round_id), repo.slips_spent_on_paper(session, round_id))
    if count < floor:
        raise Conflict(
            f"{count} paper ballots is fewer than already accounted for ({floor}: the highest ballot "
            "number entered or the slips exchanged for paper ballots)",
            message_vi=f"{count} phiếu giấy ít hơn số đã ghi nhận ({floor}: số thứ tự phiếu lớn nhất đã "
            "nhập hoặc số phiếu mã đã đổi lấy phiếu giấy)",
            details={"field": "count", "minimum": floor},
        )
    repo.set_issued(session, round_id, count)
    return count


def _parse(
    rows: Mapping[str, RowIn], stamped: bool, layout: Sequence[str], levels: type[Level] | type[FollowUpLevel]
) -> Ballot[Any]:
    parsed: dict[str, Row[Any]] = {}
    kind: Any = levels
    for cadre_id, row in rows.items():
        try:
            parsed[cadre_id] = row_from_marks(row.marks, kind, name_struck=row.struck)
        except InvalidInput as exc:
            raise InvalidInput(
                f"row {cadre_id}: {exc.message}",
                message_vi=f"Dòng {cadre_id}: dấu không hợp lệ; "
                f"chỉ dùng {', '.join(v.value for v in levels)}",
                details={"field": "rows", "cadre_id": cadre_id},
            ) from exc
    return complete_entry(Ballot(rows=parsed, issued=stamped), layout)


def enter(
    session: Session,
    round_id: str,
    user_id: str,
    *,
    pass_no: int,
    number: int,
    stamped: bool,
    rows: Mapping[str, RowIn],
) -> EntryResult:
    """Store one operator's entry of one pass of ballot ``number``, and say where the ballot stands."""
    round_ = get_locked(session, round_id)  # entries of a round take turns: no two racing passes
    _require_entering(round_)
    issued = repo.issued(session, round_id)
    if not 1 <= number <= issued:
        raise InvalidInput(
            f"ballot number {number} is out of range: {issued} paper ballots were recorded as issued",
            message_vi=f"Số thứ tự phiếu {number} không hợp lệ: đã ghi nhận phát {issued} phiếu giấy",
            details={"field": "number", "issued": issued},
        )
    layout = _layout(session, round_id)
    entry = _parse(rows, stamped, layout, levels_of(round_))
    found = repo.entries_of(session, round_id, number)
    if len(found) == 2 and compare_entries(_ballot(found[1]), _ballot(found[2]), layout).agreed:
        raise Conflict(
            f"paper ballot {number} is already accepted: both entries agree",
            message_vi=f"Phiếu giấy số {number} đã được chấp nhận: hai lần nhập đã khớp nhau",
            details={"number": number},
        )
    other, mine = found.get(3 - pass_no), found.get(pass_no)
    if other is not None and other.entered_by == user_id:
        raise Conflict(
            f"you entered pass {3 - pass_no} of paper ballot {number}; "
            f"another operator must enter pass {pass_no}",
            message_vi=f"Bạn đã nhập lần {3 - pass_no} của phiếu giấy số {number}; "
            f"lần {pass_no} phải do người khác nhập",
            details={"number": number, "pass": pass_no},
        )
    if mine is not None and mine.entered_by != user_id:
        raise Conflict(
            f"pass {pass_no} of paper ballot {number} was entered by another operator; only they may redo it",
            message_vi=f"Lần {pass_no} của phiếu giấy số {number} do người khác nhập; "
            "chỉ người đó được nhập lại",
            details={"number": number, "pass": pass_no},
        )
    repo.put_entry(session, round_id, number, pass_no, user_id, stamped, _stored(entry))
    if other is None:
        return EntryResult(number, pass_no, "waiting", False, ())
    diff = compare_entries(entry, _ballot(other), layout)
    return EntryResult(number, pass_no, "accepted" if diff.agreed else "disagreement", diff.stamp, diff.rows)


def _by_number(session: Session, round_id: str) -> dict[int, dict[int, PaperEntry]]:
    grouped: dict[int, dict[int, PaperEntry]] = {}
    for e in repo.all_entries(session, round_id):
        grouped.setdefault(e.number, {})[e.pass_no] = e
    return grouped


def _state(
    session: Session, round_id: str, grouped: dict[int, dict[int, PaperEntry]] | None = None
) -> tuple[list[str], dict[int, Ballot[Any] | EntryDifference | None]]:
    """Per ballot number: the agreed ballot, the difference of two entries, or None (one pass only).
    ``grouped``: the entries by number, when the caller has read them already."""
    layout = _layout(session, round_id)
    states: dict[int, Ballot[Any] | EntryDifference | None] = {}
    for number, passes in (_by_number(session, round_id) if grouped is None else grouped).items():
        if len(passes) < 2:
            states[number] = None
            continue
        first, second = _ballot(passes[1]), _ballot(passes[2])
        diff = compare_entries(first, second, layout)
        states[number] = complete_entry(first, layout) if diff.agreed else diff
    return layout, states


def disagreements(session: Session, round_id: str) -> list[Disagreement]:
    """Ballots not accepted yet, by number: those whose entries differ, and those with one pass so far."""
    get_round(session, round_id)
    passes = _by_number(session, round_id)
    found = []
    for number, state in sorted(_state(session, round_id, passes)[1].items()):
        if state is None:
            found.append(Disagreement(number, tuple(sorted(passes[number])), False, ()))
        elif isinstance(state, EntryDifference):
            found.append(Disagreement(number, (1, 2), state.stamp, state.rows))
    return found


def summary(session: Session, round_id: str) -> PaperSummary:
    """Issued, accepted, pending and disagreeing counts, and what ballots/ says of each accepted ballot
    (which rows are invalid and why; never a choice: results come only from the count)."""
    get_round(session, round_id)
    layout, states = _state(session, round_id)
    accepted = []
    pending = disagreeing = 0
    for number, state in sorted(states.items()):
        if state is None:
            pending += 1
        elif isinstance(state, EntryDifference):
            disagreeing += 1
        else:
            checked = check_ballot(state, layout)
            defects = {c: o.defect for c, o in checked.rows.items() if o.defect is not None}
            accepted.append(AcceptedBallot(number, checked.valid_whole, defects))
    return PaperSummary(repo.issued(session, round_id), len(accepted), pending, disagreeing, accepted)


def turnout(session: Session, round_id: str, slips: int, online: int) -> tuple[int, int]:
    """Ballots issued and returned, paper included: a slip exchanged for a paper ballot counts once,
    as the paper ballot (issued = slips not spent on paper + paper ballots handed out), and a paper
    ballot is returned once both its entries agree."""
    _, states = _state(session, round_id)
    accepted = sum(1 for s in states.values() if isinstance(s, Ballot))
    on_paper = repo.slips_spent_on_paper(session, round_id)
    # Until the paper figure is recorded, each slip exchanged stands for the paper ballot it was traded for.
    return slips - on_paper + max(repo.issued(session, round_id), on_paper), online + accepted


def accepted(session: Session, round_id: str) -> tuple[dict[int, Ballot[Any]], list[int], list[int]]:
    """For the count: the accepted ballots by number, and the numbers still disagreeing or with one pass."""
    _, states = _state(session, round_id)
    agreed = {n: s for n, s in states.items() if isinstance(s, Ballot)}
    differing = sorted(n for n, s in states.items() if isinstance(s, EntryDifference))
    one_pass = sorted(n for n, s in states.items() if s is None)
    return agreed, differing, one_pass


def accepted_entries(session: Session, round_id: str) -> list[dict[str, Any]]:
    """The accepted paper ballots as the round's record lists them, by number: the stamp and each
    row's marks and struck name, exactly as both operators typed them (the count reads the same)."""
    agreed, _, _ = accepted(session, round_id)
    return [
        {"number": number, "stamped": ballot.issued, "rows": _stored(ballot)}
        for number, ballot in sorted(agreed.items())
    ]


def typed_numbers(session: Session, round_id: str, pass_no: int) -> set[int]:
    """The ballot numbers whose pass ``pass_no`` is typed already (the entry screen goes to the next)."""
    return {n for n, passes in _by_number(session, round_id).items() if pass_no in passes}


def own_entry(session: Session, round_id: str, number: int, pass_no: int, user_id: str) -> Ballot[Any] | None:
    """An operator's own earlier entry of this pass of ballot ``number``, to show it again."""
    entry = _by_number(session, round_id).get(number, {}).get(pass_no)
    return _ballot(entry) if entry is not None and entry.entered_by == user_id else None
