"""How much of a spreadsheet is read at most, and the refusals that name those bounds.

Every bound is checked while the file is streamed, so the worst file costs at most this much work.
"""

from __future__ import annotations

from .errors import SheetUnreadable

MAX_DATA_ROWS = 20_000
HEADER_SEARCH = 10  # a title or a blank line or two may sit above the header
# Rows read in one sheet, blank ones included: a sheet of a million empty rows costs as much to walk.
MAX_SHEET_ROWS = 50_000
MAX_COLUMNS = 64  # the sheets have at most ten; cells past this column are not read
MAX_ROW_CELLS = 1_024  # cells one row may hold, empty formatted ones included
MAX_CELLS = 1_000_000  # cells (and shared strings) in the whole workbook
MAX_CELL_CHARS = 1_000  # the longest value any column takes is 200 characters
# Characters of text in the whole workbook: openpyxl keeps all shared strings in memory at once.
MAX_TEXT_CHARS = 32_000_000
MAX_SHEETS = 32
PREVIEW = 40  # characters of an offending cell quoted back


def preview(value: object) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= PREVIEW else text[:PREVIEW] + "…"


def too_many_rows() -> SheetUnreadable:
    return SheetUnreadable(
        f"Tệp có quá nhiều dòng: tối đa {MAX_DATA_ROWS:,} dòng dữ liệu và {MAX_SHEET_ROWS:,} dòng "
        "kể cả dòng trống; hãy xóa các dòng trống thừa hoặc chia thành nhiều tệp",
        f"too many rows: at most {MAX_DATA_ROWS:,} data rows and {MAX_SHEET_ROWS:,} rows counting blank "
        "ones; delete the extra blank rows or split the file",
    )


def too_many_cells(where: str) -> SheetUnreadable:
    return SheetUnreadable(
        f"Tệp có quá nhiều ô ({where}; tối đa {MAX_ROW_CELLS:,} ô một dòng, {MAX_CELLS:,} ô cả tệp); "
        "hãy xóa các cột và dòng thừa",
        f"too many cells ({where}; at most {MAX_ROW_CELLS:,} a row, {MAX_CELLS:,} in the file); "
        "delete the extra columns and rows",
    )


def cell_too_long(where: str, start: str) -> SheetUnreadable:
    return SheetUnreadable(
        f"Một ô dài quá {MAX_CELL_CHARS:,} ký tự ({where}, bắt đầu bằng '{start[:PREVIEW]}…'); "
        "hãy viết gọn lại",
        f"a cell is longer than {MAX_CELL_CHARS:,} characters ({where}, starting '{start[:PREVIEW]}…'); "
        "shorten it",
    )


def too_much_text() -> SheetUnreadable:
    return SheetUnreadable(
        f"Tệp có quá nhiều chữ (hơn {MAX_TEXT_CHARS:,} ký tự); hãy chia thành nhiều tệp",
        f"too much text (over {MAX_TEXT_CHARS:,} characters); split the file",
    )


def too_many_sheets() -> SheetUnreadable:
    return SheetUnreadable(
        f"Tệp có quá nhiều trang tính (tối đa {MAX_SHEETS}); hãy chỉ giữ các trang cần nhập",
        f"too many sheets (at most {MAX_SHEETS}); keep only the sheets to import",
    )
