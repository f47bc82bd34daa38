"""Hostile workbooks built cheaply: the XML parts are written straight into the zip, streamed.

A real writer would take minutes and gigabytes to make these; here each costs about a second.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from xml.sax.saxutils import escape

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/{sheet}" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Don vi" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="/{sheet}"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    'Target="sharedStrings.xml"/></Relationships>'
)
SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_END = "</sheetData></worksheet>"
STRINGS_START = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
HEADER = ["Tên đơn vị", "Cấp", "Đơn vị cấp trên"]
MIB = 1024 * 1024


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def header_row() -> str:
    return (
        '<row r="1">'
        + "".join(_inline(f"{col}1", h) for col, h in zip("ABC", HEADER, strict=True))
        + "</row>"
    )


def workbook(
    sheet: Iterable[bytes], strings: Iterable[bytes] = (b"",), *, sheet_path: str = "xl/worksheets/sheet1.xml"
) -> bytes:
    """A one-sheet workbook whose sheet data and shared strings are streamed in as given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.replace("{sheet}", sheet_path))
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.replace("{sheet}", sheet_path))
        with archive.open(sheet_path, "w", force_zip64=True) as part:
            part.write(SHEET_START.encode())
            for piece in sheet:
                part.write(piece)
            part.write(SHEET_END.encode())
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(STRINGS_START.encode())
            for piece in strings:
                part.write(piece)
            part.write(b"</sst>")
    return buffer.getvalue()


def one_huge_shared_cell(megabytes: int = 190) -> bytes:
    """Row 2 points at a shared string of ``megabytes`` MiB: the 195 KB file of the issue."""

    def strings() -> Iterable[bytes]:
        yield b"<si><t>"
        for _ in range(megabytes):
            yield b"A" * MIB
        yield b"</t></si>"

    row = '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>Tỉnh</t></is></c></row>'
    return workbook([header_row().encode(), row.encode()], strings())


def long_rows(rows: int = 20_000, length: int = 9_400, sheet_path: str = "xl/worksheets/sheet1.xml") -> bytes:
    """``rows`` rows each holding an inline string of ``length`` characters."""

    def sheet() -> Iterable[bytes]:
        yield header_row().encode()
        text = "A" * length
        for n in range(2, rows + 2):
            yield f'<row r="{n}">{_inline(f"A{n}", text)}{_inline(f"B{n}", "Tỉnh")}</row>'.encode()

    return workbook(sheet(), sheet_path=sheet_path)


def long_rows_in_a_disguised_part() -> bytes:
    """The same rows in a part named like a style sheet: only the relationships say it is a sheet."""
    return long_rows(sheet_path="xl/theme/styles2.xml")


def blank_rows(rows: int = 3_800_000) -> bytes:
    """A header, then ``rows`` empty rows (the kind a formatted-but-empty range leaves)."""

    def sheet() -> Iterable[bytes]:
        yield header_row().encode()
        batch = b"<row/>" * 100_000
        for _ in range(rows // 100_000):
            yield batch

    return workbook(sheet())


def far_row() -> bytes:
    """A header and one row numbered 1,048,576: openpyxl would make a million empty rows between."""
    return workbook(
        [header_row().encode(), b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>']
    )
