"""A counted round's record (``tinnhiem-record/1``) and the auditor's key file.

The record holds what anyone may check offline with ``tinnhiem verify``: the round's public data,
the board, the sealed ballots, the accepted paper ballots, the signed results and the public key that
signed them. It never holds the round's private key: with it any receipt would open its ballot, and a
voter could prove a vote to whoever pressures them. The key goes only to an auditor, in a separate
download that is logged (who, which round; never the key).
"""

from __future__ import annotations

import base64
import logging
from typing import Any

from sqlalchemy.orm import Session

from ballots.errors import Conflict
from ballots.record import FORMAT
from ballots.sealing import board_digest, receipt

from ..models import SealingMode
from ..repositories import results as results_repo
from ..repositories import voting as voting_repo
from ..sealing.keystore import unwrap_private_key
from . import paper
from .results import stored_round

KEY_FORMAT = "tinnhiem-round-key/1"
log = logging.getLogger(__name__)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def record(session: Session, round_id: str) -> dict[str, Any]:
    stored = stored_round(session, round_id)
    round_, result = stored.round, stored.result
    key = voting_repo.round_key(session, round_id)
    layout = list(key.layout) if key is not None else voting_repo.eligible_in_ballot_order(session, round_id)
    named = {c["cadre_id"]: c for c in result.document["candidates"]}
    sealed = sorted(voting_repo.sealed_ballots(session, round_id), key=receipt)
    receipts = [receipt(s) for s in sealed]
    signing = results_repo.signing_key(session, result.key_id)
    return {
        "format": FORMAT,
        "round": {
            "id": round_.id,
            "title": round_.title,
            "unit": round_.unit.name,
            "vote_date": round_.vote_date.isoformat(),
            "venue": round_.venue,
            "rulebook": round_.rulebook.value,
            "kind": result.document["round"].get("kind", "confidence"),
            "sealing": round_.sealing.value,
            "candidates": [
                {"cadre_id": c, "name": named.get(c, {}).get("name"), "posts": named.get(c, {}).get("posts")}
                for c in layout
            ],
            "committee": [{"full_name": m.full_name, "role": m.role} for m in round_.committee],
        },
        "layout": layout,
        "public_key": _b64(key.public_key) if key is not None else None,
        "board": {"receipts": receipts, "digest": board_digest(receipts)},
        "sealed_ballots": [_b64(s) for s in sealed],
        "paper_ballots": paper.accepted_entries(session, round_id),
        "results": stored.signed,
        "signing_key": {
            "key_id": result.key_id,
            "public_key": _b64(signing.public_key) if signing is not None else None,
        },
    }


def auditor_key(session: Session, round_id: str, secret: bytes, username: str) -> dict[str, str]:
    """The round's private key for an auditor's recount; refused where the service never held it."""
    stored = stored_round(session, round_id)
    key = voting_repo.round_key(session, round_id)
    if key is None or key.mode is not SealingMode.SERVER or key.wrapped_private_key is None:
        raise Conflict(
            "this round was sealed by its counting committee: its private key was never stored, so "
            "there is no key file to download (the committee's shares rebuild it)",
            message_vi="Hội nghị này do Ban kiểm phiếu giữ khóa: khóa bí mật chưa bao giờ được lưu nên "
            "không có tệp khóa để tải (các thành viên ghép phần khóa của mình để dựng lại)",
            details={"round_id": round_id, "sealing": stored.round.sealing.value},
        )
    private = unwrap_private_key(key.wrapped_private_key, secret, round_id)
    log.info("auditor key file of round %s downloaded by %s", round_id, username)
    return {"format": KEY_FORMAT, "round_id": round_id, "private_key": _b64(private)}
