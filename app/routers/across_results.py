"""Results across rounds: a cadre's at each place side by side, and a plan's summary (JSON, XLSX,
PDF). Never summed or averaged (regulation.md §2). For reading tokens (the personnel body's own
people): counted rounds, published or not; other systems pull published results at /results."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from ..deps import ClockDep, Reader, ReadSessionDep
from ..downloads import XLSX, attachment
from ..schemas.common import ERROR_RESPONSES
from ..services import across_results

router = APIRouter(tags=["results"], responses=ERROR_RESPONSES)


@router.get(
    "/cadres/{cadre_id}/results",
    summary="A cadre's results at each place, side by side (never summed)",
    description="One entry per counted round the cadre was on the ballot of, oldest first, each with "
    "that round's own figures exactly as its signed results give them.",
)
def cadre_results(cadre_id: str, _: Reader, session: ReadSessionDep) -> dict[str, Any]:
    return across_results.cadre_results(session, cadre_id).as_json()


@router.get(
    "/plans/{plan_id}/results",
    summary="A plan's results summary: progress, rounds, cadres by band",
)
def plan_results(plan_id: str, _: Reader, session: ReadSessionDep, clock: ClockDep) -> dict[str, Any]:
    return across_results.plan_results(session, plan_id, clock.today()).as_json()


@router.get(
    "/plans/{plan_id}/results.xlsx",
    response_class=Response,
    responses={200: {"content": {XLSX: {}}, "description": "An Excel workbook"}},
    summary="A plan's results summary as an Excel workbook",
)
def plan_results_xlsx(plan_id: str, _: Reader, session: ReadSessionDep, clock: ClockDep) -> Response:
    content, name = across_results.plan_results_xlsx(session, plan_id, clock.today())
    return attachment(content, XLSX, name)


@router.get(
    "/plans/{plan_id}/results.pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "A4 landscape PDF"}},
    summary="A plan's results summary as PDF",
)
def plan_results_pdf(plan_id: str, _: Reader, session: ReadSessionDep, clock: ClockDep) -> Response:
    content, name = across_results.plan_results_pdf(session, plan_id, clock.today())
    return attachment(content, "application/pdf", name)
