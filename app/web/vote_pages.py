"""The voter's pages: code → ballot → review → cast → receipt, and the round's public board.

No login: the code on the slip is the credential. It arrives once in the address (``?code=`` from
the slip's QR code, only to fill the field) and from then on travels in a hidden form field, never
in an address; the access log redacts it (app/log_redaction.py). The choices travel the same way
between the ballot and the review, so nothing is kept on the server before the cast.

An unknown code and a spent one get one page with one status; a mistyped code (its check
character does not match) is told apart, since that proves nothing about which slips exist.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ballots.errors import Conflict, InvalidInput
from ballots.levels import FollowUpLevel, Level

from ..deps import BoxesDep, CodeAttemptDep, ReadSessionDep, SecretDep, SessionDep
from ..errors import CodeRefused, TooManyRequests
from ..services import casting, voting
from . import csrf
from .csrf import FORM_COOKIE, CsrfChecked
from .i18n import language
from .render import page, set_cookie
from .vote_documents import DOCUMENT_KINDS

router = APIRouter(include_in_schema=False)

BASE = "/bo-phieu/{round_id}"
# (level, Vietnamese, English): "Tín nhiệm" is also the service's name, so not a phrase of i18n.py.
LEVELS: list[tuple[Level | FollowUpLevel, str, str]] = [
    (Level.HIGH, "Tín nhiệm cao", "High confidence"),
    (Level.MEDIUM, "Tín nhiệm", "Confidence"),
    (Level.LOW, "Tín nhiệm thấp", "Low confidence"),
]
# The nq96 follow-up vote of a People's Council: two boxes.
FOLLOW_UP_LEVELS: list[tuple[Level | FollowUpLevel, str, str]] = [
    (FollowUpLevel.TRUST, "Tín nhiệm", "Trust"),
    (FollowUpLevel.NO_TRUST, "Không tín nhiệm", "No trust"),
]
LABELS = {level.value: {"vi": vi, "en": en} for level, vi, en in LEVELS + FOLLOW_UP_LEVELS}


def _levels(paper: voting.BallotPaper) -> list[tuple[Level | FollowUpLevel, str, str]]:
    return FOLLOW_UP_LEVELS if paper.follow_up else LEVELS


CODE_FORMAT = "XXXX-XXXX-XXXX-XXXX-X"
MISTYPED = "Mã không đúng, kiểm tra lại từng ký tự"
REFUSED = "Mã không hợp lệ hoặc đã được sử dụng"
TOO_MANY = "Thử quá nhiều lần. Hãy đợi {n} giây rồi thử lại."
BAD_CHOICE = "Phiếu gửi lên có lựa chọn không hợp lệ; hãy điền lại phiếu."
FIELD = "c-"  # a row's radio group: "c-<cadre_id>"
TWICE = object()  # a row sent with two values: refused like any value that is not a level
RECEIPT = re.compile(r"[0-9a-f]{8,64}")


def _switch(round_id: str, lang: str) -> dict[str, str]:
    """A form's answer has no address to reload: the language switch goes to the code entry."""
    return {"switch_url": f"/bo-phieu/{round_id}?lang={lang}"}


def _other(request: Request) -> str:
    return "en" if language(request) == "vi" else "vi"


def _state_page(request: Request, round_id: str, exc: Conflict) -> HTMLResponse:
    """The round is not open (not yet, closed, or voted on paper only): say so plainly."""
    status = str((exc.details or {}).get("status", ""))
    heading = "Không thể bỏ phiếu trực tuyến"  # open, but voted on paper only
    if status in ("draft", "scheduled"):
        heading = "Hội nghị chưa mở bỏ phiếu"
    elif status in ("closed", "counted", "published", "archived"):
        heading = "Hội nghị đã kết thúc bỏ phiếu"
    context = {"heading": heading, "message": exc.message_vi, "round_id": round_id}
    return page(request, "vote_state.html", context | _switch(round_id, _other(request)), status_code=409)


def _code_page(
    request: Request,
    read: ReadSessionDep,
    round_id: str,
    *,
    status: int = 200,
    code: str = "",
    error: str = "",
    wait: int | None = None,
) -> HTMLResponse:
    fresh = None if csrf.form_key(request) else csrf.new_form_key()
    context: dict[str, Any] = {
        "round_id": round_id,
        "code": code,
        "error": error,
        "wait": wait,
        "code_format": CODE_FORMAT,
        "heading": voting.round_heading(read, round_id),
    }
    headers = {"Retry-After": str(wait)} if wait is not None else None
    response = page(request, "vote_code.html", context, status_code=status, form_key=fresh)
    if headers:
        response.headers.update(headers)
    if fresh:
        set_cookie(request, response, FORM_COOKIE, fresh, None)
    return response


def _ballot_page(
    request: Request, paper: voting.BallotPaper, code: str, chosen: dict[str, str | None]
) -> HTMLResponse:
    context = {
        "paper": paper,
        "code": code,
        "chosen": chosen,
        "levels": _levels(paper),
        "field": FIELD,
        "kinds": DOCUMENT_KINDS,
    }
    return page(request, "vote_ballot.html", context | _switch(paper.round_id, _other(request)))


async def _sent_choices(request: Request) -> dict[str, object]:
    """The form's row fields, read in the event loop (the form is parsed once, by the CSRF check),
    so that the routes themselves run in the thread pool: they wait on the database."""
    form = await request.form()
    sent: dict[str, object] = {}
    for name, value in form.multi_items():
        if name.startswith(FIELD):
            sent[name] = value if name not in sent else TWICE
    return sent


SentChoices = Annotated[dict[str, object], Depends(_sent_choices)]


def _choices(sent: dict[str, object], paper: voting.BallotPaper) -> dict[str, str | None]:
    """Each row's choice from the form (absent: blank); a value that is not a level is refused."""
    chosen: dict[str, str | None] = {}
    allowed = {level.value for level, _, _ in _levels(paper)}
    for row in paper.rows:
        value = sent.get(FIELD + row.cadre_id)
        if value in (None, ""):
            chosen[row.cadre_id] = None
        elif isinstance(value, str) and value in allowed:
            chosen[row.cadre_id] = value
        else:
            raise InvalidInput("a ballot row has a value that is not a level", message_vi=BAD_CHOICE)
    return chosen


class _Refusal(Exception):
    def __init__(self, response: HTMLResponse) -> None:
        self.response = response


def _checked_code(
    request: Request,
    read: ReadSessionDep,
    round_id: str,
    code: str,
    secret: bytes,
    attempt: CodeAttemptDep,
) -> str:
    """The canonical code, or the page that refuses it (mistyped, refused, too many tries, not open)."""
    try:
        with attempt.of(round_id):
            return voting.check_code(read, round_id, code, secret)
    except TooManyRequests as exc:
        wait = exc.retry_after
        raise _Refusal(_code_page(request, read, round_id, status=429, error=TOO_MANY, wait=wait)) from None
    except CodeRefused:
        # Never echo the code: an unknown and a spent code must get byte for byte the same page.
        raise _Refusal(_code_page(request, read, round_id, status=403, error=REFUSED)) from None
    except Conflict as exc:
        raise _Refusal(_state_page(request, round_id, exc)) from None
    except InvalidInput:
        raise _Refusal(_code_page(request, read, round_id, status=422, code=code, error=MISTYPED)) from None


@router.get(BASE)
def code_entry(
    round_id: str, request: Request, read: ReadSessionDep, code: Annotated[str, Query(max_length=64)] = ""
) -> HTMLResponse:
    """The code entry page; from a slip's QR code the field is filled in, and nothing is checked
    until the voter sends it (a GET spends and counts nothing)."""
    try:
        voting.ballot_paper(read, round_id)
    except Conflict as exc:
        return _state_page(request, round_id, exc)
    return _code_page(request, read, round_id, code=code)


@router.post(BASE)
def enter_code(
    round_id: str,
    request: Request,
    _: CsrfChecked,
    read: ReadSessionDep,
    secret: SecretDep,
    attempt: CodeAttemptDep,
    code: Annotated[str, Form(max_length=64)] = "",
) -> HTMLResponse:
    try:
        canonical = _checked_code(request, read, round_id, code, secret, attempt)
    except _Refusal as refusal:
        return refusal.response
    paper = voting.ballot_paper(read, round_id)
    return _ballot_page(request, paper, canonical, {row.cadre_id: None for row in paper.rows})


@router.post(BASE + "/phieu")
def edit_ballot(
    round_id: str,
    request: Request,
    _: CsrfChecked,
    read: ReadSessionDep,
    secret: SecretDep,
    attempt: CodeAttemptDep,
    sent: SentChoices,
    code: Annotated[str, Form(max_length=64)] = "",
) -> HTMLResponse:
    """Back from the review to the ballot, every choice kept."""
    try:
        canonical = _checked_code(request, read, round_id, code, secret, attempt)
    except _Refusal as refusal:
        return refusal.response
    paper = voting.ballot_paper(read, round_id)
    return _ballot_page(request, paper, canonical, _choices(sent, paper))


@router.post(BASE + "/xem-lai")
def review(
    round_id: str,
    request: Request,
    _: CsrfChecked,
    read: ReadSessionDep,
    secret: SecretDep,
    attempt: CodeAttemptDep,
    sent: SentChoices,
    code: Annotated[str, Form(max_length=64)] = "",
) -> HTMLResponse:
    try:
        canonical = _checked_code(request, read, round_id, code, secret, attempt)
    except _Refusal as refusal:
        return refusal.response
    paper = voting.ballot_paper(read, round_id)
    chosen = _choices(sent, paper)
    context = {
        "paper": paper,
        "code": canonical,
        "chosen": chosen,
        "labels": LABELS,
        "field": FIELD,
        "blank": sum(1 for value in chosen.values() if value is None),
    }
    return page(request, "vote_review.html", context | _switch(round_id, _other(request)))


@router.post(BASE + "/gui")
def cast(
    round_id: str,
    request: Request,
    _: CsrfChecked,
    session: SessionDep,
    secret: SecretDep,
    attempt: CodeAttemptDep,
    boxes: BoxesDep,
    sent: SentChoices,
    code: Annotated[str, Form(max_length=64)] = "",
) -> HTMLResponse:
    """Cast: the receipt and nothing about the choices. The identical ballot again: the same receipt."""
    try:
        paper = voting.ballot_paper(session, round_id)
    except Conflict as exc:
        return _state_page(request, round_id, exc)
    chosen = _choices(sent, paper)
    kind = FollowUpLevel if paper.follow_up else Level
    choices = {cadre_id: (kind(value) if value else None) for cadre_id, value in chosen.items()}
    try:
        with attempt.of(round_id):
            made, _stored = casting.cast(session, round_id, code, choices, secret, boxes)
    except TooManyRequests as exc:
        return _code_page(request, session, round_id, status=429, error=TOO_MANY, wait=exc.retry_after)
    except CodeRefused:
        return _code_page(request, session, round_id, status=403, error=REFUSED)
    except Conflict as exc:
        return _state_page(request, round_id, exc)
    except InvalidInput:
        return _code_page(request, session, round_id, status=422, code=code, error=MISTYPED)
    context = {"paper": paper, "receipt": made, "short": f"{made[:4]} {made[4:8]}"}
    return page(request, "vote_receipt.html", context | _switch(round_id, _other(request)))


@router.get(BASE + "/phieu")
@router.get(BASE + "/xem-lai")
@router.get(BASE + "/gui")
def back_to_code_entry(round_id: str) -> RedirectResponse:
    """A form's address opened again (a bookmark, a reload after the language switch): the ballot
    cannot be rebuilt without the code, so the voter starts at the code entry."""
    return RedirectResponse(f"/bo-phieu/{round_id}", status_code=303)


@router.get(BASE + "/bang-tin")
def board(
    round_id: str,
    request: Request,
    read: ReadSessionDep,
    receipt: Annotated[str, Query(alias="bien-nhan", max_length=200)] = "",
) -> HTMLResponse:
    """The public board: every receipt, sorted, with the digest and the turnout; a receipt search."""
    view = voting.board_page(read, round_id)
    wanted = re.sub(r"[\s\-]", "", receipt).lower()
    found: str | None = None
    valid = bool(RECEIPT.fullmatch(wanted))
    if valid:
        found = next((r for r in view.receipts if r.startswith(wanted)), None)
    context = {"view": view, "asked": receipt, "valid": valid, "found": found}
    return page(request, "vote_board.html", context)
