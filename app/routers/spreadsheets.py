"""Import and export of units, cadres and rosters as Excel (or CSV) sheets."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, File, Query, Response, UploadFile

from ..deps import ClockDep, Reader, SessionDep, SettingsDep, Writer
from ..downloads import XLSX, attachment
from ..schemas.common import ERROR_RESPONSES
from ..services import imports, sheets

router = APIRouter(prefix="/spreadsheets", tags=["spreadsheets"], responses=ERROR_RESPONSES)
SheetName = Literal["units", "cadres", "roster"]
Upload = Annotated[
    UploadFile,
    File(
        description="An .xlsx workbook or a UTF-8 .csv file in the template's format.",
        examples=["can-bo.xlsx"],
    ),
]
FILE_RESPONSE: dict[int | str, dict[str, object]] = {
    200: {"content": {XLSX: {}}, "description": "An Excel workbook"}
}


@router.get(
    "/templates/{sheet}.xlsx",
    response_class=Response,
    responses=FILE_RESPONSE,
    summary="Empty template with a guide",
)
def template(sheet: SheetName, _: Reader) -> Response:
    return attachment(sheets.template(sheet), XLSX, f"mau-{sheet}.xlsx")


@router.post("/import/units", status_code=201, summary="Import units (all rows or none)")
def import_units(file: Upload, _: Writer, session: SessionDep, settings: SettingsDep) -> dict[str, object]:
    rows = sheets.read(file.filename or "", file.file, settings.import_max_bytes, "units")
    return {"created": imports.import_units(session, rows), "rows_read": len(rows)}


@router.post("/import/cadres", status_code=201, summary="Import cadres with their posts (all rows or none)")
def import_cadres(
    file: Upload, _: Writer, session: SessionDep, settings: SettingsDep, clock: ClockDep
) -> dict[str, object]:
    rows = sheets.read(file.filename or "", file.file, settings.import_max_bytes, "cadres")
    return {
        "created": imports.import_cadres(session, rows, clock.today(), clock.now()),
        "rows_read": len(rows),
    }


@router.post("/import/roster", status_code=201, summary="Import a round's summoned voters (all rows or none)")
def import_roster(
    file: Upload, round_id: Annotated[str, Query()], _: Writer, session: SessionDep, settings: SettingsDep
) -> dict[str, object]:
    rows = sheets.read(file.filename or "", file.file, settings.import_max_bytes, "roster")
    return {"created": imports.import_roster(session, round_id, rows), "rows_read": len(rows)}


@router.get(
    "/export/{sheet}.xlsx",
    response_class=Response,
    responses=FILE_RESPONSE,
    summary="Export in the import format",
)
def export(
    sheet: SheetName, _: Reader, session: SessionDep, round_id: Annotated[str | None, Query()] = None
) -> Response:
    return attachment(sheets.export(session, sheet, round_id), XLSX, f"{sheet}.xlsx")
