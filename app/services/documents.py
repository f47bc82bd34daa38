"""Reports, dossiers, clarification requests and answers of a round, with on-time status from ballots/."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import BinaryIO

from sqlalchemy.orm import Session

from ballots.calendar import Milestone, Timeliness, timeliness
from ballots.errors import Conflict, InvalidInput, NotFound
from ballots.records import has_control_characters

from ..models import Document, Round
from ..repositories import common
from ..repositories import documents as repo
from ..repositories.common import get_or_404, not_found
from ..schemas.documents import DocumentOut
from . import uploads
from .rounds import EDITABLE
from .rounds import get as get_round

# A clock a few minutes fast on the client should not refuse an honest submission.
FUTURE_TOLERANCE = timedelta(minutes=5)
NEEDS_CADRE = {Milestone.REPORT, Milestone.CLARIFICATION_REQUEST, Milestone.ANSWERS}


@dataclass(frozen=True)
class NewDocument:
    kind: Milestone
    title: str
    body: str
    cadre_id: str | None
    submitted_by: str
    submitted_at: datetime | None


@dataclass(frozen=True)
class Upload:
    file_name: str
    stream: BinaryIO


def status(document: Document, round_: Round) -> Timeliness:
    return timeliness(document.kind, round_.vote_date, document.submitted_at)


def _check(round_: Round, data: NewDocument, now: datetime) -> datetime:
    if any(has_control_characters(t) for t in (data.title, data.body, data.submitted_by)):
        raise InvalidInput(
            "the title, body and sender must not contain control characters; remove them and send again",
            message_vi="Tiêu đề, nội dung và người gửi có ký tự điều khiển không hợp lệ; hãy xóa rồi gửi lại",
        )
    if not data.title.strip():
        raise InvalidInput(
            "a document needs a title", message_vi="Tài liệu cần có tiêu đề", details={"field": "title"}
        )
    if data.kind in NEEDS_CADRE and data.cadre_id is None:
        raise InvalidInput(
            f"a {data.kind.value} concerns one cadre: give cadre_id, the id of a candidate of this round",
            message_vi=(
                f"Tài liệu loại {data.kind.label_vi} gắn với một cán bộ: hãy chọn người được lấy phiếu"
            ),
            details={"field": "cadre_id"},
        )
    if data.cadre_id is not None and all(c.cadre_id != data.cadre_id for c in round_.candidates):
        raise InvalidInput(
            "the cadre is not a candidate of this round; propose the cadre first or pick a candidate",
            message_vi="Cán bộ này không có trong danh sách lấy phiếu của hội nghị; hãy đề xuất trước",
            details={"field": "cadre_id", "cadre_id": data.cadre_id},
        )
    submitted = data.submitted_at or now
    if submitted.utcoffset() is None:
        raise InvalidInput(
            "submitted_at needs a time zone, e.g. 2027-08-30T09:00:00+07:00",
            message_vi="Thời điểm nhận cần có múi giờ, ví dụ 2027-08-30T09:00:00+07:00",
            details={"field": "submitted_at"},
        )
    if submitted > now + FUTURE_TOLERANCE:
        raise InvalidInput(
            f"submitted_at {submitted.isoformat()} is in the future; give the time the document arrived",
            message_vi="Thời điểm nhận ở tương lai; hãy ghi lúc tài liệu thực sự đến",
            details={"field": "submitted_at", "now": now.isoformat()},
        )
    return submitted.astimezone(UTC)


def create(
    session: Session, round_id: str, data: NewDocument, upload: Upload | None, limit: int, now: datetime
) -> Document:
    round_ = get_round(session, round_id)
    if round_.archived_at is not None:
        raise Conflict(
            f"round '{round_.title}' is archived; it takes no new documents",
            message_vi=f"Hội nghị '{round_.title}' đã lưu trữ; không nhận thêm tài liệu",
            details={"round_id": round_.id},
        )
    submitted = _check(round_, data, now)
    attachment = uploads.accept(upload.file_name, upload.stream, limit) if upload is not None else None
    if attachment is None and not data.body.strip():
        raise InvalidInput(
            "a document needs a text body or an attached file (PDF or DOCX); give one of them",
            message_vi="Tài liệu cần có nội dung hoặc tệp đính kèm (PDF hoặc DOCX)",
            details={"field": "body"},
        )
    document = Document(
        round_id=round_.id,
        cadre_id=data.cadre_id,
        kind=data.kind,
        title=data.title.strip(),
        body=data.body,
        submitted_by=data.submitted_by,
        submitted_at=submitted,
    )
    if attachment is not None:
        document.file_name = attachment.file_name
        document.content_type = attachment.content_type
        document.file_size = len(attachment.data)
        document.file_sha256 = attachment.sha256
        document.file_data = attachment.data
    return common.add(session, document)


def search(
    session: Session, round_id: str, kind: Milestone | None, cadre_id: str | None, limit: int, offset: int
) -> tuple[list[Document], int]:
    get_round(session, round_id)  # an unknown round is a 404, not an empty page
    return repo.search(session, round_id, kind=kind, cadre_id=cadre_id, limit=limit, offset=offset)


def get(session: Session, document_id: str) -> Document:
    return get_or_404(session, Document, document_id, "document")


def file_of(session: Session, document_id: str) -> Document:
    document = repo.with_file(session, document_id)
    if document is None:
        raise not_found("document", document_id)
    if document.file_data is None:
        raise NotFound(
            "this document has no attached file",
            message_vi="Tài liệu này không có tệp đính kèm",
            details={"id": document_id},
        )
    return document


def delete(session: Session, document_id: str) -> None:
    document = get(session, document_id)
    if document.round.status not in EDITABLE:
        raise Conflict(
            f"the round is {document.round.status.value}; once voting opens its documents are part of "
            "the record and cannot be deleted",
            message_vi="Hội nghị đã mở bỏ phiếu; tài liệu đã thuộc hồ sơ và không xóa được",
            details={"status": document.round.status.value},
        )
    common.delete(session, document)


def describe(document: Document) -> DocumentOut:
    """The document as the API shows it, with its timeliness against the round's current date."""
    timing = status(document, document.round)
    return DocumentOut(
        id=document.id,
        round_id=document.round_id,
        cadre_id=document.cadre_id,
        kind=document.kind,
        title=document.title,
        body=document.body,
        submitted_by=document.submitted_by,
        submitted_at=document.submitted_at,
        file_name=document.file_name,
        content_type=document.content_type,
        file_size=document.file_size,
        file_sha256=document.file_sha256,
        deadline=timing.deadline,
        on_time=timing.on_time,
        days_late=timing.days_late,
    )
