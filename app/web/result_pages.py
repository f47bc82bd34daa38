"""A counted round's results page, and its files for a signed-in browser (the API's need a token).

Signed-in users read a counted round's results before publication, as reading API tokens do
(app/services/results.py decides for both); web sessions never carry the ``results`` scope.
"""

from __future__ import annotations

import json

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from ..deps import ClockDep, ReadSessionDep
from ..downloads import XLSX, attachment
from ..services import across_results, committee_access, result_pages, results, round_record
from .forms import require_writer
from .plan_pages import STATUS_VI
from .render import page
from .session import PageUser

router = APIRouter(include_in_schema=False)


def _file(made: tuple[bytes, str], media_type: str) -> Response:
    """A file a service made, with its name; results are nobody else's to cache."""
    content, name = made
    return attachment(content, media_type, name, private=True)


@router.get("/rounds/{round_id}/results")
def results_page(round_id: str, request: Request, user: PageUser, read: ReadSessionDep) -> HTMLResponse:
    results.stored_round(read, round_id, committee_access.result_scopes(read, user, round_id))
    view = result_pages.results_page(read, round_id)
    return page(request, "results.html", {"view": view}, user=user)


@router.get("/rounds/{round_id}/results.csv")
def results_csv(round_id: str, user: PageUser, read: ReadSessionDep) -> Response:
    return _file(
        results.results_csv(read, round_id, committee_access.result_scopes(read, user, round_id)),
        "text/csv; charset=utf-8",
    )


@router.get("/rounds/{round_id}/results.xlsx")
def results_xlsx(round_id: str, user: PageUser, read: ReadSessionDep) -> Response:
    return _file(
        results.results_xlsx(read, round_id, committee_access.result_scopes(read, user, round_id)), XLSX
    )


@router.get("/rounds/{round_id}/minutes.pdf")
def minutes_pdf(round_id: str, user: PageUser, read: ReadSessionDep) -> Response:
    return _file(
        results.minutes_pdf(read, round_id, committee_access.result_scopes(read, user, round_id)),
        "application/pdf",
    )


@router.get("/rounds/{round_id}/record")
def record(round_id: str, user: PageUser, read: ReadSessionDep) -> Response:
    """The round's record for ``tinnhiem verify``, as the API gives it to organizers."""
    require_writer(user)
    content = json.dumps(round_record.record(read, round_id), ensure_ascii=False).encode()
    return _file((content, f"ho-so-{round_id[:8]}.json"), "application/json")


@router.get("/cadres/{cadre_id}/results")
def cadre_results_page(cadre_id: str, request: Request, user: PageUser, read: ReadSessionDep) -> HTMLResponse:
    view = across_results.cadre_results(read, cadre_id)
    return page(request, "cadre_results.html", {"view": view}, user=user)


@router.get("/plans/{plan_id}/results")
def plan_results_page(
    plan_id: str, request: Request, user: PageUser, read: ReadSessionDep, clock: ClockDep
) -> HTMLResponse:
    view = across_results.plan_results(read, plan_id, clock.today())
    return page(request, "plan_results.html", {"view": view, "status_vi": STATUS_VI}, user=user)


@router.get("/plans/{plan_id}/results.xlsx")
def plan_results_xlsx(plan_id: str, _: PageUser, read: ReadSessionDep, clock: ClockDep) -> Response:
    return _file(across_results.plan_results_xlsx(read, plan_id, clock.today()), XLSX)


@router.get("/plans/{plan_id}/results.pdf")
def plan_results_pdf(plan_id: str, _: PageUser, read: ReadSessionDep, clock: ClockDep) -> Response:
    return _file(across_results.plan_results_pdf(read, plan_id, clock.today()), "application/pdf")
