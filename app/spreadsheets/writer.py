"""Workbooks out: the import templates (with a guide sheet) and exports in exactly the import format."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from .sheets import Sheet

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def _cell(value: object) -> object:
    return f"{value:%d/%m/%Y}" if isinstance(value, date) else value


def workbook(sheet: Sheet, rows: Iterable[Sequence[object]], *, guide: bool = False) -> bytes:
    book = Workbook()
    data = book.active
    assert data is not None
    data.title = sheet.title_vi
    data.append([c.header + (" *" if c.required else "") for c in sheet.columns])
    for index, column in enumerate(sheet.columns, start=1):
        cell = data.cell(row=1, column=index)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        data.column_dimensions[get_column_letter(index)].width = column.width
    data.freeze_panes = "A2"
    for row in rows:
        data.append([_cell(v) for v in row])
    if guide:
        help_sheet = book.create_sheet("Hướng dẫn")
        help_sheet.append(["Cột", "Bắt buộc", "Cách điền"])
        for cell in help_sheet[1]:
            cell.font = Font(bold=True)
        for column in sheet.columns:
            help_sheet.append([column.header, "Có" if column.required else "Không", column.help_vi])
        help_sheet.append([])
        help_sheet.append(
            ["Ngày tháng ghi theo dạng dd/mm/yyyy. Tệp CSV lưu mã UTF-8, phân cách bằng dấu phẩy."]
        )
        help_sheet.column_dimensions["A"].width = 26
        help_sheet.column_dimensions["C"].width = 80
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
