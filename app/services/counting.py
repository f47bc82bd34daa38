"""Counting a closed round: open every sealed ballot, add the agreed paper ballots, tally with
ballots/, build and sign the results document, and store it beside the digest of its inputs.

Counting is one transaction under the round's lock: of two counts at once one counts and the other,
after it, finds the round counted and answers the same stored result (idempotent). A sealed ballot
that does not open stops the count (SealBroken, 409): a ballot is never skipped.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ballots.ballot import Ballot, Row, check_ballot
from ballots.errors import Conflict, InvalidInput
from ballots.levels import FollowUpLevel, Level, RoundKind
from ballots.sealing import decode_ballot, unseal_all
from ballots.signing import canonical_json
from ballots.tally import tally, tally_follow_up

from ..models import Round, RoundClosing, RoundKey, RoundResult, RoundStatus, SealingMode
from ..repositories import common
from ..repositories import counting as repo
from ..repositories import voting as voting_repo
from ..sealing.keystore import unwrap_private_key
from ..sealing.shares import recover_key
from . import key_shares, paper, results_document, signing_keys
from .rounds import get_locked

MIN_REASON = 10
# An online ballot's row is one mark or none: the few possible rows are made once and shared.
ROWS: dict[Level | FollowUpLevel | None, Row[Any]] = {
    None: Row(),
    **{level: Row(frozenset[Any]({level})) for level in (*Level, *FollowUpLevel)},
}
COUNTED = (RoundStatus.COUNTED, RoundStatus.PUBLISHED)


def _closing(session: Session, round_: Round) -> RoundClosing:
    closing = repo.closing(session, round_.id)
    if round_.archived_at is None and round_.status is RoundStatus.CLOSED and closing is not None:
        return closing
    state = "archived" if round_.archived_at is not None else round_.status.value
    raise Conflict(
        f"round '{round_.title}' is {state}; a round is counted once it is closed "
        "(POST /api/v1/rounds/{id}/close)",
        message_vi=f"Hội nghị '{round_.title}' đang ở trạng thái {state}; "
        "chỉ kiểm phiếu sau khi kết thúc bỏ phiếu",
        details={"status": state},
    )


def _reason(closing: RoundClosing, override_reason: str | None) -> str | None:
    reason = (override_reason or "").strip()
    if closing.quorum_met:
        return reason or None
    if len(reason) < MIN_REASON:
        raise InvalidInput(
            f"only {closing.present} of {closing.summoned} summoned were present, short of the 2/3 quorum: "
            f"counting needs 'override_reason', at least {MIN_REASON} characters, for the minutes",
            message_vi=f"Chỉ có {closing.present}/{closing.summoned} người có mặt, chưa đủ 2/3: "
            f"muốn kiểm phiếu phải ghi lý do (ít nhất {MIN_REASON} ký tự) để đưa vào biên bản",
            details={"field": "override_reason", "present": closing.present, "summoned": closing.summoned},
        )
    return reason


def _paper(session: Session, round_id: str) -> dict[int, Ballot[Any]]:
    agreed, differing, one_pass = paper.accepted(session, round_id)
    if differing or one_pass:
        raise Conflict(
            f"paper ballots not agreed yet: entries differ on {differing or 'none'}, "
            f"only one pass typed of {one_pass or 'none'}; settle them before counting",
            message_vi="Còn phiếu giấy chưa thống nhất: hai lần nhập khác nhau ở phiếu số "
            f"{differing or 'không'}, mới nhập một lần ở phiếu số {one_pass or 'không'}; "
            "xử lý xong mới kiểm phiếu được",
            details={"differing": differing, "one_pass": one_pass},
        )
    return agreed


def inputs_digest(receipts: list[str], papers: dict[int, Ballot[Any]], closing: RoundClosing) -> str:
    """SHA-256 over what the count reads: sorted receipts, agreed paper ballots, closing figures."""
    inputs = {
        "receipts": sorted(receipts),
        "paper": {
            str(n): {
                "stamped": b.issued,
                "rows": {c: [sorted(m.value for m in r.marks), r.name_struck] for c, r in b.rows.items()},
            }
            for n, b in papers.items()
        },
        "closing": [closing.summoned, closing.present, closing.ballots_issued, closing.quorum_met],
    }
    return hashlib.sha256(b"tinnhiem count inputs v1\n" + canonical_json(inputs)).hexdigest()


def _private_key(session: Session, round_: Round, key: RoundKey, secret: bytes) -> bytes:
    if key.mode is SealingMode.SERVER:
        assert key.wrapped_private_key is not None  # the table's custody check
        return unwrap_private_key(key.wrapped_private_key, secret, round_.id)
    words = key_shares.stored_words(session, round_.id, secret)
    needed = key.threshold or 1
    if len(words) < needed:
        raise Conflict(
            f"{len(words)} of {needed} key shares entered: {needed - len(words)} more committee members "
            "must enter theirs (POST /api/v1/rounds/{id}/shares)",
            message_vi=f"Mới nhập {len(words)}/{needed} mảnh khóa: cần thêm {needed - len(words)} "
            "thành viên tổ kiểm phiếu nhập mảnh khóa của mình",
            details={"entered": len(words), "needed": needed},
        )
    return recover_key(words, key.public_key)  # in memory only, checked against the public key


def _online(session: Session, round_: Round, layout: list[str], secret: bytes) -> list[Ballot[Any]]:
    sealed = voting_repo.sealed_ballots(session, round_.id)
    key = voting_repo.round_key(session, round_.id)
    if not sealed or key is None:
        return []
    levels: Any = paper.levels_of(round_)
    opened = unseal_all(sealed, _private_key(session, round_, key, secret), round_.id)
    return [
        Ballot(rows={c: ROWS[v] for c, v in decode_ballot(layout, plaintext, levels).items()})
        for plaintext in opened
    ]


def _again(session: Session, round_id: str, stored: RoundResult) -> RoundResult:
    """A second count of a counted round: the stored result, once its inputs are seen unchanged."""
    closing = repo.closing(session, round_id)
    papers, _, _ = paper.accepted(session, round_id)
    receipts = voting_repo.receipts(session, round_id)
    if closing is not None and inputs_digest(receipts, papers, closing) != stored.inputs_digest:
        raise Conflict(
            "the round's ballots changed after it was counted; the stored result stands, investigate",
            message_vi="Phiếu của hội nghị đã thay đổi sau khi kiểm phiếu; "
            "giữ nguyên kết quả đã lưu, cần kiểm tra",
            details={"inputs_digest": stored.inputs_digest},
        )
    return stored


def count(
    session: Session, round_id: str, override_reason: str | None, secret: bytes, now: datetime
) -> RoundResult:
    round_ = get_locked(session, round_id)
    stored = repo.result(session, round_id) if round_.status in COUNTED else None
    if stored is not None:
        return _again(session, round_id, stored)
    closing = _closing(session, round_)
    reason = _reason(closing, override_reason)
    papers = _paper(session, round_id)
    key = voting_repo.round_key(session, round_id)
    layout = list(key.layout) if key is not None else voting_repo.eligible_in_ballot_order(session, round_id)
    ballots = [*_online(session, round_, layout, secret), *papers.values()]
    checked = [check_ballot(b, layout) for b in ballots]
    candidates = voting_repo.candidates_with_posts(session, round_id)
    if round_.kind is RoundKind.FOLLOW_UP:
        follow = tally_follow_up(layout, checked, closing.ballots_issued, closing.summoned)
        document = results_document.follow_up(round_, closing, len(checked), follow, candidates)
    else:
        results = tally(layout, checked, closing.ballots_issued)
        document = results_document.confidence(round_, closing, len(checked), results, candidates)
    signature = signing_keys.sign_document(session, document, secret, now)
    result = RoundResult(
        round_id=round_id,
        document=document,
        inputs_digest=inputs_digest(voting_repo.receipts(session, round_id), papers, closing),
        key_id=signature.key_id,
        signature=signature.value,
        override_reason=reason,
        counted_at=now,
    )
    common.add(session, result)
    repo.drop_shares(session, round_id)
    round_.status = RoundStatus.COUNTED
    session.flush()
    return result
