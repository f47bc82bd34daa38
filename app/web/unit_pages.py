"""The units page: browse and search (without diacritics), add, rename, move, archive."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ballots.errors import BallotsError
from ballots.levels import UnitLevel

from ..deps import ClockDep, ReadSessionDep, SessionDep
from ..schemas.units import UnitIn, UnitPatch
from ..services import units as service
from .csrf import CsrfChecked
from .forms import form_fields, given, parse, require_catalog, require_writer, undone
from .render import page
from .session import PageUser

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
LEVEL_VI = {UnitLevel.PROVINCE.value: "Cấp tỉnh", UnitLevel.DISTRICT.value: "Cấp huyện"}
Fields = Annotated[dict[str, str], Depends(form_fields)]


def _choices(read: ReadSessionDep) -> list[Any]:
    units, _ = service.search(
        read, level=None, parent_id=None, q=None, include_archived=False, limit=10_000, offset=0
    )
    return sorted(units, key=lambda u: u.name_key)


def _list_page(
    request: Request,
    user: PageUser,
    read: ReadSessionDep,
    q: str,
    offset: int,
    status: int = 200,
    **more: Any,
) -> HTMLResponse:
    units, total = service.search(
        read, level=None, parent_id=None, q=q or None, include_archived=False, limit=PAGE_SIZE, offset=offset
    )
    context = {
        "units": units,
        "total": total,
        "q": q,
        "offset": offset,
        "page_size": PAGE_SIZE,
        "pager_args": {"q": q},
        "choices": _choices(read),
        "level_vi": LEVEL_VI,
        "form": {},
        **more,
    }
    return page(request, "units.html", context, user=user, status_code=status)


@router.get("/units")
def units(
    request: Request,
    user: PageUser,
    read: ReadSessionDep,
    q: Annotated[str, Query(max_length=200)] = "",
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    require_catalog(user)
    return _list_page(request, user, read, q, offset)


@router.post("/units", response_model=None)
def add_unit(
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    fields: Fields,
) -> Response:
    require_writer(user)
    try:
        unit = service.create(session, parse(UnitIn, given(fields)))
    except BallotsError as exc:
        status, message = undone(session, exc)
        return _list_page(request, user, read, "", 0, error=message, form=fields, status=status)
    return RedirectResponse(f"/units?{urlencode({'q': unit.name, 'added': 1})}", status_code=303)


def _unit_page(
    request: Request, user: PageUser, read: ReadSessionDep, unit_id: str, status: int = 200, **more: Any
) -> HTMLResponse:
    unit = service.get(read, unit_id)
    context = {
        "unit": unit,
        "choices": [u for u in _choices(read) if u.id != unit.id],
        "level_vi": LEVEL_VI,
        "form": None,
        **more,
    }
    return page(request, "unit.html", context, user=user, status_code=status)


@router.get("/units/{unit_id}")
def unit(unit_id: str, request: Request, user: PageUser, read: ReadSessionDep) -> HTMLResponse:
    require_catalog(user)
    return _unit_page(request, user, read, unit_id, saved=request.query_params.get("saved") == "1")


@router.post("/units/{unit_id}", response_model=None)
def change_unit(
    unit_id: str,
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
    fields: Fields,
) -> Response:
    require_writer(user)
    try:
        if fields.get("action") == "archive":
            service.archive(session, unit_id, clock.now())
            return RedirectResponse("/units?archived=1", status_code=303)
        changes = given(
            {k: v for k, v in fields.items() if k != "action"}, keep_blank=frozenset({"parent_id"})
        )
        service.update(session, unit_id, parse(UnitPatch, changes), clock.now())
    except BallotsError as exc:
        status, message = undone(session, exc)
        return _unit_page(request, user, read, unit_id, error=message, form=fields, status=status)
    return RedirectResponse(f"/units/{unit_id}?saved=1", status_code=303)
