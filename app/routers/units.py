"""Units: agencies and localities ("cơ quan, đơn vị")."""

from __future__ import annotations

from fastapi import APIRouter, Response

from ballots.levels import UnitLevel

from ..deps import ClockDep, Reader, SessionDep, Writer
from ..schemas.common import ERROR_RESPONSES, Page
from ..schemas.units import UnitIn, UnitOut, UnitPatch
from ..services import units as service
from .params import IncludeArchived, Limit, Offset

router = APIRouter(prefix="/units", tags=["units"], responses=ERROR_RESPONSES)


@router.get("", response_model=Page[UnitOut], summary="List units")
def list_units(
    _: Reader,
    session: SessionDep,
    level: UnitLevel | None = None,
    parent_id: str | None = None,
    q: str | None = None,
    include_archived: IncludeArchived = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[UnitOut]:
    items, total = service.search(
        session,
        level=level,
        parent_id=parent_id,
        q=q,
        include_archived=include_archived,
        limit=limit,
        offset=offset,
    )
    return Page(items=[UnitOut.model_validate(u) for u in items], total=total, limit=limit, offset=offset)


@router.post("", response_model=UnitOut, status_code=201, summary="Create a unit")
def create_unit(body: UnitIn, _: Writer, session: SessionDep) -> UnitOut:
    return UnitOut.model_validate(service.create(session, body))


@router.get("/{unit_id}", response_model=UnitOut, summary="One unit")
def get_unit(unit_id: str, _: Reader, session: SessionDep) -> UnitOut:
    return UnitOut.model_validate(service.get(session, unit_id))


@router.patch("/{unit_id}", response_model=UnitOut, summary="Change a unit")
def update_unit(unit_id: str, body: UnitPatch, _: Writer, session: SessionDep, clock: ClockDep) -> UnitOut:
    return UnitOut.model_validate(service.update(session, unit_id, body, clock.now()))


@router.post("/{unit_id}/archive", response_model=UnitOut, summary="Archive a unit")
def archive_unit(unit_id: str, _: Writer, session: SessionDep, clock: ClockDep) -> UnitOut:
    return UnitOut.model_validate(service.archive(session, unit_id, clock.now()))


@router.delete("/{unit_id}", status_code=204, summary="Delete a unit nothing refers to")
def delete_unit(unit_id: str, _: Writer, session: SessionDep) -> Response:
    service.delete(session, unit_id)
    return Response(status_code=204)
