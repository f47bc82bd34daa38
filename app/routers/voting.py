"""Voting: code slips (organizer), the ballot and casting (no token: the code is the credential),
turnout and the board of receipts (public), slips spent on paper (organizer).

Nothing here logs a code, a receipt or a choice; the access log shows paths, and the one address
that may carry a code (a slip's QR code, ``/bo-phieu/{id}?code=``) is masked there
(app/log_redaction.py).
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Body, Response

from ballots.levels import Level

from ..deps import CodeAttemptDep, SecretDep, SessionDep, SettingsDep, Writer
from ..schemas.common import ERROR_RESPONSES
from ..schemas.voting import (
    BallotOut,
    BallotRowOut,
    BoardOut,
    CastIn,
    LevelOut,
    PaperSlipIn,
    PaperSlipOut,
    ReceiptOut,
    SlipsIn,
    SlipsOut,
    TurnoutOut,
)
from ..services import slips, voting

router = APIRouter(prefix="/rounds/{round_id}", tags=["voting"], responses=ERROR_RESPONSES)
REFUSED: dict[int | str, dict[str, Any]] = {
    200: {"model": ReceiptOut, "description": "This very ballot was cast before: its receipt again"},
    403: ERROR_RESPONSES[403] | {"description": "The code is unknown or already used"},
}
ORDER = [Level.HIGH, Level.MEDIUM, Level.LOW]


@router.post(
    "/slips",
    response_model=SlipsOut,
    status_code=201,
    summary="Issue the round's code slips (shown once; earlier slips of the round are void)",
    description="`format=json` answers the codes; `format=pdf` the printable A4 slips (ten a page, "
    "cut lines, a QR code of `TINNHIEM_PUBLIC_URL/bo-phieu/{round_id}?code=...` on each) as an "
    "attachment. Either way the codes leave the service this once.",
    responses={
        201: {"content": {"application/pdf": {}}, "description": "The codes (JSON) or the slips (PDF)"}
    },
)
def issue_slips(
    round_id: str,
    _: Writer,
    session: SessionDep,
    secret: SecretDep,
    settings: SettingsDep,
    body: SlipsIn | None = Body(default=None, examples=[{"count": 60}]),
    format: Literal["json", "pdf"] = "json",
) -> SlipsOut | Response:
    count = body.count if body else None
    if format == "pdf":
        pdf, filename = slips.issue_slips_pdf(session, round_id, count, secret, settings.public_url)
        return Response(
            pdf,
            status_code=201,
            media_type="application/pdf",
            headers={
                "Content-Disposition": f'attachment; filename="{filename}"',
                "Cache-Control": "no-store",
            },
        )
    codes = slips.issue_slips(session, round_id, count, secret)
    return SlipsOut(count=len(codes), codes=codes)


@router.post("/slips/paper", response_model=PaperSlipOut, summary="Mark a slip as spent on a paper ballot")
def spend_on_paper(
    round_id: str, body: PaperSlipIn, _: Writer, session: SessionDep, secret: SecretDep
) -> PaperSlipOut:
    slips.spend_on_paper(session, round_id, body.code, secret)
    return PaperSlipOut(state="paper")


@router.get("/ballot", response_model=BallotOut, summary="The ballot of an open round (no token)")
def ballot(round_id: str, session: SessionDep) -> BallotOut:
    paper = voting.ballot_paper(session, round_id)
    return BallotOut(
        round_id=paper.round_id,
        title=paper.title,
        vote_date=paper.vote_date,
        rows=[BallotRowOut(cadre_id=r.cadre_id, name=r.name, posts=r.posts) for r in paper.rows],
        levels=[LevelOut(value=level, label_vi=level.label_vi) for level in ORDER],
    )


@router.post(
    "/ballots",
    response_model=ReceiptOut,
    status_code=201,
    summary="Cast a ballot with a code (no token); the identical request again answers 200",
    responses=REFUSED,
)
def cast(
    round_id: str,
    body: CastIn,
    session: SessionDep,
    secret: SecretDep,
    attempt: CodeAttemptDep,
    response: Response,
) -> ReceiptOut:
    with attempt.of(round_id):
        made, stored = voting.cast(session, round_id, body.code, body.choices, secret)
    if not stored:
        response.status_code = 200
    return ReceiptOut(receipt=made)


@router.get("/turnout", response_model=TurnoutOut, summary="Slips issued and ballots returned (no token)")
def turnout(round_id: str, session: SessionDep) -> TurnoutOut:
    issued, returned = voting.turnout(session, round_id)
    return TurnoutOut(issued=issued, returned=returned)


@router.get("/board", response_model=BoardOut, summary="Every receipt of the round, sorted (no token)")
def board(round_id: str, session: SessionDep) -> BoardOut:
    receipts, digest = voting.board(session, round_id)
    return BoardOut(receipts=receipts, digest=digest)
