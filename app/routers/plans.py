"""Plans ("kế hoạch lấy phiếu tín nhiệm")."""

from __future__ import annotations

from fastapi import APIRouter, Response

from ..deps import ClockDep, Reader, SessionDep, Writer
from ..schemas.common import ERROR_RESPONSES, Page
from ..schemas.plans import PlanDetail, PlanIn, PlanOut, PlanPatch
from ..services import plans as service
from .params import IncludeArchived, Limit, Offset, Year

router = APIRouter(prefix="/plans", tags=["plans"], responses=ERROR_RESPONSES)


@router.get("", response_model=Page[PlanOut], summary="List plans")
def list_plans(
    _: Reader,
    session: SessionDep,
    vote_year: Year = None,
    q: str | None = None,
    include_archived: IncludeArchived = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[PlanOut]:
    items, total = service.search(
        session, vote_year=vote_year, q=q, include_archived=include_archived, limit=limit, offset=offset
    )
    return Page(items=[PlanOut.model_validate(p) for p in items], total=total, limit=limit, offset=offset)


@router.post("", response_model=PlanDetail, status_code=201, summary="Create a plan")
def create_plan(body: PlanIn, _: Writer, session: SessionDep) -> PlanDetail:
    return service.detail(session, service.create(session, body))


@router.get("/{plan_id}", response_model=PlanDetail, summary="One plan, with warnings")
def get_plan(plan_id: str, _: Reader, session: SessionDep) -> PlanDetail:
    return service.detail(session, service.get(session, plan_id))


@router.patch("/{plan_id}", response_model=PlanDetail, summary="Change a plan")
def update_plan(plan_id: str, body: PlanPatch, _: Writer, session: SessionDep) -> PlanDetail:
    return service.detail(session, service.update(session, plan_id, body))


@router.post("/{plan_id}/archive", response_model=PlanDetail, summary="Archive a plan")
def archive_plan(plan_id: str, _: Writer, session: SessionDep, clock: ClockDep) -> PlanDetail:
    return service.detail(session, service.archive(session, plan_id, clock.now()))


@router.delete("/{plan_id}", status_code=204, summary="Delete a plan without rounds")
def delete_plan(plan_id: str, _: Writer, session: SessionDep) -> Response:
    service.delete(session, plan_id)
    return Response(status_code=204)
