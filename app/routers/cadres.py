"""Cadres ("cán bộ") and the posts they hold."""

from __future__ import annotations

from fastapi import APIRouter, Response

from ballots.levels import FillMethod

from ..deps import ClockDep, Reader, SessionDep, Writer
from ..schemas.cadres import CadreIn, CadreOut, CadrePatch, PostIn, PostOut, PostPatch
from ..schemas.common import ERROR_RESPONSES, Page
from ..services import cadres as service
from .params import IncludeArchived, Limit, Offset

router = APIRouter(prefix="/cadres", tags=["cadres"], responses=ERROR_RESPONSES)


@router.get("", response_model=Page[CadreOut], summary="List cadres")
def list_cadres(
    _: Reader,
    session: SessionDep,
    q: str | None = None,
    unit_id: str | None = None,
    filled_by: FillMethod | None = None,
    include_archived: IncludeArchived = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[CadreOut]:
    items, total = service.search(
        session,
        q=q,
        unit_id=unit_id,
        filled_by=filled_by,
        include_archived=include_archived,
        limit=limit,
        offset=offset,
    )
    return Page(items=[CadreOut.model_validate(c) for c in items], total=total, limit=limit, offset=offset)


@router.post("", response_model=CadreOut, status_code=201, summary="Create a cadre with posts")
def create_cadre(body: CadreIn, _: Writer, session: SessionDep, clock: ClockDep) -> CadreOut:
    return CadreOut.model_validate(service.create(session, body, clock.now(), clock.today()))


@router.get("/{cadre_id}", response_model=CadreOut, summary="One cadre")
def get_cadre(cadre_id: str, _: Reader, session: SessionDep) -> CadreOut:
    return CadreOut.model_validate(service.get(session, cadre_id))


@router.patch("/{cadre_id}", response_model=CadreOut, summary="Change a cadre (re-assesses eligibility)")
def update_cadre(
    cadre_id: str, body: CadrePatch, _: Writer, session: SessionDep, clock: ClockDep
) -> CadreOut:
    return CadreOut.model_validate(service.update(session, cadre_id, body, clock.now(), clock.today()))


@router.post("/{cadre_id}/posts", response_model=PostOut, status_code=201, summary="Add a post")
def add_post(cadre_id: str, body: PostIn, _: Writer, session: SessionDep, clock: ClockDep) -> PostOut:
    return PostOut.model_validate(service.add_post(session, cadre_id, body, clock.now(), clock.today()))


@router.patch("/{cadre_id}/posts/{post_id}", response_model=PostOut, summary="Change a post")
def update_post(
    cadre_id: str, post_id: str, body: PostPatch, _: Writer, session: SessionDep, clock: ClockDep
) -> PostOut:
    return PostOut.model_validate(
        service.update_post(session, cadre_id, post_id, body, clock.now(), clock.today())
    )


@router.delete("/{cadre_id}/posts/{post_id}", status_code=204, summary="Remove a post")
def delete_post(cadre_id: str, post_id: str, _: Writer, session: SessionDep, clock: ClockDep) -> Response:
    service.delete_post(session, cadre_id, post_id, clock.now())
    return Response(status_code=204)


@router.post("/{cadre_id}/archive", response_model=CadreOut, summary="Archive a cadre")
def archive_cadre(cadre_id: str, _: Writer, session: SessionDep, clock: ClockDep) -> CadreOut:
    return CadreOut.model_validate(service.archive(session, cadre_id, clock.now()))


@router.delete("/{cadre_id}", status_code=204, summary="Delete a cadre never nominated")
def delete_cadre(cadre_id: str, _: Writer, session: SessionDep) -> Response:
    service.delete(session, cadre_id)
    return Response(status_code=204)
