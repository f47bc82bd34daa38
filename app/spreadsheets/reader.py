"""Read an uploaded .xlsx or .csv into rows of cells, refusing anything else with a clear message.

The kind of file is decided by its content (an .xlsx is a zip holding xl/workbook.xml), the name
only says which message to give. Row numbers are the ones Excel shows: blank rows are skipped
but still counted (and count toward the bound on rows), and the header is the first row that names
the sheet's columns. Every bound in ``limits`` is checked while the file is streamed.
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from openpyxl import load_workbook

from . import xlsx_guard
from .errors import RowError, SheetUnreadable
from .limits import (
    HEADER_SEARCH,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_DATA_ROWS,
    MAX_SHEET_ROWS,
    cell_too_long,
    too_many_rows,
)
from .parse import is_blank
from .sheets import SHEETS, Sheet, normalize

# A zip bomb is refused before anything inflates it; the parts are then walked in a stream.
MAX_UNZIPPED = 200 * 1024 * 1024
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003, and password-protected workbooks
DAMAGED = (
    "Không đọc được tệp Excel: tệp hỏng hoặc không đúng định dạng .xlsx; hãy mở bằng Excel và lưu lại",
    "the Excel file is damaged or not in .xlsx format; open it in Excel and save it again",
)

Numbered = tuple[int, list[Any]]  # (row number as Excel shows it, cells)


@dataclass(frozen=True)
class Row:
    number: int  # as the user sees it in Excel: the header is row 1
    values: dict[str, Any]


def _limited(rows: Iterable[Iterable[Any]]) -> Iterator[Numbered]:
    """Rows as they stream in, refused at the first bound passed: blank rows count too."""
    for number, row in enumerate(rows, start=1):
        if number > MAX_SHEET_ROWS:
            raise too_many_rows()
        cells = list(row)[:MAX_COLUMNS]
        for column, cell in enumerate(cells):
            if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
                raise cell_too_long(f"dòng {number}, cột {column + 1}", cell)
        if number > MAX_DATA_ROWS + HEADER_SEARCH + 1 and not all(is_blank(c) for c in cells):
            raise too_many_rows()
        yield number, cells


def _xlsx_tables(data: bytes) -> list[list[Numbered]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise SheetUnreadable(*DAMAGED) from exc
    if "xl/workbook.xml" not in names:
        raise SheetUnreadable(
            "Tệp không phải bảng tính Excel (.xlsx) (có thể là tệp Word hoặc tệp nén); "
            "hãy dùng tệp mẫu của hệ thống",
            "the file is not an Excel workbook (.xlsx), perhaps a Word file or an archive; use the template",
        )
    if unzipped > MAX_UNZIPPED:
        raise SheetUnreadable(
            "Tệp Excel quá lớn khi giải nén; hãy chia thành nhiều tệp",
            "the workbook is too large once unzipped; split it into several files",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xlsx_guard.check(archive)
        with warnings.catch_warnings():  # unsupported extensions (slicers, …) do not matter here
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
            try:
                tables = []
                for sheet in book.worksheets:
                    sheet.reset_dimensions()  # some writers record a wrong used range
                    tables.append(list(_limited(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True))))
                return tables
            finally:
                book.close()
    except SheetUnreadable:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook; all mean the same here
        raise SheetUnreadable(*DAMAGED) from exc


def _csv_table(data: bytes) -> list[Numbered]:
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SheetUnreadable(
            "Tệp CSV phải được lưu với mã hóa UTF-8 (trong Excel: Lưu thành → CSV UTF-8)",
            "a CSV file must be saved as UTF-8 (in Excel: Save As → CSV UTF-8)",
        ) from exc
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",;\t", key=first.count) if any(d in first for d in ",;\t") else ","
    try:
        return list(_limited(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)))
    except csv.Error as exc:
        if "field larger" in str(exc):  # past csv's own bound (128 Ki characters)
            raise cell_too_long("tệp CSV", "") from exc
        raise SheetUnreadable(
            f"Tệp CSV sai định dạng ({exc}); hãy mở bằng Excel và lưu lại",
            f"the CSV file is malformed ({exc}); open it in Excel and save it again",
        ) from exc


def _tables(file_name: str, data: bytes) -> list[list[Numbered]]:
    suffix = PurePath(file_name or "").suffix.lower()
    if data.startswith(b"PK"):
        return _xlsx_tables(data)
    if data.startswith(OLE):
        raise SheetUnreadable(
            "Tệp Excel 97-2003 (.xls) hoặc tệp có đặt mật khẩu chưa được hỗ trợ; "
            "hãy bỏ mật khẩu và lưu lại dạng .xlsx",
            "Excel 97-2003 (.xls) and password-protected files are not supported; "
            "remove the password and save as .xlsx",
        )
    if suffix in {".xlsx", ".xlsm"}:
        raise SheetUnreadable(*DAMAGED)
    if suffix == ".csv":
        return [_csv_table(data)]
    raise SheetUnreadable(
        "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)", "only Excel (.xlsx) and CSV (.csv) files are taken"
    )


def _positions(header: list[Any], sheet: Sheet) -> dict[str, int]:
    names = [normalize(h) for h in header]
    positions: dict[str, int] = {}
    for column in sheet.columns:
        wanted = {normalize(column.header), *(normalize(a) for a in column.aliases)}
        found = next((i for i, name in enumerate(names) if name in wanted), None)
        if found is not None:
            positions[column.key] = found
    return positions


def _required(sheet: Sheet) -> list[str]:
    return [c.key for c in sheet.columns if c.required]


def _header(table: list[Numbered], sheet: Sheet) -> tuple[int, dict[str, int]]:
    """The first of the top rows naming every required column, else the one naming the most."""
    filled = [(n, cells) for n, cells in table if not all(is_blank(c) for c in cells)][:HEADER_SEARCH]
    best = (filled[0][0], _positions(filled[0][1], sheet)) if filled else (1, {})
    for number, cells in filled:
        positions = _positions(cells, sheet)
        if all(k in positions for k in _required(sheet)):
            return number, positions
        if len(positions) > len(best[1]):
            best = (number, positions)
    return best


def _missing(table: list[Numbered], sheet: Sheet, number: int, positions: dict[str, int]) -> SheetUnreadable:
    missing = [c.header for c in sheet.columns if c.required and c.key not in positions]
    other = next(
        (
            s
            for s in SHEETS.values()
            if s is not sheet and all(k in _header(table, s)[1] for k in _required(s))
        ),
        None,
    )
    hint = (
        f"Tệp này là danh sách '{other.title_vi}', không phải '{sheet.title_vi}'"
        if other
        else "Hãy dùng tệp mẫu của hệ thống"
    )
    return SheetUnreadable(
        f"Thiếu cột bắt buộc: {', '.join(missing)}. {hint}",
        f"required columns are missing: {', '.join(missing)}; download the template to see them",
        [RowError(number, ", ".join(missing), "Thiếu cột bắt buộc", "")],
    )


def read_rows(file_name: str, data: bytes, sheet: Sheet) -> list[Row]:
    tables = [t for t in _tables(file_name, data) if any(not is_blank(c) for _, cells in t for c in cells)]
    if not tables:
        raise SheetUnreadable("Tệp không có dữ liệu", "the file holds no data")
    # A workbook may hold other sheets (the guide, notes): use the first one with the right columns.
    found = [(table, *_header(table, sheet)) for table in tables]
    complete = [f for f in found if all(k in f[2] for k in _required(sheet))]
    if not complete:
        table, number, positions = max(found, key=lambda f: len(f[2]))
        raise _missing(table, sheet, number, positions)
    table, header_row, positions = complete[0]
    rows = [
        Row(number, {key: (cells[i] if i < len(cells) else None) for key, i in positions.items()})
        for number, cells in table
        if number > header_row and not all(is_blank(c) for c in cells)
    ]
    if not rows:
        raise SheetUnreadable(
            "Tệp chỉ có dòng tiêu đề, chưa có dữ liệu", "the file has a header row but no data rows"
        )
    if len(rows) > MAX_DATA_ROWS:
        raise too_many_rows()
    return rows
