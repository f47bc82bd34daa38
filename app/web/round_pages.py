"""A round's page (the wizard's hub): create a round, edit it with its deadlines shown for the date
typed, schedule and open it. Members and documents are handled in round_member_pages.py."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ballots.errors import BallotsError
from ballots.levels import Rulebook

from ..deps import ClockDep, ReadSessionDep, SecretDep, SessionDep
from ..schemas.rounds import RoundIn, RoundPatch, RoundStatus
from ..services import committee_access, plans, round_pages, rounds
from .csrf import CsrfChecked
from .forms import form_fields, given, parse, require_writer, undone
from .plan_pages import MILESTONE_VI, STATUS_VI
from .render import page
from .session import PageUser

router = APIRouter(include_in_schema=False)
Fields = Annotated[dict[str, str], Depends(form_fields)]
ROUND_FIELDS = ("title", "venue", "vote_date", "unit_id", "override_reason", "sealing", "threshold")
RULEBOOK_VI = {r.value: r.label_vi for r in Rulebook}
SEALING_VI = {
    "server": "Máy chủ giữ khóa (mặc định)",
    "committee": "Tổ kiểm phiếu giữ khóa (chia cho các thành viên)",
}
# The bare status changes a page offers; closing, counting and publishing have steps of their own.
STATUS_ACTIONS = {RoundStatus.SCHEDULED: "Lên lịch", RoundStatus.OPEN: "Mở bỏ phiếu"}


def _preview_deadlines(fields: dict[str, str]) -> dict[Any, date] | None:
    try:
        return round_pages.deadlines_for(date.fromisoformat(fields.get("vote_date", "")))
    except ValueError:
        return None


def _round_fields(fields: dict[str, str]) -> dict[str, Any]:
    values = given({k: v for k, v in fields.items() if k in ROUND_FIELDS})
    if "threshold" in values:
        values["threshold"] = (
            int(values["threshold"]) if values["threshold"].isdigit() else values["threshold"]
        )
    if values.get("sealing") == "server":
        values.pop("threshold", None)
    return values


def _new_page(
    request: Request, user: PageUser, read: ReadSessionDep, plan_id: str, status: int = 200, **more: Any
) -> HTMLResponse:
    context = {
        "plan": plans.get(read, plan_id),
        "units": round_pages.unit_choices(read),
        "rulebook_vi": RULEBOOK_VI,
        "sealing_vi": SEALING_VI,
        "milestone_vi": MILESTONE_VI,
        "form": {},
        "preview": None,
        **more,
    }
    return page(request, "round_new.html", context, user=user, status_code=status, script=True)


@router.get("/plans/{plan_id}/rounds/new")
def new_round(plan_id: str, request: Request, user: PageUser, read: ReadSessionDep) -> HTMLResponse:
    require_writer(user)
    return _new_page(request, user, read, plan_id)


@router.post("/plans/{plan_id}/rounds/new", response_model=None)
def create_round(
    plan_id: str,
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
    fields: Fields,
) -> Response:
    require_writer(user)
    if fields.get("step") == "preview":
        return _new_page(request, user, read, plan_id, form=fields, preview=_preview_deadlines(fields))
    try:
        values = {**_round_fields(fields), "plan_id": plan_id, "rulebook": fields.get("rulebook", "")}
        created = rounds.create(session, parse(RoundIn, values), clock.today())
    except BallotsError as exc:
        status, message = undone(session, exc)
        preview = _preview_deadlines(fields)
        return _new_page(request, user, read, plan_id, status, error=message, form=fields, preview=preview)
    return RedirectResponse(f"/rounds/{created.id}?saved=1", status_code=303)


def round_view(
    request: Request,
    user: PageUser,
    read: ReadSessionDep,
    round_id: str,
    today: date,
    status: int = 200,
    **more: Any,
) -> HTMLResponse:
    """The round's page; ``more`` carries a refusal and the input to show again."""
    committee_access.require_read(read, user, round_id)
    view = round_pages.round_page(read, round_id, today, request.query_params.get("tim", ""))
    context = {
        "v": view,
        "r": view.round,
        "status_vi": STATUS_VI,
        "rulebook_vi": RULEBOOK_VI,
        "sealing_vi": SEALING_VI,
        "milestone_vi": MILESTONE_VI,
        "status_actions": {s: label for s, label in STATUS_ACTIONS.items() if s in view.round.next_statuses},
        "units": round_pages.unit_choices(read),
        "saved": request.query_params.get("saved") == "1",
        "find": request.query_params.get("tim", ""),
        "form": None,
        "preview": None,
        **more,
    }
    return page(request, "round.html", context, user=user, status_code=status, script=True)


@router.get("/rounds/{round_id}")
def round_(
    round_id: str,
    request: Request,
    user: PageUser,
    read: ReadSessionDep,
    clock: ClockDep,
    tim: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    return round_view(request, user, read, round_id, clock.today())


@router.post("/rounds/{round_id}", response_model=None)
def change_round(
    round_id: str,
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
    fields: Fields,
) -> Response:
    require_writer(user)
    today = clock.today()
    if fields.get("step") == "preview":
        return round_view(
            request, user, read, round_id, today, form=fields, preview=_preview_deadlines(fields)
        )
    try:
        values = _round_fields(fields)
        if fields.get("sealing") == "server":
            values["threshold"] = None
        rounds.update(session, round_id, parse(RoundPatch, values), clock.now(), today)
    except BallotsError as exc:
        status, message = undone(session, exc)
        return round_view(request, user, read, round_id, today, status, error=message, form=fields)
    return RedirectResponse(f"/rounds/{round_id}?saved=1", status_code=303)


@router.post("/rounds/{round_id}/status", response_model=None)
def change_status(
    round_id: str,
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
    secret: SecretDep,
    fields: Fields,
) -> Response:
    require_writer(user)
    wanted = next((s for s in STATUS_ACTIONS if s.value == fields.get("status")), None)
    if wanted is None:
        message = "Thao tác này không làm trên trang này được (đóng, kiểm phiếu, công bố có bước riêng)."
        return round_view(request, user, read, round_id, clock.today(), 422, status_error=message)
    try:
        changed, shares = rounds.change_status(
            session, round_id, wanted, fields.get("override_reason") or None, clock.today(), secret
        )
    except BallotsError as exc:
        status, message = undone(session, exc)
        return round_view(request, user, read, round_id, clock.today(), status, status_error=message)
    if shares:
        # Committee sealing: the only moment the shares exist outside the members' hands.
        return page(request, "round_shares.html", {"round": changed, "shares": shares}, user=user)
    return RedirectResponse(f"/rounds/{round_id}?saved=1", status_code=303)
