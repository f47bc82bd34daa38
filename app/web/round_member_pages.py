"""The forms of a round's page that change its members and documents: propose or withdraw a
cadre, summon or remove a voter, add or remove a committee member, record a document. Each
refusal comes back on the round's page, in Vietnamese, with nothing saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from ballots.calendar import VIETNAM_TZ, Milestone
from ballots.errors import BallotsError, InvalidInput

from ..deps import ClockDep, ReadSessionDep, SessionDep, SettingsDep
from ..schemas.rounds import CandidateIn, CommitteeIn, RosterIn
from ..services import committee_accounts, documents, round_members
from .csrf import CsrfChecked
from .forms import form_fields, given, parse, require_writer, undone
from .round_pages import round_view
from .session import PageUser

router = APIRouter(include_in_schema=False)
Fields = Annotated[dict[str, str], Depends(form_fields)]


def _done(
    request: Request,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
    round_id: str,
    section: str,
    change: Callable[[], Any],
) -> Response:
    """Make ``change`` and go back to the page's ``section``, or show the refusal there."""
    require_writer(user)
    try:
        change()
    except BallotsError as exc:
        status, message = undone(session, exc)
        more = {f"{section}_error": message, f"{section}_reasons": exc.details.get("reasons", [])}
        return round_view(request, user, read, round_id, clock.today(), status, **more)
    return RedirectResponse(f"/rounds/{round_id}?saved=1#{section}", status_code=303)


@router.post("/rounds/{round_id}/candidates", response_model=None)
def propose(
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
        body = parse(CandidateIn, given({"cadre_id": fields.get("cadre_id", "")}))
        round_members.add_candidate(session, round_id, body, clock.now())

    return _done(request, user, read, session, clock, round_id, "candidates", change)


@router.post("/rounds/{round_id}/candidates/{candidate_id}/withdraw", response_model=None)
def withdraw(
    round_id: str,
    candidate_id: str,
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
) -> Response:
    def change() -> None:
        round_members.remove_candidate(session, round_id, candidate_id, clock.now())

    return _done(request, user, read, session, clock, round_id, "candidates", change)


@router.post("/rounds/{round_id}/roster", response_model=None)
def summon(
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
        entry = parse(RosterIn, given({k: fields.get(k, "") for k in ("full_name", "title", "contact")}))
        round_members.add_roster(session, round_id, [entry])

    return _done(request, user, read, session, clock, round_id, "roster", change)


@router.post("/rounds/{round_id}/roster/{entry_id}/remove", response_model=None)
def unsummon(
    round_id: str,
    entry_id: str,
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
) -> Response:
    return _done(
        request,
        user,
        read,
        session,
        clock,
        round_id,
        "roster",
        lambda: round_members.remove_roster(session, round_id, entry_id),
    )


@router.post("/rounds/{round_id}/committee", response_model=None)
def add_member(
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
        member = parse(CommitteeIn, given({k: fields.get(k, "") for k in ("full_name", "role")}))
        round_members.add_committee(session, round_id, member, clock.now())

    return _done(request, user, read, session, clock, round_id, "committee", change)


@router.post("/rounds/{round_id}/committee/{member_id}/remove", response_model=None)
def remove_member(
    round_id: str,
    member_id: str,
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
) -> Response:
    return _done(
        request,
        user,
        read,
        session,
        clock,
        round_id,
        "committee",
        lambda: round_members.remove_committee(session, round_id, member_id, clock.now()),
    )


@router.post("/rounds/{round_id}/committee/{member_id}/account", response_model=None)
def give_account(
    round_id: str,
    member_id: str,
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
) -> Response:
    """A committee account for the member; its password is on this answer only (to hand over)."""
    require_writer(user)
    try:
        member, password = committee_accounts.give_account(session, round_id, member_id, None)
    except BallotsError as exc:
        status, message = undone(session, exc)
        return round_view(request, user, read, round_id, clock.today(), status, committee_error=message)
    given = {"name": member.full_name, "username": member.username, "password": password}
    return round_view(request, user, read, round_id, clock.today(), given_account=given)


def _received(day: str, now: datetime) -> datetime | None:
    """The day a document arrived (noon in Vietnam, so the day is the same in any zone); today
    when left empty."""
    if not day.strip():
        return None
    try:
        return datetime.combine(datetime.fromisoformat(day.strip()).date(), time(12), VIETNAM_TZ)
    except ValueError as exc:
        raise InvalidInput(
            "the day received is written YYYY-MM-DD", message_vi="Ngày nhận cần ghi dạng năm-tháng-ngày"
        ) from exc


@router.post("/rounds/{round_id}/documents", response_model=None)
def record_document(
    round_id: str,
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
    settings: SettingsDep,
    kind: Annotated[str, Form()],
    title: Annotated[str, Form(max_length=300)] = "",
    cadre_id: Annotated[str, Form(max_length=64)] = "",
    submitted_by: Annotated[str, Form(max_length=200)] = "",
    received_on: Annotated[str, Form(max_length=20)] = "",
    body: Annotated[str, Form(max_length=100_000)] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    def change() -> None:
        try:
            milestone = Milestone(kind)
        except ValueError as exc:
            raise InvalidInput("choose the kind of document", message_vi="Hãy chọn loại tài liệu") from exc
        now = clock.now()
        moment = min(_received(received_on, now) or now, now)
        data = documents.NewDocument(milestone, title, body, cadre_id or None, submitted_by, moment)
        upload = (
            documents.Upload(file.filename or "", file.file) if file is not None and file.filename else None
        )
        documents.create(session, round_id, data, upload, settings.upload_max_bytes, now)

    return _done(request, user, read, session, clock, round_id, "documents", change)
