"""Rounds ("hội nghị lấy phiếu tín nhiệm") and their status workflow."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Response
from sqlalchemy.orm import Session

from ballots.calendar import deadlines
from ballots.levels import Rulebook

from ..deps import ClockDep, Reader, SessionDep, Writer
from ..models import Round
from ..models.plan import RoundStatus
from ..repositories import rounds as repo
from ..repositories.rounds import MemberCounts
from ..schemas.common import ERROR_RESPONSES, Page
from ..schemas.rounds import RoundIn, RoundOut, RoundPatch, StatusChange
from ..services import rounds as service
from .params import DayFilter, IncludeArchived, Limit, Offset

router = APIRouter(prefix="/rounds", tags=["rounds"], responses=ERROR_RESPONSES)


def round_out(round_: Round, counts: MemberCounts, today: date) -> RoundOut:
    return RoundOut(
        id=round_.id,
        plan_id=round_.plan_id,
        plan_number=round_.plan.number,
        unit_id=round_.unit_id,
        unit_name=round_.unit.name,
        title=round_.title,
        venue=round_.venue,
        vote_date=round_.vote_date,
        rulebook=round_.rulebook,
        place_kind=round_.place_kind,
        status=round_.status,
        override_reason=round_.schedule_override_reason,
        archived_at=round_.archived_at,
        roster_count=counts.roster,
        candidate_count=counts.candidates,
        eligible_count=counts.eligible,
        committee_count=counts.committee,
        deadlines={m.value: d for m, d in deadlines(round_.vote_date).items()},
        next_statuses=[] if round_.archived_at else list(service.NEXT[round_.status]),
        warnings=service.warnings(round_, today),
    )


def one(session: Session, round_: Round, today: date) -> RoundOut:
    return round_out(round_, repo.member_counts(session, [round_.id])[round_.id], today)


@router.get("", response_model=Page[RoundOut], summary="List rounds")
def list_rounds(
    _: Reader,
    session: SessionDep,
    clock: ClockDep,
    plan_id: str | None = None,
    unit_id: str | None = None,
    status: RoundStatus | None = None,
    rulebook: Rulebook | None = None,
    date_from: DayFilter = None,
    date_to: DayFilter = None,
    include_archived: IncludeArchived = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[RoundOut]:
    items, total = service.search(
        session,
        plan_id=plan_id,
        unit_id=unit_id,
        status=status,
        rulebook=rulebook,
        date_from=date_from,
        date_to=date_to,
        include_archived=include_archived,
        limit=limit,
        offset=offset,
    )
    counts = repo.member_counts(session, [r.id for r in items])
    return Page(
        items=[round_out(r, counts[r.id], clock.today()) for r in items],
        total=total,
        limit=limit,
        offset=offset,
    )


@router.post("", response_model=RoundOut, status_code=201, summary="Create a round (20-day rule applies)")
def create_round(body: RoundIn, _: Writer, session: SessionDep, clock: ClockDep) -> RoundOut:
    return one(session, service.create(session, body, clock.today()), clock.today())


@router.get("/{round_id}", response_model=RoundOut, summary="One round with its deadlines")
def get_round(round_id: str, _: Reader, session: SessionDep, clock: ClockDep) -> RoundOut:
    return one(session, service.get(session, round_id), clock.today())


@router.patch("/{round_id}", response_model=RoundOut, summary="Change a draft or scheduled round")
def update_round(
    round_id: str, body: RoundPatch, _: Writer, session: SessionDep, clock: ClockDep
) -> RoundOut:
    return one(session, service.update(session, round_id, body, clock.now(), clock.today()), clock.today())


@router.post("/{round_id}/status", response_model=RoundOut, summary="Move a round to its next status")
def change_status(
    round_id: str, body: StatusChange, _: Writer, session: SessionDep, clock: ClockDep
) -> RoundOut:
    changed = service.change_status(session, round_id, body.status, body.override_reason, clock.today())
    return one(session, changed, clock.today())


@router.post("/{round_id}/archive", response_model=RoundOut, summary="Archive a round")
def archive_round(round_id: str, _: Writer, session: SessionDep, clock: ClockDep) -> RoundOut:
    return one(session, service.archive(session, round_id, clock.now()), clock.today())


@router.delete("/{round_id}", status_code=204, summary="Delete a round that holds no ballots")
def delete_round(round_id: str, _: Writer, session: SessionDep, clock: ClockDep) -> Response:
    service.delete(session, round_id, clock.now())
    return Response(status_code=204)
