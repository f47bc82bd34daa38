"""Spreadsheet files in and out: reading an upload within its limit, templates, exports."""

from __future__ import annotations

from typing import BinaryIO

from sqlalchemy.orm import Session

from ..spreadsheets.reader import Row, read_rows
from ..spreadsheets.sheets import SHEETS
from ..spreadsheets.writer import workbook
from . import imports
from .uploads import SPREADSHEET_TOO_LARGE, read_capped


def read(file_name: str, stream: BinaryIO, limit: int, sheet: str) -> list[Row]:
    """The rows of an uploaded sheet, refused past ``limit`` bytes or the sheet's own bounds."""
    return read_rows(file_name, read_capped(stream, limit, SPREADSHEET_TOO_LARGE), SHEETS[sheet])


def template(sheet: str) -> bytes:
    """An empty workbook in the import format, with an example row and a guide."""
    spec = SHEETS[sheet]
    return workbook(spec, [spec.example], guide=True)


def export(session: Session, sheet: str, round_id: str | None) -> bytes:
    """What is stored, in the import format (so an export can be imported again)."""
    return workbook(SHEETS[sheet], imports.export_rows(session, sheet, round_id))
