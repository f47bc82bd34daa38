"""Read an uploaded .xlsx or .csv into rows of cells, refusing anything else with a clear message."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from openpyxl import load_workbook

from .errors import RowError, SheetUnreadable
from .sheets import Sheet, normalize


@dataclass(frozen=True)
class Row:
    number: int  # as the user sees it in Excel: the header is row 1
    values: dict[str, Any]


def _xlsx_rows(data: bytes) -> list[list[Any]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            is_workbook = "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile as exc:
        raise SheetUnreadable("Không đọc được tệp Excel: tệp hỏng hoặc không đúng định dạng .xlsx") from exc
    if not is_workbook:
        raise SheetUnreadable("Tệp không phải bảng tính Excel (.xlsx)")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook; all mean the same here
        raise SheetUnreadable("Không đọc được tệp Excel: tệp hỏng hoặc không đúng định dạng .xlsx") from exc
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _csv_rows(data: bytes) -> list[list[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SheetUnreadable("Tệp CSV phải được lưu với mã hóa UTF-8") from exc
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]


def read_rows(file_name: str, data: bytes, sheet: Sheet) -> list[Row]:
    suffix = PurePath(file_name or "").suffix.lower()
    if suffix == ".xlsx":
        raw = _xlsx_rows(data)
    elif suffix == ".csv":
        raw = _csv_rows(data)
    else:
        raise SheetUnreadable("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)")
    raw = [r for r in raw if any(c not in (None, "") for c in r)]
    if not raw:
        raise SheetUnreadable("Tệp không có dữ liệu")
    header = [normalize(h) for h in raw[0]]
    positions: dict[str, int] = {}
    for column in sheet.columns:
        names = {normalize(column.header), *(normalize(a) for a in column.aliases)}
        found = next((i for i, h in enumerate(header) if h in names), None)
        if found is not None:
            positions[column.key] = found
    missing = [c.header for c in sheet.columns if c.required and c.key not in positions]
    if missing:
        raise SheetUnreadable(
            f"Thiếu cột bắt buộc: {', '.join(missing)}. Hãy dùng tệp mẫu của hệ thống",
            [RowError(1, ", ".join(missing), "Thiếu cột bắt buộc", "")],
        )
    if len(raw) == 1:
        raise SheetUnreadable("Tệp chỉ có dòng tiêu đề, chưa có dữ liệu")
    return [
        Row(number, {key: (cells[i] if i < len(cells) else None) for key, i in positions.items()})
        for number, cells in enumerate(raw[1:], start=2)
    ]
