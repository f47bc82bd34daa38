"""A document listed on the ballot, for the voter to read: no token, the open round's candidates'
documents only (any other id is not found)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from ..deps import ReadSessionDep
from ..services import voting

router = APIRouter(include_in_schema=False)


@router.get("/bo-phieu/{round_id}/tai-lieu/{document_id}")
def voter_document(round_id: str, document_id: str, read: ReadSessionDep) -> Response:
    copy = voting.voter_document(read, round_id, document_id)
    return Response(
        copy.content,
        media_type=copy.media_type,
        headers={"Content-Disposition": copy.disposition, "Cache-Control": "no-store"},
    )
