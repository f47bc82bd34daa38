"""Results for other systems: published rounds, filtered and paged, with an ETag."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from ballots.levels import Band, Rulebook

from ..deps import ResultsReader, SessionDep
from ..schemas.common import ERROR_RESPONSES
from ..schemas.counting import ListedResultOut, PublicationOut, ResultsPageOut
from ..services import publication
from .counting import etagged
from .params import DayFilter, Limit, Offset

router = APIRouter(prefix="/results", tags=["counting"], responses=ERROR_RESPONSES)


@router.get(
    "",
    response_model=ResultsPageOut,
    summary="Published results, newest vote first (token scope 'results' or 'read')",
)
def list_results(
    _: ResultsReader,
    session: SessionDep,
    request: Request,
    plan_id: str | None = None,
    unit_id: str | None = None,
    rulebook: Rulebook | None = None,
    band: Band | None = None,
    date_from: DayFilter = None,
    date_to: DayFilter = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    items, total = publication.search(
        session,
        plan_id=plan_id,
        unit_id=unit_id,
        rulebook=rulebook,
        band=band,
        date_from=date_from,
        date_to=date_to,
        limit=limit,
        offset=offset,
    )
    page = ResultsPageOut(
        items=[
            ListedResultOut(
                round_id=i.result.round_id,
                plan_id=i.plan_id,
                unit_id=i.unit_id,
                publication=PublicationOut(
                    audience=i.plan.publication_audience,
                    published_at=i.result.published_at,
                    deadline=i.deadline,
                ),
                results=publication.signed(i.result),
            )
            for i in items
        ],
        total=total,
        limit=limit,
        offset=offset,
    )
    return etagged(request, page.model_dump(mode="json"))
