"""Voting: code slips (organizer), the ballot and casting (no token: the code is the credential),
turnout and the board of receipts (public), slips spent on paper, and paper ballots: the number
handed out and the two entries of each, what is agreed. The conference-day work is done by the
organizer or by the round's own committee members (``RoundActor``); the other rounds are closed to them.

Nothing here logs a code, a receipt or a choice; the access log shows paths, and the one address
that may carry a code (a slip's QR code, ``/bo-phieu/{id}?code=``) is masked there
(app/log_redaction.py).
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Body, Response

from ballots.levels import FollowUpLevel, Level

from ..deps import RoundActor, RoundReader, SecretDep, SessionDep, SettingsDep
from ..downloads import attachment
from ..schemas.common import ERROR_RESPONSES
from ..schemas.voting import (
    AcceptedBallotOut,
    BallotDocumentOut,
    BallotOut,
    BallotRowOut,
    BoardOut,
    DisagreementOut,
    DisagreementsOut,
    LevelOut,
    PaperEntryIn,
    PaperEntryOut,
    PaperIssuedIn,
    PaperIssuedOut,
    PaperSlipIn,
    PaperSlipOut,
    PaperSummaryOut,
    ReceiptOut,
    SlipsIn,
    SlipsOut,
    TurnoutOut,
)
from ..services import paper, slips, voting

router = APIRouter(prefix="/rounds/{round_id}", tags=["voting"], responses=ERROR_RESPONSES)
REFUSED: dict[int | str, dict[str, Any]] = {
    200: {"model": ReceiptOut, "description": "This very ballot was cast before: its receipt again"},
    403: ERROR_RESPONSES[403] | {"description": "The code is unknown or already used"},
}
ORDER: list[Level | FollowUpLevel] = [Level.HIGH, Level.MEDIUM, Level.LOW]
FOLLOW_UP: list[Level | FollowUpLevel] = [FollowUpLevel.TRUST, FollowUpLevel.NO_TRUST]


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
    _: RoundActor,
    session: SessionDep,
    secret: SecretDep,
    settings: SettingsDep,
    body: SlipsIn | None = Body(default=None, examples=[{"count": 60}]),
    format: Literal["json", "pdf"] = "json",
) -> SlipsOut | Response:
    count = body.count if body else None
    if format == "pdf":
        pdf, filename = slips.issue_slips_pdf(session, round_id, count, secret, settings.public_url)
        return attachment(pdf, "application/pdf", filename, private=True, status_code=201)
    codes = slips.issue_slips(session, round_id, count, secret)
    return SlipsOut(count=len(codes), codes=codes)


@router.post("/slips/paper", response_model=PaperSlipOut, summary="Mark a slip as spent on a paper ballot")
def spend_on_paper(
    round_id: str, body: PaperSlipIn, _: RoundActor, session: SessionDep, secret: SecretDep
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
        rows=[
            BallotRowOut(
                cadre_id=r.cadre_id,
                name=r.name,
                posts=r.posts,
                documents=[
                    BallotDocumentOut(id=d.id, kind=d.kind, title=d.title, url=d.url) for d in r.documents
                ],
            )
            for r in paper.rows
        ],
        levels=[
            LevelOut(value=level, label_vi=level.label_vi)
            for level in (FOLLOW_UP if paper.follow_up else ORDER)
        ],
    )


@router.get("/turnout", response_model=TurnoutOut, summary="Slips issued and ballots returned (no token)")
def turnout(round_id: str, session: SessionDep) -> TurnoutOut:
    issued, returned = voting.turnout(session, round_id)
    return TurnoutOut(issued=issued, returned=returned)


@router.get("/board", response_model=BoardOut, summary="Every receipt of the round, sorted (no token)")
def board(round_id: str, session: SessionDep) -> BoardOut:
    receipts, digest = voting.board(session, round_id)
    return BoardOut(receipts=receipts, digest=digest)


@router.post(
    "/paper-ballots/issued",
    response_model=PaperIssuedOut,
    summary="Record how many paper ballots were handed out (committee, while open or closed)",
)
def paper_issued(
    round_id: str,
    _: RoundActor,
    session: SessionDep,
    body: PaperIssuedIn = Body(examples=[{"count": 60}]),
) -> PaperIssuedOut:
    return PaperIssuedOut(issued=paper.set_issued(session, round_id, body.count))


@router.post(
    "/paper-ballots",
    response_model=PaperEntryOut,
    response_model_by_alias=True,
    summary="Enter one pass of a returned paper ballot (two different operators per ballot)",
    description="Pass 1 and pass 2 of ballot `number` are typed by two different accounts; the ballot "
    "is accepted once they agree exactly (stamp, and per row the marks and the struck name). An "
    "operator may redo their own pass until the ballot is accepted.",
)
def enter_paper_ballot(
    round_id: str,
    principal: RoundActor,
    session: SessionDep,
    body: PaperEntryIn = Body(
        examples=[
            {
                "pass": 1,
                "number": 1,
                "stamped": True,
                "rows": {"0b6e2f8a-1d3c-4e5f-8a9b-7c6d5e4f3a2b": {"marks": ["high"], "struck": False}},
            }
        ]
    ),
) -> PaperEntryOut:
    rows = {c: paper.RowIn(marks=r.marks, struck=r.struck) for c, r in body.rows.items()}
    result = paper.enter(
        session,
        round_id,
        principal.user_id,
        pass_no=body.pass_,
        number=body.number,
        stamped=body.stamped,
        rows=rows,
    )
    return PaperEntryOut(
        number=result.number,
        pass_=result.pass_no,
        status=result.status,
        stamp_differs=result.stamp_differs,
        rows=list(result.rows),
    )


@router.get(
    "/paper-ballots/disagreements",
    response_model=DisagreementsOut,
    summary="Paper ballots not accepted yet: entries that differ (with the rows) and single passes",
)
def paper_disagreements(round_id: str, _: RoundReader, session: SessionDep) -> DisagreementsOut:
    found = paper.disagreements(session, round_id)
    return DisagreementsOut(
        items=[
            DisagreementOut(
                number=d.number, passes=list(d.passes), stamp_differs=d.stamp_differs, rows=list(d.rows)
            )
            for d in found
        ]
    )


@router.get(
    "/paper-ballots",
    response_model=PaperSummaryOut,
    summary="Paper ballots issued, accepted, pending and disagreeing; each accepted ballot's invalid rows",
)
def paper_summary(round_id: str, _: RoundReader, session: SessionDep) -> PaperSummaryOut:
    found = paper.summary(session, round_id)
    return PaperSummaryOut(
        issued=found.issued,
        accepted=found.accepted,
        pending=found.pending,
        disagreements=found.disagreements,
        ballots=[
            AcceptedBallotOut(
                number=b.number,
                valid_whole=b.valid_whole,
                invalid_rows={c: d.value for c, d in b.defects.items()},
            )
            for b in found.ballots
        ],
    )
