"""A document listed on the ballot, for the voter to read: no token, the open round's candidates'
documents only (any other id is not found)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from ..deps import ReadSessionDep
from ..services import voting

router = APIRouter(include_in_schema=False)
# How the ballot page names each kind of document, in its two languages.
DOCUMENT_KINDS = {
    "report": {"vi": "Báo cáo tự kiểm điểm", "en": "Self-assessment report"},
    "dossier": {"vi": "Hồ sơ", "en": "Dossier"},
    "clarification_request": {"vi": "Đề nghị làm rõ", "en": "Clarification request"},
    "answers": {"vi": "Giải trình", "en": "Answers"},
}


@router.get("/bo-phieu/{round_id}/tai-lieu/{document_id}")
def voter_document(round_id: str, document_id: str, read: ReadSessionDep) -> Response:
    copy = voting.voter_document(read, round_id, document_id)
    return Response(
        copy.content,
        media_type=copy.media_type,
        headers={"Content-Disposition": copy.disposition, "Cache-Control": "no-store"},
    )
