"""Accounts of counting-committee members: the organizer gives a member an account (role committee)
linked to the round's committee, or links an existing one, and can take it back."""

from __future__ import annotations

from fastapi import APIRouter, Body, Response

from ..deps import SessionDep, Writer
from ..schemas.committee import CommitteeAccountIn, CommitteeAccountOut
from ..schemas.common import ERROR_RESPONSES
from ..services import committee_accounts as service

PREFIX = "/rounds/{round_id}/committee/{member_id}/account"
router = APIRouter(prefix=PREFIX, tags=["round members"], responses=ERROR_RESPONSES)


@router.post(
    "",
    response_model=CommitteeAccountOut,
    status_code=201,
    summary="Give a committee member an account for this round (new, or an existing committee account)",
    description="Without a body (or with `{}`) a new account of role committee is made, its user name "
    'derived from the member\'s name and its password answered this once. With `{"username": ...}` an '
    "existing committee account is linked instead (a person on several rounds' committees keeps one "
    "account). The account then issues slips and enters paper ballots for this round, and no other.",
)
def give_account(
    round_id: str,
    member_id: str,
    _: Writer,
    session: SessionDep,
    response: Response,
    body: CommitteeAccountIn | None = Body(default=None, examples=[{}, {"username": "pham.thi.lan"}]),
) -> CommitteeAccountOut:
    response.headers["Cache-Control"] = "no-store"  # a password is in the answer
    member, password = service.give_account(session, round_id, member_id, body.username if body else None)
    return CommitteeAccountOut(member_id=member.id, username=member.username or "", password=password)


@router.delete("", status_code=204, summary="Take the member's account off this round (the account stays)")
def remove_account(round_id: str, member_id: str, _: Writer, session: SessionDep) -> Response:
    service.remove_account(session, round_id, member_id)
    return Response(status_code=204)
