"""Which parts of an .xlsx openpyxl will read as worksheets and shared strings, found as it finds
them: worksheets through the relationships, the shared strings through the content types.

A part's name decides nothing (a hostile file may call its sheet ``xl/styles2.xml``), so the guard
walks what these point at; every other part, read whole by openpyxl, must be small.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from .errors import SheetUnreadable
from .limits import MAX_SHEETS, too_many_sheets

CONTENT_TYPES = "[Content_Types].xml"
SHARED_STRINGS_TYPE = "sharedStrings+xml"
WORKSHEET_TYPE = "/worksheet"
MAX_SMALL_PART = 8 * 1024 * 1024  # styles, workbook, relationships, images: read whole by openpyxl
LARGE_PART = (
    "Tệp Excel có thành phần '{name}' quá lớn; hãy mở bằng Excel và lưu lại",
    "the workbook's part '{name}' is too large; open it in Excel and save it again",
)


@dataclass(frozen=True)
class Parts:
    worksheets: list[str]
    shared_strings: list[str]


def _small_xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element:
    data = archive.read(name)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:  # never in a workbook: an entity attack
        raise SheetUnreadable(
            "Tệp Excel chứa khai báo DTD không được phép; hãy mở bằng Excel và lưu lại",
            "the workbook contains a DTD declaration, which is not allowed; open and save it in Excel",
        )
    return ElementTree.fromstring(data)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def find(archive: zipfile.ZipFile) -> Parts:
    infos = {info.filename: info for info in archive.infolist()}
    rels = [name for name in infos if name.endswith(".rels")]
    for name in [CONTENT_TYPES, *rels]:
        if name in infos and infos[name].file_size > MAX_SMALL_PART:
            raise SheetUnreadable(LARGE_PART[0].format(name=name), LARGE_PART[1].format(name=name))

    strings: list[str] = []
    if CONTENT_TYPES in infos:
        for item in _small_xml(archive, CONTENT_TYPES):
            if _local(item.tag) == "Override" and item.get("ContentType", "").endswith(SHARED_STRINGS_TYPE):
                strings.append(item.get("PartName", "").lstrip("/"))

    sheets: list[str] = []
    for name in rels:
        # xl/_rels/workbook.xml.rels describes xl/workbook.xml: targets are relative to xl/
        base = posixpath.dirname(posixpath.dirname(name))
        for rel in _small_xml(archive, name):
            target = rel.get("Target", "")
            if rel.get("Type", "").endswith(WORKSHEET_TYPE) and rel.get("TargetMode") != "External":
                path = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
                sheets.append(posixpath.normpath(path))

    walked = {*sheets, *strings}
    if len(sheets) > MAX_SHEETS:
        raise too_many_sheets()
    for name, info in infos.items():
        if name not in walked and info.file_size > MAX_SMALL_PART:
            raise SheetUnreadable(LARGE_PART[0].format(name=name), LARGE_PART[1].format(name=name))
    return Parts([s for s in dict.fromkeys(sheets) if s in infos], [s for s in strings if s in infos])
