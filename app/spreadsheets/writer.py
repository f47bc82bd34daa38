"""Workbooks out: the import templates (with a guide sheet) and exports in exactly the import format."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .sheets import Sheet

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TEMPLATE_ROWS = 1000  # how far down the template's drop-downs reach
GENERAL_NOTES = (
    "Dòng 1 là dòng tiêu đề, giữ nguyên tên cột; dữ liệu bắt đầu từ dòng 2. Cột có dấu * là bắt buộc.",
    "Xóa dòng ví dụ trước khi nhập. Ngày tháng ghi theo dạng dd/mm/yyyy (ví dụ 03/09/1980).",
    "Tệp được nhập trọn vẹn hoặc không nhập gì: nếu có lỗi, hệ thống liệt kê mọi lỗi theo dòng và cột "
    "và chưa ghi gì; sửa hết rồi nhập lại.",
    "Cũng nhận tệp CSV mã UTF-8, phân cách bằng dấu phẩy hoặc dấu chấm phẩy, với cùng các cột.",
)


def _cell(value: object) -> object:
    return f"{value:%d/%m/%Y}" if isinstance(value, date) else value


def _data_sheet(sheet: Sheet, data: Worksheet, rows: Iterable[Sequence[object]]) -> None:
    data.title = sheet.title_vi
    data.append([c.header + (" *" if c.required else "") for c in sheet.columns])
    for index, column in enumerate(sheet.columns, start=1):
        cell = data.cell(row=1, column=index)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        dimension = data.column_dimensions[get_column_letter(index)]
        dimension.width = column.width
        if column.is_date:
            dimension.number_format = "@"  # typed dates stay text, read as dd/mm/yyyy whatever the locale
    data.freeze_panes = "A2"
    for row in rows:
        data.append([_cell(v) for v in row])
    for line in data.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # a name is never a formula, in Excel or back in the import


def _drop_downs(sheet: Sheet, data: Worksheet) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        if not column.choices:
            continue
        letter = get_column_letter(index)
        rule = DataValidation(
            type="list",
            formula1='"' + ",".join(column.choices) + '"',
            allow_blank=True,
            errorStyle="warning",
            errorTitle=column.header,
            error=f"Nên chọn một trong: {', '.join(column.choices)}",
        )
        rule.add(f"{letter}2:{letter}{TEMPLATE_ROWS}")
        data.add_data_validation(rule)


def _guide(sheet: Sheet, guide: Worksheet) -> None:
    guide.append(["Cột", "Bắt buộc", "Cách điền", "Giá trị nhận", "Tên cột khác cũng nhận"])
    for cell in guide[1]:
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
    for column in sheet.columns:
        guide.append(
            [
                column.header,
                "Có" if column.required else "Không",
                column.help_vi,
                ", ".join(column.choices) or ("dd/mm/yyyy" if column.is_date else "chữ"),
                ", ".join(column.aliases),
            ]
        )
    guide.append([])
    guide.append(["Lưu ý"])
    guide.cell(row=guide.max_row, column=1).font = Font(bold=True)
    for note in (*GENERAL_NOTES, *sheet.notes_vi):
        guide.append([note])
    for letter, width in zip("ABCDE", (26, 10, 70, 30, 36), strict=True):
        guide.column_dimensions[letter].width = width
    for line in guide.iter_rows(min_row=2, max_row=len(sheet.columns) + 1):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def workbook(sheet: Sheet, rows: Iterable[Sequence[object]], *, guide: bool = False) -> bytes:
    book = Workbook()
    data = book.active
    assert data is not None
    _data_sheet(sheet, data, rows)
    if guide:
        _drop_downs(sheet, data)
        _guide(sheet, book.create_sheet("Hướng dẫn"))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
