"""The cadres pages: browse and search (without diacritics), add with a first post, edit the
person and the posts, see where the cadre is voted on across plans."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ballots.errors import BallotsError
from ballots.levels import FillMethod

from ..deps import ClockDep, ReadSessionDep, SessionDep
from ..schemas.cadres import CadreIn, CadrePatch, PostIn, PostPatch
from ..services import cadres as service
from ..services import nominations
from ..services import units as unit_service
from .csrf import CsrfChecked
from .forms import form_fields, given, parse, require_catalog, require_writer, undone
from .render import page
from .session import PageUser

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
Fields = Annotated[dict[str, str], Depends(form_fields)]
FILLED_BY_VI = {
    FillMethod.COUNCIL_ELECTED.value: "HĐND bầu hoặc phê chuẩn",
    FillMethod.PARTY_ELECTED.value: "Cấp ủy, đại hội bầu",
    FillMethod.APPOINTED.value: "Bổ nhiệm",
}
GENDER_VI = {"male": "Nam", "female": "Nữ"}
PERSON = ("full_name", "date_of_birth", "gender", "retirement_notice_date", "standing_committee_unit_id")
POST = ("title", "unit_id", "filled_by", "since", "ended_on")
PLACE_VI = {"kept": "Được lấy phiếu", "displaced": "Nhường chỗ", "excluded": "Không đủ điều kiện"}


def _units(read: ReadSessionDep) -> list[Any]:
    units, _ = unit_service.search(
        read, level=None, parent_id=None, q=None, include_archived=False, limit=10_000, offset=0
    )
    return sorted(units, key=lambda u: u.name_key)


def _labels() -> dict[str, Any]:
    return {"filled_by_vi": FILLED_BY_VI, "gender_vi": GENDER_VI}


def _list_page(
    request: Request,
    user: PageUser,
    read: ReadSessionDep,
    q: str,
    unit_id: str,
    offset: int,
    status: int = 200,
    **more: Any,
) -> HTMLResponse:
    cadres, total = service.search(
        read,
        q=q or None,
        unit_id=unit_id or None,
        filled_by=None,
        include_archived=False,
        limit=PAGE_SIZE,
        offset=offset,
    )
    context = {
        "cadres": cadres,
        "total": total,
        "q": q,
        "unit_id": unit_id,
        "offset": offset,
        "page_size": PAGE_SIZE,
        "pager_args": {"q": q, "unit_id": unit_id},
        "units": _units(read),
        "form": {},
        **_labels(),
        **more,
    }
    return page(request, "cadres.html", context, user=user, status_code=status)


@router.get("/cadres")
def cadres(
    request: Request,
    user: PageUser,
    read: ReadSessionDep,
    q: Annotated[str, Query(max_length=200)] = "",
    unit_id: Annotated[str, Query(max_length=64)] = "",
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    require_catalog(user)
    return _list_page(request, user, read, q, unit_id, offset)


@router.post("/cadres", response_model=None)
def add_cadre(
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
    fields: Fields,
) -> Response:
    require_writer(user)
    person = given({k: v for k, v in fields.items() if k in PERSON})
    post = given({k: v for k, v in fields.items() if k in POST})
    try:
        body = parse(CadreIn, {**person, "posts": [post] if post else []})
        cadre = service.create(session, body, clock.now(), clock.today())
    except BallotsError as exc:
        status, message = undone(session, exc)
        return _list_page(request, user, read, "", "", 0, status, error=message, form=fields)
    return RedirectResponse(f"/cadres/{cadre.id}?saved=1", status_code=303)


def _cadre_page(
    request: Request, user: PageUser, read: ReadSessionDep, cadre_id: str, status: int = 200, **more: Any
) -> HTMLResponse:
    cadre = service.get(read, cadre_id)
    places, _ = nominations.nominations(read, cadre_id, 200, 0)
    context = {
        "cadre": cadre,
        "places": places,
        "place_vi": PLACE_VI,
        "units": _units(read),
        "form": None,
        "post_form": None,
        "saved": request.query_params.get("saved") == "1",
        **_labels(),
        **more,
    }
    return page(request, "cadre.html", context, user=user, status_code=status)


@router.get("/cadres/{cadre_id}")
def cadre(cadre_id: str, request: Request, user: PageUser, read: ReadSessionDep) -> HTMLResponse:
    require_catalog(user)
    return _cadre_page(request, user, read, cadre_id)


@router.post("/cadres/{cadre_id}", response_model=None)
def change_cadre(
    cadre_id: str,
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
            service.archive(session, cadre_id, clock.now())
            return RedirectResponse(f"/cadres?{urlencode({'archived': 1})}", status_code=303)
        person = {k: v for k, v in fields.items() if k in PERSON}
        changes = given(person, keep_blank=frozenset(PERSON) - {"full_name"})
        service.update(session, cadre_id, parse(CadrePatch, changes), clock.now(), clock.today())
    except BallotsError as exc:
        status, message = undone(session, exc)
        return _cadre_page(request, user, read, cadre_id, status, error=message, form=fields)
    return RedirectResponse(f"/cadres/{cadre_id}?saved=1", status_code=303)


@router.post("/cadres/{cadre_id}/posts", response_model=None)
def add_or_change_post(
    cadre_id: str,
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
    fields: Fields,
) -> Response:
    """A new post, or (with ``post_id``) a change to one: most often its end date."""
    require_writer(user)
    post_id = fields.get("post_id", "")
    values = {k: v for k, v in fields.items() if k in POST}
    try:
        if post_id:
            changes = parse(PostPatch, given(values, keep_blank=frozenset({"ended_on"})))
            service.update_post(session, cadre_id, post_id, changes, clock.now(), clock.today())
        else:
            service.add_post(session, cadre_id, parse(PostIn, given(values)), clock.now(), clock.today())
    except BallotsError as exc:
        status, message = undone(session, exc)
        return _cadre_page(request, user, read, cadre_id, status, post_error=message, post_form=fields)
    return RedirectResponse(f"/cadres/{cadre_id}?saved=1#posts", status_code=303)
