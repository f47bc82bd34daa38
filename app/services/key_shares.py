"""Committee sealing at the count: each member enters their share on their own account.

Shares are taken once the round is closed and until it is counted. Each is checked alone when
entered (word list, checksum, the same set as the shares before it); when the k-th arrives the key
is rebuilt in memory and checked against the round's public key, so a share of another round is
refused at once, not at the count. The key itself is never stored: the count rebuilds it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from ballots.errors import Conflict, InvalidInput

from ..models import KeyShareEntry, Round, RoundKey, RoundStatus, SealingMode
from ..repositories import common
from ..repositories import counting as repo
from ..repositories import voting as voting_repo
from ..sealing.share_box import box_share, open_share
from ..sealing.shares import read_share, recover_key
from .rounds import get, get_locked


@dataclass(frozen=True)
class Progress:
    entered: int
    needed: int


def _committee_key(session: Session, round_: Round) -> RoundKey:
    key = voting_repo.round_key(session, round_.id)
    if key is None or key.mode is not SealingMode.COMMITTEE or key.threshold is None:
        raise Conflict(
            f"round '{round_.title}' is not sealed by its committee: no shares are needed to count it",
            message_vi=f"Hòm phiếu của hội nghị '{round_.title}' không niêm phong theo tổ kiểm phiếu: "
            "không cần nhập mảnh khóa",
            details={"sealing": key.mode.value if key else "none"},
        )
    return key


def progress(session: Session, round_id: str) -> Progress:
    round_ = get(session, round_id)
    key = _committee_key(session, round_)
    assert key.threshold is not None  # checked by _committee_key
    return Progress(repo.share_count(session, round_id), key.threshold)


def stored_words(session: Session, round_id: str, secret: bytes) -> list[str]:
    return [
        open_share(e.wrapped_words, secret, round_id, e.member_index) for e in repo.shares(session, round_id)
    ]


def _refuse(message: str, message_vi: str, entered: int, needed: int) -> Conflict:
    return Conflict(message, message_vi=message_vi, details={"entered": entered, "needed": needed})


def enter(
    session: Session, round_id: str, user_id: str, words: str, secret: bytes, now: datetime
) -> Progress:
    """Store one member's share (one per account, each share once) and say how many are in."""
    round_ = get_locked(session, round_id)  # shares of a round take turns: the k-th is checked alone
    if round_.status is not RoundStatus.CLOSED or round_.archived_at is not None:
        raise Conflict(
            f"round '{round_.title}' is {round_.status.value}; shares are entered once it is closed, "
            "before it is counted",
            message_vi=f"Hội nghị '{round_.title}' đang ở trạng thái {round_.status.value}; "
            "chỉ nhập mảnh khóa sau khi kết thúc bỏ phiếu và trước khi kiểm phiếu",
            details={"status": round_.status.value},
        )
    key = _committee_key(session, round_)
    needed = key.threshold or 1
    normalized, slot, parameters = read_share(words)
    entries = repo.shares(session, round_id)
    if len(entries) >= needed:
        raise _refuse(
            f"all {needed} shares are in; count the round now",
            f"Đã đủ {needed} mảnh khóa; hãy kiểm phiếu",
            len(entries),
            needed,
        )
    if any(e.user_id == user_id for e in entries):
        raise _refuse(
            "you have already entered a share for this round; another member must enter the next one",
            "Bạn đã nhập một mảnh khóa cho hội nghị này; mảnh tiếp theo phải do thành viên khác nhập",
            len(entries),
            needed,
        )
    if any(e.member_index == slot for e in entries):
        raise _refuse(
            "this share was already entered; each member enters their own",
            "Mảnh khóa này đã được nhập; mỗi thành viên nhập mảnh khóa của mình",
            len(entries),
            needed,
        )
    earlier = stored_words(session, round_id, secret)
    if earlier and read_share(earlier[0])[2] != parameters:
        raise InvalidInput(
            "this share is not of the same set as the shares entered before: it is of another round",
            message_vi="Mảnh khóa này không cùng bộ với các mảnh đã nhập: nó thuộc hội nghị khác",
            details={"field": "words"},
        )
    if len(earlier) + 1 == needed:
        recover_key([*earlier, normalized], key.public_key)  # refused here if the set opens another key
    common.add(
        session,
        KeyShareEntry(
            round_id=round_id,
            member_index=slot,
            user_id=user_id,
            wrapped_words=box_share(normalized, secret, round_id, slot),
            entered_at=now,
        ),
    )
    return Progress(len(entries) + 1, needed)
