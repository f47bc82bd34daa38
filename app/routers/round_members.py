"""A round's summoned voters, candidates and counting committee."""

from __future__ import annotations

from fastapi import APIRouter, Response

from ..deps import ClockDep, RoundReader, SessionDep, Writer
from ..schemas.common import ERROR_RESPONSES, Page
from ..schemas.rounds import (
    CandidateAdded,
    CandidateIn,
    CandidateOut,
    CommitteeIn,
    CommitteeOut,
    RosterBulk,
    RosterIn,
    RosterOut,
)
from ..services import round_members as service
from ..services import round_views as views
from .params import Limit, Offset

router = APIRouter(prefix="/rounds/{round_id}", tags=["round members"], responses=ERROR_RESPONSES)


@router.get("/roster", response_model=Page[RosterOut], summary="The summoned voters, by name")
def list_roster(
    round_id: str, _: RoundReader, session: SessionDep, limit: Limit = 50, offset: Offset = 0
) -> Page[RosterOut]:
    items, total = service.roster_page(session, round_id, limit, offset)
    return Page(items=[RosterOut.model_validate(r) for r in items], total=total, limit=limit, offset=offset)


@router.post("/roster", response_model=RosterOut, status_code=201, summary="Summon one voter")
def add_roster(round_id: str, body: RosterIn, _: Writer, session: SessionDep) -> RosterOut:
    return RosterOut.model_validate(service.add_roster(session, round_id, [body])[0])


@router.post(
    "/roster/bulk", response_model=list[RosterOut], status_code=201, summary="Summon many voters at once"
)
def add_roster_bulk(round_id: str, body: RosterBulk, _: Writer, session: SessionDep) -> list[RosterOut]:
    return [RosterOut.model_validate(r) for r in service.add_roster(session, round_id, body.entries)]


@router.delete("/roster/{entry_id}", status_code=204, summary="Remove a summoned voter")
def remove_roster(round_id: str, entry_id: str, _: Writer, session: SessionDep) -> Response:
    service.remove_roster(session, round_id, entry_id)
    return Response(status_code=204)


@router.get(
    "/candidates", response_model=Page[CandidateOut], summary="Candidates with their verdicts, by name"
)
def list_candidates(
    round_id: str, _: RoundReader, session: SessionDep, limit: Limit = 50, offset: Offset = 0
) -> Page[CandidateOut]:
    items, total = service.candidates_page(session, round_id, limit, offset)
    return Page(items=[views.describe_candidate(c) for c in items], total=total, limit=limit, offset=offset)


@router.post("/candidates", response_model=CandidateAdded, status_code=201, summary="Propose a cadre")
def add_candidate(
    round_id: str, body: CandidateIn, _: Writer, session: SessionDep, clock: ClockDep
) -> CandidateAdded:
    candidate, displaced = service.add_candidate(session, round_id, body, clock.now())
    return views.describe_added(candidate, displaced)


@router.delete("/candidates/{candidate_id}", status_code=204, summary="Withdraw a candidate")
def remove_candidate(
    round_id: str, candidate_id: str, _: Writer, session: SessionDep, clock: ClockDep
) -> Response:
    service.remove_candidate(session, round_id, candidate_id, clock.now())
    return Response(status_code=204)


@router.get("/committee", response_model=Page[CommitteeOut], summary="The counting committee, by name")
def list_committee(
    round_id: str, _: RoundReader, session: SessionDep, limit: Limit = 50, offset: Offset = 0
) -> Page[CommitteeOut]:
    items, total = service.committee_page(session, round_id, limit, offset)
    return Page(
        items=[CommitteeOut.model_validate(m) for m in items], total=total, limit=limit, offset=offset
    )


@router.post("/committee", response_model=CommitteeOut, status_code=201, summary="Add a committee member")
def add_committee(
    round_id: str, body: CommitteeIn, _: Writer, session: SessionDep, clock: ClockDep
) -> CommitteeOut:
    return CommitteeOut.model_validate(service.add_committee(session, round_id, body, clock.now()))


@router.delete("/committee/{member_id}", status_code=204, summary="Remove a committee member")
def remove_committee(
    round_id: str, member_id: str, _: Writer, session: SessionDep, clock: ClockDep
) -> Response:
    service.remove_committee(session, round_id, member_id, clock.now())
    return Response(status_code=204)
