"""A cadre's nominations across every plan (GET /cadres/{id}/nominations)."""

from __future__ import annotations

from fastapi import APIRouter

from ..deps import Reader, SessionDep
from ..schemas.common import ERROR_RESPONSES, Page
from ..schemas.nominations import NominationOut
from ..services import nominations as service
from .params import Limit, Offset

router = APIRouter(prefix="/cadres", tags=["cadres"], responses=ERROR_RESPONSES)


@router.get(
    "/{cadre_id}/nominations",
    response_model=Page[NominationOut],
    summary="Every round of every plan where the cadre is proposed, with its verdict",
)
def list_nominations(
    cadre_id: str, _: Reader, session: SessionDep, limit: Limit = 50, offset: Offset = 0
) -> Page[NominationOut]:
    items, total = service.nominations(session, cadre_id, limit, offset)
    return Page(items=items, total=total, limit=limit, offset=offset)
