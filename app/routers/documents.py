"""Calendar documents: the cadre's report, the dossier, clarification requests and answers."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, File, Form, Response, UploadFile

from ballots.calendar import Milestone

from ..deps import ClockDep, Reader, SessionDep, SettingsDep, Writer
from ..schemas.common import ERROR_RESPONSES, Page
from ..schemas.documents import DocumentOut
from ..services import documents as service
from ..services.uploads import DOCX, PDF, content_disposition
from .params import Limit, Offset

router = APIRouter(tags=["documents"], responses=ERROR_RESPONSES)


@router.post(
    "/rounds/{round_id}/documents",
    response_model=DocumentOut,
    status_code=201,
    summary="Record a report, dossier, clarification request or answer (PDF/DOCX attachment optional)",
)
def create_document(
    round_id: str,
    _: Writer,
    session: SessionDep,
    clock: ClockDep,
    settings: SettingsDep,
    kind: Annotated[Milestone, Form(examples=["report"])],
    title: Annotated[str, Form(max_length=300, examples=["Báo cáo tự kiểm điểm giữa nhiệm kỳ"])],
    body: Annotated[str, Form(examples=["Nội dung báo cáo…"])] = "",
    cadre_id: Annotated[
        str | None,
        Form(description="The cadre concerned (a candidate of the round); required except for a dossier."),
    ] = None,
    submitted_by: Annotated[str, Form(max_length=200, examples=["Nguyễn Văn Hùng"])] = "",
    submitted_at: Annotated[
        datetime | None,
        Form(
            description="When it arrived, with its zone; now when left out. A future time is refused.",
            examples=["2027-05-20T09:00:00+07:00"],
        ),
    ] = None,
    file: Annotated[
        UploadFile | None, File(description="A PDF or DOCX, checked by content and name; size is capped.")
    ] = None,
) -> DocumentOut:
    data = service.NewDocument(kind, title, body, cadre_id or None, submitted_by, submitted_at)
    upload = service.Upload(file.filename or "", file.file) if file is not None and file.filename else None
    document = service.create(session, round_id, data, upload, settings.upload_max_bytes, clock.now())
    return service.describe(document)


@router.get(
    "/rounds/{round_id}/documents",
    response_model=Page[DocumentOut],
    summary="Documents of a round, oldest first, each with its on-time status",
)
def list_documents(
    round_id: str,
    _: Reader,
    session: SessionDep,
    kind: Milestone | None = None,
    cadre_id: str | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[DocumentOut]:
    items, total = service.search(session, round_id, kind, cadre_id, limit, offset)
    return Page(items=[service.describe(d) for d in items], total=total, limit=limit, offset=offset)


@router.get("/documents/{document_id}", response_model=DocumentOut, summary="One document")
def get_document(document_id: str, _: Reader, session: SessionDep) -> DocumentOut:
    return service.describe(service.get(session, document_id))


@router.get(
    "/documents/{document_id}/file",
    summary="Download the attached file",
    response_class=Response,
    responses={200: {"content": {PDF: {}, DOCX: {}}, "description": "The file as uploaded"}},
)
def download(document_id: str, _: Reader, session: SessionDep) -> Response:
    document = service.file_of(session, document_id)
    return Response(
        content=document.file_data,
        media_type=document.content_type,
        headers={"Content-Disposition": content_disposition(document.file_name or "tep-dinh-kem")},
    )


@router.delete(
    "/documents/{document_id}", status_code=204, summary="Delete a document of a draft or scheduled round"
)
def delete_document(document_id: str, _: Writer, session: SessionDep) -> Response:
    service.delete(session, document_id)
    return Response(status_code=204)
