"""Closing a round: the figures of regulation.md §6 recorded when voting ends, and the quorum.

Ballots issued = slips handed out + paper ballots handed out, where the slips handed out are those
made minus those handed back unused (named by code, or just counted) minus those exchanged for a
paper ballot: such a slip is counted once, as the paper ballot (issue 10, §1).

After closing nothing more is cast (voting refuses a round that is not open) and the slips handed
back by code are recorded as void.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ballots.codes import parse_code
from ballots.errors import Conflict, InvalidInput
from ballots.tally import quorum_met

from ..models import Round, RoundClosing, RoundStatus
from ..repositories import common
from ..repositories import counting as repo
from ..repositories import paper as paper_repo
from ..repositories import rounds as rounds_repo
from ..repositories import voting as voting_repo
from . import paper
from .rounds import get_locked
from .slips import digest_of


@dataclass(frozen=True)
class CloseIn:
    present: int
    paper_issued: int
    unused_codes: Sequence[str] | None = None
    unused_count: int | None = None


def _require_open(round_: Round) -> None:
    if round_.archived_at is None and round_.status is RoundStatus.OPEN:
        return
    state = "archived" if round_.archived_at is not None else round_.status.value
    raise Conflict(
        f"round '{round_.title}' is {state}; only an open round can be closed",
        message_vi=f"Hội nghị '{round_.title}' đang ở trạng thái {state}; "
        "chỉ kết thúc được hội nghị đang bỏ phiếu",
        details={"status": state},
    )


def _summoned(session: Session, round_: Round, present: int) -> int:
    summoned = rounds_repo.member_counts(session, [round_.id])[round_.id].roster
    if summoned == 0:
        raise InvalidInput(
            f"round '{round_.title}' has no summoned voters: the quorum cannot be judged; add the roster",
            message_vi=f"Hội nghị '{round_.title}' chưa có danh sách người được triệu tập: "
            "không xác định được số người cần có mặt",
            details={"field": "roster"},
        )
    if not 0 <= present <= summoned:
        raise InvalidInput(
            f"{present} present is not possible: {summoned} were summoned",
            message_vi=f"Số người có mặt {present} không hợp lệ: có {summoned} người được triệu tập",
            details={"field": "present", "summoned": summoned},
        )
    return summoned


def _voided(session: Session, round_id: str, codes: Sequence[str], secret: bytes) -> list[str]:
    digests = [digest_of(secret, round_id, parse_code(code)) for code in codes]
    if len(set(digests)) != len(digests):
        raise InvalidInput(
            "the same unused code is listed twice",
            message_vi="Một mã chưa dùng được liệt kê hai lần",
            details={"field": "unused_codes"},
        )
    usable = repo.unused_among(session, round_id, digests)
    # Positions only: a code is a credential and never goes back out in an answer or a log.
    refused = [n for n, d in enumerate(digests, start=1) if d not in usable]
    if refused:
        raise InvalidInput(
            f"unused codes at positions {', '.join(map(str, refused))} are not unused slips of this round",
            message_vi=f"Các mã ở vị trí {', '.join(map(str, refused))} "
            "không phải phiếu mã chưa dùng của hội nghị này",
            details={"field": "unused_codes", "positions": refused},
        )
    return sorted(digests)


def _unused(session: Session, round_id: str, data: CloseIn, secret: bytes) -> tuple[int, list[str]]:
    if data.unused_codes is not None and data.unused_count is not None:
        raise InvalidInput(
            "give the slips not handed out either as 'unused_codes' or as 'unused_count', not both",
            message_vi="Chỉ nhập phiếu mã chưa phát theo danh sách mã hoặc theo số lượng, không cả hai",
            details={"field": "unused_count"},
        )
    if data.unused_codes is not None:
        voided = _voided(session, round_id, data.unused_codes, secret)
        return len(voided), voided
    count = data.unused_count or 0
    available = repo.unused_slips(session, round_id)
    if count > available:
        raise InvalidInput(
            f"{count} slips not handed out, but only {available} slips of this round are unused",
            message_vi=f"{count} phiếu mã chưa phát, nhưng hội nghị chỉ còn {available} phiếu mã chưa dùng",
            details={"field": "unused_count", "unused": available},
        )
    return count, []


def close(session: Session, round_id: str, data: CloseIn, secret: bytes) -> RoundClosing:
    """Record the closing figures and the quorum, and end voting (one close wins; another gets 409)."""
    round_ = get_locked(session, round_id)
    _require_open(round_)
    summoned = _summoned(session, round_, data.present)
    unused, voided = _unused(session, round_id, data, secret)
    paper.set_issued(session, round_id, data.paper_issued)  # refuses fewer than already accounted for
    slips, _online = voting_repo.counts(session, round_id)
    on_paper = paper_repo.slips_spent_on_paper(session, round_id)
    closing = RoundClosing(
        round_id=round_id,
        summoned=summoned,
        present=data.present,
        paper_issued=data.paper_issued,
        unused_slips=unused,
        voided=voided,
        ballots_issued=slips - unused - on_paper + data.paper_issued,
        quorum_met=quorum_met(data.present, summoned),
    )
    common.add(session, closing)
    round_.status = RoundStatus.CLOSED
    session.flush()
    voting_repo.rewrite_in_key_order(session, round_id)
    return closing


def closing_of(session: Session, round_id: str) -> RoundClosing | None:
    return repo.closing(session, round_id)
