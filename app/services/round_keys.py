"""The round's key pair, made the moment voting opens, and who keeps its private half.

``server`` mode stores the private key wrapped under the service secret (app/sealing/keystore).
``committee`` mode splits it k-of-n among the counting committee (app/sealing/shares) and hands the
shares out once, in the answer that opened the round: the service keeps no copy, so only k members
together can ever unseal the box.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ballots.errors import InvalidInput
from ballots.sealing import round_keys

from ..models import Round, RoundKey, SealingMode
from ..repositories import common
from ..repositories import voting as repo
from ..sealing.keystore import wrap_private_key
from ..sealing.shares import MAX_MEMBERS, split_key


@dataclass(frozen=True)
class KeyShare:
    member_id: str
    full_name: str
    position: int
    words: str


def check_setting(mode: SealingMode, threshold: int | None) -> None:
    """Committee sealing needs k; server sealing takes none (a k there would be silently ignored)."""
    if mode is SealingMode.COMMITTEE and threshold is None:
        raise InvalidInput(
            "committee sealing needs 'threshold': how many committee members must meet to open the box",
            message_vi="Niêm phong theo tổ kiểm phiếu cần số thành viên tối thiểu để mở hòm phiếu",
            details={"field": "threshold"},
        )
    if mode is SealingMode.SERVER and threshold is not None:
        raise InvalidInput(
            "'threshold' is for committee sealing only; send sealing 'committee' or leave it out",
            message_vi="Số thành viên tối thiểu chỉ dùng khi niêm phong theo tổ kiểm phiếu",
            details={"field": "threshold"},
        )


def _committee_shares(round_: Round, private_key: bytes, threshold: int) -> list[KeyShare]:
    members = round_.committee
    if not threshold <= len(members) <= MAX_MEMBERS:
        raise InvalidInput(
            f"committee sealing with {threshold} of n needs {threshold} to {MAX_MEMBERS} committee "
            f"members; the round has {len(members)}",
            message_vi=f"Niêm phong theo tổ kiểm phiếu cần từ {threshold} đến {MAX_MEMBERS} thành viên "
            f"tổ kiểm phiếu; hội nghị đang có {len(members)}",
            details={"field": "committee", "threshold": threshold, "members": len(members)},
        )
    words = split_key(private_key, threshold, len(members))
    return [
        KeyShare(member_id=m.id, full_name=m.full_name, position=m.position, words=w)
        for m, w in zip(members, words, strict=True)
    ]


def make(session: Session, round_: Round, secret: bytes) -> list[KeyShare]:
    """Key the round's box and freeze its ballot layout; the committee's shares, or [] in server mode."""
    keys = round_keys(os.urandom(32))
    shares: list[KeyShare] = []
    wrapped: bytes | None = None
    if round_.sealing is SealingMode.COMMITTEE:
        check_setting(round_.sealing, round_.sealing_threshold)
        assert round_.sealing_threshold is not None  # checked just above
        shares = _committee_shares(round_, keys.private_key, round_.sealing_threshold)
    else:
        wrapped = wrap_private_key(keys.private_key, secret, round_.id)
    common.add(
        session,
        RoundKey(
            round_id=round_.id,
            mode=round_.sealing,
            public_key=keys.public_key,
            wrapped_private_key=wrapped,
            threshold=round_.sealing_threshold if shares else None,
            layout=repo.eligible_in_ballot_order(session, round_.id),
        ),
    )
    return shares


def patch_setting(round_: Round, changes: dict[str, object]) -> None:
    """Apply ``sealing``/``threshold`` from a PATCH (taken out of ``changes``); back to server clears k."""
    if "sealing" not in changes and "threshold" not in changes:
        return
    mode = SealingMode(str(changes.pop("sealing", round_.sealing)))
    kept = round_.sealing_threshold if mode is SealingMode.COMMITTEE else None
    threshold = changes.pop("threshold", kept)
    assert threshold is None or isinstance(threshold, int)  # the schema allows nothing else
    check_setting(mode, threshold)
    round_.sealing, round_.sealing_threshold = mode, threshold
