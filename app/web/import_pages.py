"""Importing from Excel in two steps, preview then save; the templates and exports to download."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ballots.errors import BallotsError

from ..deps import ClockDep, ReadSessionDep, SessionDep, SettingsDep
from ..downloads import XLSX, attachment
from ..services import import_pages as service
from ..services import sheets
from .csrf import CsrfChecked
from .forms import require_writer, undone
from .render import page
from .session import PageUser

router = APIRouter(include_in_schema=False)


SheetName = Literal["units", "cadres", "roster"]


def _import_page(
    request: Request, user: PageUser, read: ReadSessionDep, status: int = 200, error: str = ""
) -> HTMLResponse:
    done = {k: int(v) for k, v in request.query_params.items() if k in service.COUNT_VI and v.isdigit()}
    context = {
        "sheet_vi": service.SHEET_VI,
        "count_vi": service.COUNT_VI,
        "rounds": service.roster_rounds(read),
        "done": done,
        "error": error,
    }
    return page(request, "import.html", context, user=user, status_code=status)


@router.get("/import")
def import_page(request: Request, user: PageUser, read: ReadSessionDep) -> HTMLResponse:
    require_writer(user)
    return _import_page(request, user, read)


@router.post("/import")
def preview(
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    session: SessionDep,
    settings: SettingsDep,
    clock: ClockDep,
    file: Annotated[UploadFile, File()],
    sheet: Annotated[SheetName, Form()],
    round_id: Annotated[str, Form()] = "",
) -> HTMLResponse:
    require_writer(user)
    result = service.preview(
        session,
        user.user_id,
        sheet,
        round_id or None,
        file.filename or "",
        file.file,
        settings.import_max_bytes,
        clock.today(),
        clock.now(),
    )
    status = 200 if result.draft_id else 422
    context = {"p": result, "sheet_vi": service.SHEET_VI, "count_vi": service.COUNT_VI}
    return page(request, "import_preview.html", context, user=user, status_code=status)


@router.post("/import/save", response_model=None)
def save(
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    read: ReadSessionDep,
    session: SessionDep,
    settings: SettingsDep,
    clock: ClockDep,
    draft_id: Annotated[str, Form(max_length=64)],
) -> Response:
    require_writer(user)
    try:
        counts = service.save(
            session, user.user_id, draft_id, settings.import_max_bytes, clock.today(), clock.now()
        )
    except BallotsError as exc:
        # Another import may have added the same rows since the preview: say so, keep nothing.
        return _import_page(request, user, read, *undone(session, exc))
    query = "&".join(f"{k}={v}" for k, v in counts.items())
    return RedirectResponse(f"/import?{query}", status_code=303)


@router.get("/import/templates/{sheet}.xlsx")
def template(sheet: SheetName, user: PageUser) -> Response:
    return attachment(sheets.template(sheet), XLSX, f"mau-{sheet}.xlsx")


@router.get("/import/exports/{sheet}.xlsx")
def export(sheet: Literal["units", "cadres"], user: PageUser, read: ReadSessionDep) -> Response:
    return attachment(sheets.export(read, sheet, None), XLSX, f"{sheet}.xlsx")
