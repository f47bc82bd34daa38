"""Paper entry built for speed: one ballot per screen, one key per row (1/2/3 for the boxes, 0 for no
mark, several digits for several marks, x for a struck name), Enter to save, straight on to the next
ballot of the same pass; the running count; a disagreement sends the operator back to the paper.

Works without JavaScript (type the key, Tab to the next row); with the service's own script each key
moves on to the next row by itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ballots.entry_keys import TypedRow, keys_of, read_keys
from ballots.errors import BallotsError, InvalidInput

from ..deps import ClockDep, ReadSessionDep, SessionDep
from ..services import conference_pages, paper
from .csrf import CsrfChecked
from .forms import form_fields, undone
from .render import page
from .session import PageUser

router = APIRouter(include_in_schema=False)
Fields = Annotated[dict[str, str], Depends(form_fields)]
ROW = "row-"
OUTCOME_VI = {
    "accepted": "Phiếu số {n}: hai lượt nhập khớp nhau, phiếu được chấp nhận.",
    "waiting": "Phiếu số {n}: đã lưu lượt này, chờ lượt nhập còn lại.",
    "disagreement": "Phiếu số {n}: hai lượt nhập KHÁC nhau. Hãy xem lại phiếu giấy.",
}


def entry_view(
    request: Request,
    user: PageUser,
    read: ReadSessionDep,
    round_id: str,
    pass_no: int,
    number: int | None,
    today: date,
    status: int = 200,
    **more: Any,
) -> HTMLResponse:
    conference_pages.require_conference(read, user, round_id)
    day = conference_pages.entry_sheet(read, round_id, today)
    issued = day.paper.issued
    if number is None:
        free = sorted(set(range(1, issued + 1)) - paper.typed_numbers(read, round_id, pass_no))
        number = free[0] if free else None
    typed: dict[str, str] = more.pop("typed", {})
    if number is not None and not typed:
        earlier = paper.own_entry(read, round_id, number, pass_no, user.user_id)
        if earlier is not None:
            typed = {c: keys_of(TypedRow(r.marks, r.name_struck), day.boxes) for c, r in earlier.rows.items()}
    context = {
        "d": day,
        "r": day.round,
        "pass_no": pass_no,
        "number": number,
        "issued": issued,
        "typed": typed,
        "row_prefix": ROW,
        **more,
    }
    return page(request, "paper_entry.html", context, user=user, status_code=status, script=True)


@router.get("/rounds/{round_id}/paper-entry")
def entry_screen(
    round_id: str,
    request: Request,
    user: PageUser,
    read: ReadSessionDep,
    clock: ClockDep,
    pass_: Annotated[int, Query(alias="pass", ge=1, le=2)] = 1,
    number: Annotated[int | None, Query(ge=1, le=10_000)] = None,
) -> HTMLResponse:
    outcome = request.query_params.get("kq", "")
    done = request.query_params.get("da", "")
    message = OUTCOME_VI[outcome] if outcome in OUTCOME_VI and done.isdigit() else ""
    return entry_view(
        request,
        user,
        read,
        round_id,
        pass_,
        number,
        clock.today(),
        outcome=outcome,
        message=message,
        done=done,
    )


@router.post("/rounds/{round_id}/paper-entry", response_model=None)
def save_entry(
    round_id: str,
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
    fields: Fields,
) -> Response:
    conference_pages.require_conference(read, user, round_id)
    pass_no = 2 if fields.get("pass") == "2" else 1
    typed = {k.removeprefix(ROW): v for k, v in fields.items() if k.startswith(ROW)}
    number = int(fields["number"]) if fields.get("number", "").isdigit() else None
    try:
        if number is None:
            raise InvalidInput("the ballot number is missing", message_vi="Thiếu số thứ tự phiếu")
        boxes = conference_pages.boxes(read, round_id)
        result = paper.enter(
            session,
            round_id,
            user.user_id,
            pass_no=pass_no,
            number=number,
            stamped="stamped" in fields,
            rows=_rows(typed, boxes),
        )
    except BallotsError as exc:
        status, message = undone(session, exc)
        today = clock.today()
        return entry_view(
            request, user, read, round_id, pass_no, number, today, status, error=message, typed=typed
        )
    query = urlencode({"pass": pass_no, "da": number, "kq": result.status})
    return RedirectResponse(f"/rounds/{round_id}/paper-entry?{query}", status_code=303)


def _rows(typed: dict[str, str], boxes: Sequence[Any]) -> dict[str, paper.RowIn]:
    """The keys typed per row, read as marks; a wrong key names its row (as numbered on screen)."""
    rows = {}
    for position, (cadre_id, keys) in enumerate(typed.items(), start=1):
        try:
            row = read_keys(keys, boxes)
        except InvalidInput as exc:
            raise InvalidInput(
                f"row {position}: {exc.message}", message_vi=f"Dòng {position}: {exc.message_vi}"
            ) from exc
        rows[cadre_id] = paper.RowIn(marks=[m.value for m in row.marks], struck=row.struck)
    return rows
