"""The conference-day page (organizer, admin, or the round's own committee): print the slips, hand
out paper ballots, watch turnout against the quorum line, close, enter the committee's key shares,
count, publish, and download what the count produced. Paper entry is in paper_entry_pages.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ballots.errors import BallotsError, InvalidInput

from ..deps import ClockDep, ReadSessionDep, SecretDep, SessionDep, SettingsDep
from ..downloads import attachment
from ..schemas.counting import CloseIn as CloseBody
from ..services import closing, conference_pages, counting, key_shares, paper, publication, slips
from .csrf import CsrfChecked
from .forms import form_fields, parse, require_writer, undone
from .plan_pages import STATUS_VI
from .render import page
from .session import PageUser

router = APIRouter(include_in_schema=False)
Fields = Annotated[dict[str, str], Depends(form_fields)]


def _number(fields: dict[str, str], name: str, label_vi: str) -> int | None:
    text = fields.get(name, "").strip()
    if not text:
        return None
    if not text.isdigit():
        raise InvalidInput(f"{name}: a whole number", message_vi=f"{label_vi}: hãy ghi một số nguyên")
    return int(text)


def conference_view(
    request: Request,
    user: PageUser,
    read: ReadSessionDep,
    round_id: str,
    today: date,
    status: int = 200,
    **more: Any,
) -> HTMLResponse:
    conference_pages.require_conference(read, user, round_id)
    day = conference_pages.conference_day(read, round_id, today)
    context = {
        "d": day,
        "r": day.round,
        "status_vi": STATUS_VI,
        "done": request.query_params.get("xong", ""),
        **more,
    }
    return page(request, "conference.html", context, user=user, status_code=status)


@router.get("/conference")
def conference_list(request: Request, user: PageUser, read: ReadSessionDep) -> HTMLResponse:
    if user.role.value != "committee":  # a committee account sees its own rounds here
        require_writer(user)
    found = conference_pages.conference_rounds(read, user)
    return page(request, "conference_list.html", {"rounds": found, "status_vi": STATUS_VI}, user=user)


@router.get("/rounds/{round_id}/conference")
def conference(
    round_id: str, request: Request, user: PageUser, read: ReadSessionDep, clock: ClockDep
) -> HTMLResponse:
    return conference_view(request, user, read, round_id, clock.today())


def _step(
    request: Request,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
    round_id: str,
    step: str,
    change: Callable[[], object],
) -> Response:
    """Do one conference-day step and come back to the page, or show why not (nothing changed)."""
    conference_pages.require_conference(read, user, round_id)
    try:
        change()
    except BallotsError as exc:
        status, message = undone(session, exc)
        return conference_view(
            request, user, read, round_id, clock.today(), status, **{f"{step}_error": message}
        )
    return RedirectResponse(f"/rounds/{round_id}/conference?xong={step}#{step}", status_code=303)


@router.post("/rounds/{round_id}/conference/slips", response_model=None)
def print_slips(
    round_id: str,
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
    secret: SecretDep,
    settings: SettingsDep,
    fields: Fields,
) -> Response:
    """The slips come out once, as the PDF to print; printing again voids the earlier slips."""
    conference_pages.require_conference(read, user, round_id)
    try:
        count = _number(fields, "count", "Số phiếu mã")
        pdf, name = slips.issue_slips_pdf(session, round_id, count, secret, settings.public_url)
    except BallotsError as exc:
        status, message = undone(session, exc)
        return conference_view(request, user, read, round_id, clock.today(), status, slips_error=message)
    return attachment(pdf, "application/pdf", name, private=True)


@router.post("/rounds/{round_id}/conference/paper-issued", response_model=None)
def paper_issued(
    round_id: str,
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
    fields: Fields,
) -> Response:
    def change() -> None:
        count = _number(fields, "count", "Số phiếu giấy đã phát")
        paper.set_issued(session, round_id, count or 0)

    return _step(request, user, read, session, clock, round_id, "paper", change)


@router.post("/rounds/{round_id}/conference/close", response_model=None)
def close(
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
    def change() -> None:
        body = {
            "present": _number(fields, "present", "Số người có mặt"),
            "paper_issued": _number(fields, "paper_issued", "Số phiếu giấy đã phát") or 0,
            "unused_count": _number(fields, "unused_count", "Số phiếu mã không phát") or 0,
        }
        checked = parse(CloseBody, body)
        data = closing.CloseIn(checked.present, checked.paper_issued, None, checked.unused_count)
        closing.close(session, round_id, data, secret)

    return _step(request, user, read, session, clock, round_id, "close", change)


@router.post("/rounds/{round_id}/conference/shares", response_model=None)
def enter_share(
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
    def change() -> None:
        key_shares.enter(session, round_id, user.user_id, fields.get("words", ""), secret, clock.now())

    return _step(request, user, read, session, clock, round_id, "shares", change)


@router.post("/rounds/{round_id}/conference/count", response_model=None)
def count(
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
    def change() -> None:
        reason = fields.get("override_reason", "").strip() or None
        counting.count(session, round_id, reason, secret, clock.now())

    return _step(request, user, read, session, clock, round_id, "count", change)


@router.post("/rounds/{round_id}/conference/publish", response_model=None)
def publish(
    round_id: str,
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
) -> Response:
    require_writer(user)  # publishing is the organizer's decision, not the committee's
    return _step(
        request,
        user,
        read,
        session,
        clock,
        round_id,
        "publish",
        lambda: publication.publish(session, round_id, clock.now()),
    )
