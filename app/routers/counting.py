"""Conference day and after: close a round, enter key shares, count, publish; signed results.

Closing, entering a key share and counting are the round's own work (``RoundActor``): organizers,
admins and the members of this round's counting committee. Publishing is the organizer's.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from fastapi import APIRouter, Body, Request, Response

from ..deps import (
    ClockDep,
    RoundActor,
    RoundReader,
    RoundResultsReader,
    SecretDep,
    SessionDep,
    Writer,
)
from ..schemas.common import ERROR_RESPONSES
from ..schemas.counting import (
    RESULT_EXAMPLE,
    CloseIn,
    ClosingOut,
    CountIn,
    KeysOut,
    PublicKeyOut,
    ShareProgressOut,
    SharesIn,
)
from ..services import closing, counting, key_shares, publication, signing_keys

OVERRIDE_EXAMPLE = "Thường trực Tỉnh ủy đồng ý cho kiểm phiếu dù thiếu 1 đại biểu"
router = APIRouter(tags=["counting"], responses=ERROR_RESPONSES)
SIGNED: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/json": {"example": RESULT_EXAMPLE}}, "description": "Signed results"}
}


def etagged(request: Request, body: Any) -> Response:
    """The body as JSON with an ETag (a hash of its bytes); 304 when the client has it already."""
    raw = json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    tag = f'"{hashlib.sha256(raw).hexdigest()[:32]}"'
    headers = {"ETag": tag, "Cache-Control": "no-cache"}
    wanted = {t.strip() for t in request.headers.get("if-none-match", "").split(",")}
    if tag in wanted or "*" in wanted:
        return Response(status_code=304, headers=headers)
    return Response(raw, media_type="application/json", headers=headers)


@router.post(
    "/rounds/{round_id}/close", response_model=ClosingOut, summary="Close voting and record the figures"
)
def close_round(
    round_id: str,
    _: RoundActor,
    session: SessionDep,
    secret: SecretDep,
    body: CloseIn = Body(examples=[{"present": 58, "paper_issued": 3, "unused_count": 2}]),
) -> ClosingOut:
    data = closing.CloseIn(body.present, body.paper_issued, body.unused_codes, body.unused_count)
    done = closing.close(session, round_id, data, secret)
    return ClosingOut(
        round_id=round_id,
        status="closed",
        summoned=done.summoned,
        present=done.present,
        quorum_met=done.quorum_met,
        paper_issued=done.paper_issued,
        unused_slips=done.unused_slips,
        ballots_issued=done.ballots_issued,
    )


@router.post(
    "/rounds/{round_id}/shares",
    response_model=ShareProgressOut,
    summary="Enter one committee member's key share (committee sealing)",
)
def enter_share(
    round_id: str, body: SharesIn, who: RoundActor, session: SessionDep, secret: SecretDep, clock: ClockDep
) -> ShareProgressOut:
    done = key_shares.enter(session, round_id, who.user_id, body.words, secret, clock.now())
    return ShareProgressOut(entered=done.entered, needed=done.needed)


@router.get("/rounds/{round_id}/shares", response_model=ShareProgressOut, summary="How many shares are in")
def share_progress(round_id: str, _: RoundReader, session: SessionDep) -> ShareProgressOut:
    done = key_shares.progress(session, round_id)
    return ShareProgressOut(entered=done.entered, needed=done.needed)


@router.post("/rounds/{round_id}/count", summary="Count a closed round: signed results", responses=SIGNED)
def count_round(
    round_id: str,
    _: RoundActor,
    session: SessionDep,
    secret: SecretDep,
    clock: ClockDep,
    request: Request,
    body: CountIn | None = Body(default=None, examples=[{"override_reason": OVERRIDE_EXAMPLE}]),
) -> Response:
    reason = body.override_reason if body else None
    result = counting.count(session, round_id, reason, secret, clock.now())
    return etagged(request, publication.signed(result))


@router.post("/rounds/{round_id}/publish", summary="Publish a counted round's results", responses=SIGNED)
def publish_round(
    round_id: str, _: Writer, session: SessionDep, clock: ClockDep, request: Request
) -> Response:
    return etagged(request, publication.signed(publication.publish(session, round_id, clock.now())))


@router.get("/rounds/{round_id}/results", summary="A round's signed results", responses=SIGNED)
def round_results(round_id: str, who: RoundResultsReader, session: SessionDep, request: Request) -> Response:
    return etagged(request, publication.signed(publication.visible(session, round_id, who.scopes)))


@router.get("/keys", response_model=KeysOut, summary="The public keys that sign results (no token)")
def keys(session: SessionDep) -> KeysOut:
    return KeysOut(
        keys=[
            PublicKeyOut(
                key_id=k.key_id,
                public_key=base64.b64encode(k.public_key).decode(),
                created_at=k.created_at,
                retired_at=k.retired_at,
            )
            for k in signing_keys.public_keys(session)
        ]
    )
