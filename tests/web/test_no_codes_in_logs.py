"""No voting code and no receipt reaches a log during a whole vote through the pages and the API,
the slip's QR address (``?code=``) and the board's receipt search (``?bien-nhan=``) included."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from page_helpers import csrf_of
from voting_builders import voting_round

from app.log_redaction import RedactSecretQueries, redact

Headers = dict[str, str]
CODE_FIELD = re.compile(r'name="code" value="([^"]*)"')
# The test's own HTTP client logs each URL it requests: that is the browser's side, not the service's.
CLIENT_LOGGERS = ("httpx", "httpx2", "httpcore")


@pytest.fixture
def every_log(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Everything at DEBUG, set before the test's database connection opens (SQLAlchemy decides
    then whether a connection logs its statements)."""
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="uvicorn.access")
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")
    yield caplog


def test_a_whole_vote_through_pages_and_api_logs_no_code_and_no_receipt(
    every_log: pytest.LogCaptureFixture, pages: TestClient, organizer: Headers
) -> None:
    caplog = every_log
    vote = voting_round(pages, organizer, slips=3)
    base = f"/bo-phieu/{vote.id}"
    # By the pages, arriving from the QR code.
    entry = pages.get(base, params={"code": vote.codes[0]})
    ballot = pages.post(base, data={"csrf": csrf_of(entry), "code": vote.codes[0]})
    data = {"csrf": csrf_of(ballot), "code": vote.codes[0], f"c-{vote.cadre_ids[0]}": "high"}
    review = pages.post(f"{base}/xem-lai", data=data)
    assert pages.post(f"{base}/phieu", data=data).status_code == 200
    assert pages.post(f"{base}/gui", data=data).status_code == 200
    assert pages.post(f"{base}/gui", data=data).status_code == 200  # the identical retry
    assert review.status_code == 200
    # Refusals: a spent code, a mistyped one.
    assert pages.post(base, data={"csrf": csrf_of(entry), "code": vote.codes[0]}).status_code == 403
    assert pages.post(base, data={"csrf": csrf_of(entry), "code": vote.codes[1][:-1]}).status_code == 422
    # By the API.
    cast = pages.post(f"{vote.path}/ballots", json={"code": vote.codes[1], "choices": vote.ballot("low")})
    assert cast.status_code == 201
    receipts = pages.get(f"{vote.path}/board").json()["receipts"]
    assert len(receipts) == 2
    for receipt in receipts:
        assert pages.get(f"{base}/bang-tin", params={"bien-nhan": receipt}).status_code == 200

    service_records = [r for r in caplog.records if not r.name.startswith(CLIENT_LOGGERS)]
    logged = "\n".join(r.getMessage() + repr(r.args) for r in service_records)
    assert "INSERT INTO ballots" in logged  # the capture did see the service's work
    secrets = [*vote.codes, *receipts, *(c.replace("-", "") for c in vote.codes)]
    assert [s for s in secrets if s.lower() in logged.lower()] == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/bo-phieu/r1?code=K7QF-2M9X-RT4B-8HNW-Q", "/bo-phieu/r1?code=***"),
        ("/bo-phieu/r1?lang=en&code=K7QF-2M9X", "/bo-phieu/r1?lang=en&code=***"),
        ("/bo-phieu/r1?CODE=K7QF&%63ode=2M9X", "/bo-phieu/r1?CODE=***&%63ode=***"),
        ("/bo-phieu/r1/bang-tin?bien-nhan=3b5d5c37", "/bo-phieu/r1/bang-tin?bien-nhan=***"),
        ("/bo-phieu/r1?lang=en", "/bo-phieu/r1?lang=en"),
        ("/api/v1/rounds", "/api/v1/rounds"),
    ],
)
def test_the_access_log_filter_masks_secret_query_values(path: str, expected: str) -> None:
    assert redact(path) == expected
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("1.2.3.4:5", "GET", path, "1.1", 200),
        None,
    )
    assert RedactSecretQueries().filter(record)
    assert record.getMessage() == f'1.2.3.4:5 - "GET {expected} HTTP/1.1" 200'


def test_the_app_installs_the_filter_on_the_access_logger(pages: TestClient) -> None:
    assert any(isinstance(f, RedactSecretQueries) for f in logging.getLogger("uvicorn.access").filters)
