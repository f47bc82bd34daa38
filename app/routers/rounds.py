"""Rounds ("hội nghị lấy phiếu tín nhiệm") and their status workflow."""

from __future__ import annotations

from fastapi import APIRouter, Response

from ballots.levels import Rulebook

from ..deps import AnyReader, ClockDep, RoundReader, SecretDep, SessionDep, Writer
from ..schemas.common import ERROR_RESPONSES, Page
from ..schemas.rounds import RoundIn, RoundOut, RoundPatch, RoundStatus, StatusChange
from ..schemas.voting import KeyShareOut, StatusChanged
from ..services import committee_access
from ..services import round_views as views
from ..services import rounds as service
from .params import DayFilter, IncludeArchived, Limit, Offset

router = APIRouter(prefix="/rounds", tags=["rounds"], responses=ERROR_RESPONSES)


@router.get(
    "",
    response_model=Page[RoundOut],
    summary="List rounds (a committee account: the rounds whose counting committee it sits on)",
)
def list_rounds(
    principal: AnyReader,
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
        only=committee_access.visible_round_ids(session, principal),
    )
    return Page(
        items=views.describe_all(session, items, clock.today()), total=total, limit=limit, offset=offset
    )


@router.post("", response_model=RoundOut, status_code=201, summary="Create a round (20-day rule applies)")
def create_round(body: RoundIn, _: Writer, session: SessionDep, clock: ClockDep) -> RoundOut:
    return views.describe(session, service.create(session, body, clock.today()), clock.today())


@router.get("/{round_id}", response_model=RoundOut, summary="One round with its deadlines")
def get_round(round_id: str, _: RoundReader, session: SessionDep, clock: ClockDep) -> RoundOut:
    return views.describe(session, service.get(session, round_id), clock.today())


@router.patch("/{round_id}", response_model=RoundOut, summary="Change a draft or scheduled round")
def update_round(
    round_id: str, body: RoundPatch, _: Writer, session: SessionDep, clock: ClockDep
) -> RoundOut:
    updated = service.update(session, round_id, body, clock.now(), clock.today())
    return views.describe(session, updated, clock.today())


@router.post(
    "/{round_id}/status",
    response_model=StatusChanged,
    summary="Move a round to its next status (opening keys its ballot box)",
)
def change_status(
    round_id: str, body: StatusChange, _: Writer, session: SessionDep, clock: ClockDep, secret: SecretDep
) -> StatusChanged:
    changed, shares = service.change_status(
        session, round_id, body.status, body.override_reason, clock.today(), secret
    )
    return StatusChanged(
        **dict(views.describe(session, changed, clock.today())),
        key_shares=[
            KeyShareOut(member_id=s.member_id, full_name=s.full_name, position=s.position, words=s.words)
            for s in shares
        ],
    )


@router.post("/{round_id}/archive", response_model=RoundOut, summary="Archive a round")
def archive_round(round_id: str, _: Writer, session: SessionDep, clock: ClockDep) -> RoundOut:
    return views.describe(session, service.archive(session, round_id, clock.now()), clock.today())


@router.delete("/{round_id}", status_code=204, summary="Delete a round that holds no ballots")
def delete_round(round_id: str, _: Writer, session: SessionDep, clock: ClockDep) -> Response:
    service.delete(session, round_id, clock.now())
    return Response(status_code=204)
