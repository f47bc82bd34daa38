"""Hostile spreadsheets are refused within seconds, in bounded memory, with a short message."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable

import pytest
import xlsx_bombs
from fastapi.testclient import TestClient
from sheet_builders import UNIT_HEADERS, Headers, csv_file, row_count, send
from sqlalchemy.orm import Session

from app.models import Unit
from app.spreadsheets.limits import MAX_CELL_CHARS, MAX_SHEET_ROWS, PREVIEW

MIB = 1024 * 1024
BOMBS: dict[str, Callable[[], bytes]] = {
    "one 190 MB shared cell": xlsx_bombs.one_huge_shared_cell,
    "20,000 rows of 9,400 characters": xlsx_bombs.long_rows,
    "3.8 million blank rows": xlsx_bombs.blank_rows,
    "a row numbered 1,048,576": xlsx_bombs.far_row,
    "a sheet disguised as another part": xlsx_bombs.long_rows_in_a_disguised_part,
}


@pytest.fixture(scope="module")
def bombs() -> dict[str, bytes]:
    return {name: build() for name, build in BOMBS.items()}  # built once for both databases


@pytest.mark.parametrize("bomb", list(BOMBS))
def test_a_spreadsheet_bomb_is_refused_quickly_with_a_short_message(
    client: TestClient, organizer: Headers, session: Session, bombs: dict[str, bytes], bomb: str
) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        response = send(client, organizer, "units", "bom.xlsx", bombs[bomb])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    elapsed = time.perf_counter() - started
    assert response.status_code == 422, response.text[:300]
    assert elapsed < 3, f"{bomb}: {elapsed:.1f} s"
    assert peak < 32 * MIB, f"{bomb}: {peak / MIB:.0f} MiB"
    assert len(response.content) < 2000
    assert "A" * (PREVIEW + 1) not in response.text
    assert row_count(session, Unit) == 0


def test_a_long_cell_names_its_place_and_quotes_only_its_start(
    client: TestClient, organizer: Headers, bombs: dict[str, bytes]
) -> None:
    message = send(client, organizer, "units", "dai.xlsx", bombs["20,000 rows of 9,400 characters"]).json()[
        "error"
    ]["message"]
    assert f"{MAX_CELL_CHARS:,}" in message and "A2" in message and "A" * PREVIEW + "…" in message


def test_blank_rows_count_toward_the_bound_and_the_message_says_so(
    client: TestClient, organizer: Headers, bombs: dict[str, bytes]
) -> None:
    message = send(client, organizer, "units", "trong.xlsx", bombs["3.8 million blank rows"]).json()["error"][
        "message_vi"
    ]
    assert f"{MAX_SHEET_ROWS:,}" in message and "dòng trống" in message


def test_a_csv_of_blank_lines_or_a_long_field_is_refused_quickly(
    client: TestClient, organizer: Headers
) -> None:
    header = csv_file([UNIT_HEADERS])
    for content in (header + b"\r\n" * (4 * MIB // 2), header + b'"' + b"A" * (4 * MIB) + b'",Tinh\r\n'):
        started = time.perf_counter()
        response = send(client, organizer, "units", "bom.csv", content)
        assert response.status_code == 422 and time.perf_counter() - started < 3
        assert len(response.content) < 2000


def test_a_cell_error_quotes_only_the_start_of_the_value(client: TestClient, organizer: Headers) -> None:
    content = csv_file([UNIT_HEADERS, ["Sở Tài chính", "X" * 900, None]])
    response = send(client, organizer, "units", "cap.csv", content)
    assert response.status_code == 422
    assert "X" * (PREVIEW + 1) not in response.text


def test_an_oversized_spreadsheet_names_the_spreadsheet_limit(client: TestClient, organizer: Headers) -> None:
    app = client.app
    app.state.settings = app.state.settings.model_copy(update={"import_max_bytes": 2048})  # type: ignore[attr-defined]
    response = send(client, organizer, "units", "lon.csv", csv_file([UNIT_HEADERS]) + b"a" * 5000)
    assert response.status_code == 413
    message = response.json()["error"]["message"]
    assert "TINNHIEM_IMPORT_MAX_BYTES" in message and "PDF" not in message
