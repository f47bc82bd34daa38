"""A round's results as an Excel workbook: a title block, the round's figures, one row per cadre.

Percent columns hold numbers (52.63 % is 0.5263 formatted "0.00%"), so a reader can sort and sum in
Excel; the value is the document's own two-decimal string divided by 100, never recomputed.
"""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..documents.result_context import ResultContext
from ..documents.result_table import Column, columns, rows, summary

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WIDTHS = {"text": 28, "count": 10, "percent": 12}
PERCENT_FORMAT = "0.00%"


def _cell_value(column: Column, value: str | int) -> object:
    if column.kind == "percent":
        return float(Decimal(str(value)) / 100)
    return value


def _title_block(sheet: Worksheet, ctx: ResultContext) -> int:
    r = ctx.round
    sheet.append(["KẾT QUẢ LẤY PHIẾU TÍN NHIỆM"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([str(r["title"])])
    sheet.append(["Đơn vị", str(r["unit"])])
    sheet.append(["Ngày bỏ phiếu", f"{ctx.vote_date:%d/%m/%Y}"])
    sheet.append(["Địa điểm", ctx.venue or "—"])
    sheet.append(["Căn cứ", ctx.rulebook_vi])
    for label, value in summary(ctx):
        sheet.append([label, value])
    sheet.append(["Mã băm kết quả (SHA-256)", ctx.digest])
    if ctx.override_reason:
        sheet.append(["Lý do kiểm phiếu khi không đủ số lượng", ctx.override_reason])
    sheet.append([])
    return sheet.max_row + 1


def render_xlsx(ctx: ResultContext) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = "Kết quả"
    header_row = _title_block(sheet, ctx)
    heads = columns(ctx)
    sheet.append([c.header for c in heads])
    for index, column in enumerate(heads, start=1):
        cell = sheet.cell(row=header_row, column=index)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[column.kind]
    for values in rows(ctx):
        sheet.append([_cell_value(c, v) for c, v in zip(heads, values, strict=True)])
        for c, cell in zip(heads, sheet[sheet.max_row], strict=True):
            if c.kind == "percent":
                cell.number_format = PERCENT_FORMAT
    sheet.freeze_panes = f"A{header_row + 1}"
    for line in sheet.iter_rows():
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # a name or title is text, never a formula Excel would run
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
