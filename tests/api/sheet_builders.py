"""Plain builders for the spreadsheet tests: workbooks and CSV files in memory, uploads, reading exports."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from fastapi.testclient import TestClient
from model_builders import make_plan, make_round, make_unit
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Plan, RoundStatus

Headers = dict[str, str]
UNIT_HEADERS = ["Tên đơn vị", "Cấp", "Đơn vị cấp trên"]
CADRE_HEADERS = [
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Chức vụ",
    "Đơn vị",
    "Hình thức",
    "Từ ngày",
    "Đến ngày",
    "Ủy viên BTV",
    "Ngày thông báo nghỉ hưu",
]
ROSTER_HEADERS = ["Họ và tên", "Chức vụ", "Liên hệ"]
PROVINCE_UNITS: list[list[Any]] = [
    UNIT_HEADERS,
    ["Sở Tài chính", "Tỉnh", "Tỉnh Hà Sơn"],
    ["Tỉnh Hà Sơn", "tỉnh", None],
    ["Huyện Đông Sơn", "Huyện", "Tỉnh Hà Sơn"],
    ["Huyện Tây Hà", "district", "Tỉnh Hà Sơn"],
]


def xlsx(rows: Sequence[Any], *, above: Sequence[Any] | None = None) -> bytes:
    """A workbook whose first sheet holds ``rows``, after any ``above`` rows (a title, blank lines)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [*(above or []), *rows]:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_file(rows: Sequence[Any], *, delimiter: str = ",", bom: bool = False) -> bytes:
    text = "\n".join(delimiter.join("" if v is None else str(v) for v in row) for row in rows) + "\n"
    return ("\ufeff" if bom else "").encode() + text.encode()


def send(client: TestClient, headers: Headers, sheet: str, name: str, content: bytes, **params: str) -> Any:
    return client.post(
        f"/api/v1/spreadsheets/import/{sheet}",
        files={"file": (name, content)},
        params=params,
        headers=headers,
    )


def imported(response: Any) -> dict[str, Any]:
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def errors(response: Any) -> list[tuple[int, str]]:
    """(row, column) of every error of a refused import."""
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "import_failed"
    return [(e["row"], e["column"]) for e in response.json()["error"]["details"]["errors"]]


def messages(response: Any) -> list[str]:
    return [e["message"] for e in response.json()["error"]["details"]["errors"]]


def read_sheet(content: bytes, index: int = 0) -> list[list[Any]]:
    book = load_workbook(io.BytesIO(content))
    return [list(r) for r in book.worksheets[index].iter_rows(values_only=True)]


def export(client: TestClient, headers: Headers, sheet: str, **params: str) -> bytes:
    response = client.get(f"/api/v1/spreadsheets/export/{sheet}.xlsx", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.content


def row_count(session: Session, model: type[Any]) -> int:
    session.expire_all()
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def add_round(session: Session, status: RoundStatus = RoundStatus.DRAFT) -> str:
    """A round inserted directly, so the roster tests need nothing from the rounds API."""
    number = row_count(session, Plan) + 1
    plan = make_plan(session, f"KH-{number}")
    unit = make_unit(session, f"Sở Tư pháp {number}")
    title = f"Hội nghị lấy phiếu tín nhiệm số {number}"
    return make_round(session, plan, unit, vote_date=date(2027, 9, 20), title=title, status=status).id
