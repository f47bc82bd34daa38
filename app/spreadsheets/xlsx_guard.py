"""Walk an .xlsx's worksheets and shared strings with a streaming parser before openpyxl reads it.

openpyxl keeps every shared string, and each row's cells, in memory at once, and fills gaps in row
numbers with empty rows: a 195 KB workbook could hold one 190 MB cell or name row 1,048,576. This
walk keeps only counters (expat hands text over in pieces), stops at the first bound passed, and so
costs milliseconds on such a file; openpyxl then only ever sees a workbook within the bounds.
"""

from __future__ import annotations

import zipfile
from typing import IO
from xml.parsers import expat

from . import xlsx_parts
from .errors import SheetUnreadable
from .limits import (
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_ROW_CELLS,
    MAX_SHEET_ROWS,
    MAX_TEXT_CHARS,
    PREVIEW,
    cell_too_long,
    too_many_cells,
    too_many_rows,
    too_much_text,
)

CHUNK = 64 * 1024
TEXT = {"v", "t"}  # a cell's value, the text of an inline or shared string


class _Walk:
    """Counters for one part; ``start``/``end``/``text`` are expat's callbacks. The workbook-wide
    counts (cells, characters) carry over from the parts walked before."""

    def __init__(self, strings: bool, cells: int = 0, text: int = 0) -> None:
        self.strings = strings  # the shared strings table rather than a worksheet
        self.cells, self.total_chars = cells, text
        self.rows = self.row_cells = self.chars = 0
        self.where = ""
        self.start_text: list[str] = []
        self.in_text = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        name = name.rpartition(":")[2]
        if name in TEXT:
            self.in_text = True
        elif name == "row" and not self.strings:
            self.rows += 1
            self.row_cells = 0
            number = attrs.get("r", "")
            if self.rows > MAX_SHEET_ROWS or (number.isdigit() and int(number) > MAX_SHEET_ROWS):
                raise too_many_rows()
        elif (name == "c" and not self.strings) or (name == "si" and self.strings):
            self.cells += 1
            self.row_cells += 1
            if self.cells > MAX_CELLS:
                raise too_many_cells(f"hơn {MAX_CELLS:,} ô")
            if self.row_cells > MAX_ROW_CELLS and not self.strings:
                raise too_many_cells(f"dòng {self.rows}")
            self.chars = 0
            self.start_text = []
            self.where = f"ô {attrs['r']}" if "r" in attrs else f"dòng {self.rows}"

    def end(self, name: str) -> None:
        if name.rpartition(":")[2] in TEXT:
            self.in_text = False

    def text(self, data: str) -> None:
        if not self.in_text:
            return
        if self.chars < PREVIEW:
            self.start_text.append(data[: PREVIEW - self.chars])
        self.chars += len(data)
        self.total_chars += len(data)
        if self.total_chars > MAX_TEXT_CHARS:
            raise too_much_text()
        if self.chars > MAX_CELL_CHARS:
            where = "trong bảng chuỗi dùng chung" if self.strings else self.where
            raise cell_too_long(where, "".join(self.start_text))


def _no_dtd(*_args: object) -> None:
    # Workbooks never declare a DTD; one here can only be an entity expansion attack.
    raise SheetUnreadable(
        "Tệp Excel chứa khai báo DTD không được phép; hãy mở bằng Excel và lưu lại",
        "the workbook contains a DTD declaration, which is not allowed; open it in Excel and save it again",
    )


def _walk(stream: IO[bytes], walk: _Walk) -> None:
    parser = expat.ParserCreate()
    parser.StartElementHandler = walk.start
    parser.EndElementHandler = walk.end
    parser.CharacterDataHandler = walk.text
    parser.StartDoctypeDeclHandler = _no_dtd
    while chunk := stream.read(CHUNK):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)


def check(archive: zipfile.ZipFile) -> None:
    """Refuse a workbook past any bound (SheetUnreadable); expat errors mean a damaged file."""
    parts = xlsx_parts.find(archive)
    strings = _Walk(strings=True)
    for name in parts.shared_strings:
        with archive.open(name) as stream:
            _walk(stream, strings)
    cells, text = 0, strings.total_chars
    for name in parts.worksheets:
        walk = _Walk(strings=False, cells=cells, text=text)
        with archive.open(name) as stream:
            _walk(stream, walk)
        cells, text = walk.cells, walk.total_chars
