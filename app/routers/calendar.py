"""The calendar of a round and the dashboard of a plan."""

from __future__ import annotations

from fastapi import APIRouter

from ..deps import ClockDep, Reader, SessionDep
from ..schemas.calendar import Dashboard, RoundCalendar
from ..schemas.common import ERROR_RESPONSES
from ..services.calendar import round_calendar
from ..services.dashboard import dashboard
from ..services.rounds import get as get_round

router = APIRouter(tags=["calendar"], responses=ERROR_RESPONSES)


@router.get(
    "/rounds/{round_id}/calendar", response_model=RoundCalendar, summary="Deadlines and what was submitted"
)
def get_calendar(round_id: str, _: Reader, session: SessionDep, clock: ClockDep) -> RoundCalendar:
    return round_calendar(session, get_round(session, round_id), clock.today())


@router.get("/plans/{plan_id}/dashboard", response_model=Dashboard, summary="Where a plan stands")
def get_dashboard(plan_id: str, _: Reader, session: SessionDep, clock: ClockDep) -> Dashboard:
    return dashboard(session, plan_id, clock.today())
