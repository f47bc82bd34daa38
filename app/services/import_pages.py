"""The import page's two steps: preview an uploaded sheet (parsed rows and every row error, nothing
saved), then save exactly the file that was previewed.

The preview runs the real import inside a savepoint that is always rolled back, so what it reports
is what the save will do, checked by the same code. A clean file is kept as a draft (for a day, for
its uploader only) so that "save" needs no second upload.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any, BinaryIO

from sqlalchemy.orm import Session

from ballots.errors import BallotsError, NotFound

from ..models import ImportDraft, Round
from ..repositories import common
from ..repositories import import_drafts as repo
from ..spreadsheets.errors import ImportFailed
from ..spreadsheets.sheets import SHEETS
from . import imports, rounds, sheets
from .uploads import SPREADSHEET_TOO_LARGE, read_capped

DRAFT_LIFETIME = timedelta(days=1)
PREVIEW_ROWS = 500
SHEET_VI = {"units": "Đơn vị", "cadres": "Cán bộ và chức vụ", "roster": "Danh sách triệu tập của hội nghị"}
COUNT_VI = {
    "units": "đơn vị mới",
    "cadres": "cán bộ mới",
    "cadres_updated": "cán bộ đã có được bổ sung",
    "posts": "chức vụ",
    "roster_entries": "người được triệu tập",
}


@dataclass(frozen=True)
class Preview:
    sheet: str
    file_name: str
    round_id: str | None
    headers: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    rows_read: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    error_count: int = 0
    refusal_vi: str = ""  # the whole file is refused (unreadable, too large, wrong columns)
    counts: dict[str, int] = field(default_factory=dict)
    draft_id: str | None = None


def roster_rounds(session: Session) -> list[Round]:
    """The rounds whose roster may still be imported, soonest first."""
    found = [r for status in rounds.EDITABLE for r in rounds.listed(session, status=status)]
    return sorted(found, key=lambda r: (r.vote_date, r.title))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _run(
    session: Session, sheet: str, round_id: str | None, rows: list[Any], today: date, now: datetime
) -> dict[str, int]:
    if sheet == "units":
        return imports.import_units(session, rows)
    if sheet == "cadres":
        return imports.import_cadres(session, rows, today, now)
    if round_id is None:
        raise NotFound(
            "choose the round whose roster this is", message_vi="Hãy chọn hội nghị của danh sách triệu tập"
        )
    return imports.import_roster(session, round_id, rows)


def preview(
    session: Session,
    user_id: str,
    sheet: str,
    round_id: str | None,
    file_name: str,
    stream: BinaryIO,
    limit: int,
    today: date,
    now: datetime,
) -> Preview:
    base = Preview(sheet=sheet, file_name=file_name, round_id=round_id)
    try:
        data = read_capped(stream, limit, SPREADSHEET_TOO_LARGE)
        rows = sheets.read(file_name, io.BytesIO(data), limit, sheet)
    except BallotsError as exc:
        return replace(base, refusal_vi=exc.message_vi or exc.message)
    spec = SHEETS[sheet]
    table = replace(
        base,
        headers=[c.header for c in spec.columns],
        rows=[(r.number, [_text(r.values.get(c.key)) for c in spec.columns]) for r in rows[:PREVIEW_ROWS]],
        rows_read=len(rows),
    )
    try:
        with common.trial(session):
            counts = _run(session, sheet, round_id, rows, today, now)
    except ImportFailed as exc:
        return replace(table, errors=exc.details["errors"], error_count=exc.details["error_count"])
    except BallotsError as exc:
        return replace(table, refusal_vi=exc.message_vi or exc.message)
    repo.delete_older_than(session, now - DRAFT_LIFETIME)
    draft = common.add(
        session,
        ImportDraft(
            user_id=user_id, sheet=sheet, round_id=round_id, file_name=file_name, content=data, created_at=now
        ),
    )
    return replace(table, counts=counts, draft_id=draft.id)


def save(
    session: Session, user_id: str, draft_id: str, limit: int, today: date, now: datetime
) -> dict[str, int]:
    """Import the previewed file for real; what was created."""
    draft = repo.get_own(session, draft_id, user_id)
    if draft is None or draft.created_at < now - DRAFT_LIFETIME:
        raise NotFound(
            "this preview has expired or was already saved; upload the file again",
            message_vi="Bản xem trước đã hết hạn hoặc đã được lưu; hãy tải tệp lên lại",
        )
    rows = sheets.read(draft.file_name, io.BytesIO(draft.content), limit, draft.sheet)
    counts = _run(session, draft.sheet, draft.round_id, rows, today, now)
    common.delete(session, draft)
    return counts
