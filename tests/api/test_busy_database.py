"""Lock contention the database gives up on is answered 503 with Retry-After, never 500."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

Headers = dict[str, str]


class Deadlock(Exception):
    sqlstate = "40P01"


def refuse_with(error: Exception) -> object:
    def fail(*_: object) -> None:
        raise OperationalError("INSERT INTO units ...", {}, error)

    return fail


@pytest.mark.parametrize(
    "error",
    [sqlite3.OperationalError("database is locked"), Deadlock("deadlock detected")],
    ids=["sqlite", "pg"],
)
def test_a_write_the_database_gave_up_on_for_contention_says_try_again(
    client: TestClient, organizer: Headers, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    monkeypatch.setattr("app.services.units.create", refuse_with(error))
    response = client.post("/api/v1/units", json={"name": "Sở Y tế", "level": "province"}, headers=organizer)
    assert (response.status_code, response.headers["retry-after"]) == (503, "1")
    assert response.json()["error"]["code"] == "busy"


def test_any_other_database_failure_is_not_disguised_as_busy(
    client: TestClient, organizer: Headers, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.services.units.create", refuse_with(sqlite3.OperationalError("disk I/O error")))
    with pytest.raises(OperationalError):
        client.post("/api/v1/units", json={"name": "Sở Y tế", "level": "province"}, headers=organizer)
