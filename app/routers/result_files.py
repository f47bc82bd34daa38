"""A counted round's results as files: CSV, XLSX, the count minutes (PDF), the record (JSON), and the
auditor's key file. The results files follow GET .../results: a
reading token sees a counted round, a ``results`` token a published one only (an unpublished round
answers like one that does not exist); the record and the key are the organizer's (or admin's)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from ..deps import ReadSessionDep, RoundResultsReader, SecretDep, Writer
from ..downloads import XLSX, attachment
from ..schemas.common import ERROR_RESPONSES
from ..services import results, round_record

router = APIRouter(prefix="/rounds/{round_id}", tags=["results"], responses=ERROR_RESPONSES)
NOT_COUNTED: dict[int | str, dict[str, Any]] = {
    409: ERROR_RESPONSES[409] | {"description": "The round has not been counted"}
}


def _files(media_type: str, what: str) -> dict[int | str, dict[str, Any]]:
    return {200: {"content": {media_type: {}}, "description": what}, **NOT_COUNTED}


@router.get(
    "/results.csv",
    response_class=Response,
    responses=_files("text/csv", "UTF-8 CSV (with a byte-order mark), one row per cadre"),
    summary="The round's results as CSV",
)
def results_csv(round_id: str, who: RoundResultsReader, session: ReadSessionDep) -> Response:
    content, name = results.results_csv(session, round_id, who.scopes)
    return attachment(content, "text/csv; charset=utf-8", name)


@router.get(
    "/results.xlsx",
    response_class=Response,
    responses=_files(XLSX, "An Excel workbook: title block, figures, one row per cadre"),
    summary="The round's results as an Excel workbook",
)
def results_xlsx(round_id: str, who: RoundResultsReader, session: ReadSessionDep) -> Response:
    content, name = results.results_xlsx(session, round_id, who.scopes)
    return attachment(content, XLSX, name)


@router.get(
    "/minutes.pdf",
    response_class=Response,
    responses=_files("application/pdf", "The count minutes, A4, the results digest on every page"),
    summary="The count minutes (biên bản kiểm phiếu) as PDF",
)
def minutes_pdf(round_id: str, who: RoundResultsReader, session: ReadSessionDep) -> Response:
    content, name = results.minutes_pdf(session, round_id, who.scopes)
    return attachment(content, "application/pdf", name)


@router.get(
    "/record",
    responses=NOT_COUNTED,
    summary="The round's record for `tinnhiem verify` (organizer)",
    description="Public round data, the board, the sealed ballots (base64, sorted by receipt), the "
    "accepted paper ballots, the signed results and the signing public key. Never the private key.",
)
def record(round_id: str, _: Writer, session: ReadSessionDep) -> dict[str, Any]:
    return round_record.record(session, round_id)


@router.get(
    "/key",
    responses=NOT_COUNTED
    | {409: ERROR_RESPONSES[409] | {"description": "Not counted, or committee sealing"}},
    summary="The auditor's key file for `tinnhiem verify --key` (organizer; logged)",
    description="Only for `server` sealing: a committee-sealed round's key was never stored.",
)
def auditor_key(round_id: str, user: Writer, session: ReadSessionDep, secret: SecretDep) -> dict[str, str]:
    return round_record.auditor_key(session, round_id, secret, user.username)
