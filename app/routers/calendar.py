"""The calendar of a round and the dashboard of a plan."""

from __future__ import annotations

from fastapi import APIRouter

from ..deps import ClockDep, Reader, RoundReader, SessionDep
from ..schemas.calendar import Dashboard, RoundCalendar
from ..schemas.common import ERROR_RESPONSES
from ..services.calendar import round_calendar
from ..services.dashboard import dashboard

router = APIRouter(tags=["calendar"], responses=ERROR_RESPONSES)


@router.get(
    "/rounds/{round_id}/calendar",
    response_model=RoundCalendar,
    summary="The D−20/−15/−10/−3 deadlines of a round and who met them",
)
def get_calendar(round_id: str, _: RoundReader, session: SessionDep, clock: ClockDep) -> RoundCalendar:
    return round_calendar(session, round_id, clock.today())


@router.get(
    "/plans/{plan_id}/dashboard",
    response_model=Dashboard,
    summary="Where a plan stands: rounds, deadlines due soon or missed, exclusions, ordering problems",
)
def get_dashboard(plan_id: str, _: Reader, session: SessionDep, clock: ClockDep) -> Dashboard:
    return dashboard(session, plan_id, clock.today())
