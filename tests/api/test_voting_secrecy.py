"""No link between a slip and its ballot: in the schema, in the logs, in the answers, in the work done."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, event, inspect
from voting_builders import cast, open_round, prepared_round, voting_round

from app.settings import Settings
from ballots.codes import new_code

Headers = dict[str, str]
LINKS = ("credentials", "users", "api_tokens", "roster_entries", "committee_members")


def test_no_ballot_column_can_be_joined_to_a_voter_a_credential_a_request_or_a_time(engine: Engine) -> None:
    schema = inspect(engine)  # the migrated schema, as the database has it
    columns = {c["name"]: c for c in schema.get_columns("ballots")}
    assert set(columns) == {"id", "round_id", "sealed", "receipt"}
    assert [fk["referred_table"] for fk in schema.get_foreign_keys("ballots")] == ["rounds"]
    assert not any(fk["referred_table"] == "ballots" for t in LINKS for fk in schema.get_foreign_keys(t))
    for table in ("ballots", "credentials", "round_keys"):
        types = [str(c["type"]).upper() for c in schema.get_columns(table)]
        assert not [t for t in types if "DATE" in t or "TIME" in t], table
        assert not [c for c in schema.get_columns(table) if c.get("autoincrement") is True], table
    credentials = {c["name"] for c in schema.get_columns("credentials")}
    assert credentials == {"round_id", "code_digest", "state", "receipt_box"}


def test_on_sqlite_ballots_are_stored_in_the_order_of_their_random_ids_not_of_arrival(
    client: TestClient, organizer: Headers, connection: Connection
) -> None:
    if connection.dialect.name != "sqlite":
        pytest.skip("PostgreSQL keeps rows in its heap in order of writing (README says so)")
    tables = connection.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
    kinds = {name: sql.upper().rstrip().endswith("WITHOUT ROWID") for name, sql in tables}
    assert kinds["ballots"] and kinds["credentials"]
    vote = voting_round(client, organizer, slips=3)
    receipts = [cast(client, vote, code, vote.ballot("high")).json()["receipt"] for code in vote.codes]
    stored = [r for (r,) in connection.exec_driver_sql("SELECT receipt FROM ballots")]
    ids = [i for (i,) in connection.exec_driver_sql("SELECT id FROM ballots")]
    assert sorted(stored) == sorted(receipts) and ids == sorted(ids)  # read in id order, whatever came first


def test_on_postgresql_closing_rewrites_ballots_and_slips_out_of_arrival_order(
    client: TestClient, organizer: Headers, connection: Connection
) -> None:
    if connection.dialect.name != "postgresql":
        pytest.skip("SQLite stores both tables in key order from the start (the test above)")
    vote = voting_round(client, organizer, slips=6)
    for code in vote.codes[:5]:
        assert cast(client, vote, code, vote.ballot("high")).status_code == 201

    def writers(table: str) -> int:
        """How many transactions wrote the round's live rows (each cast is one: its order is arrival)."""
        sql = f"SELECT count(DISTINCT xmin::text) FROM {table} WHERE round_id = %s"
        return int(connection.exec_driver_sql(sql, (vote.id,)).scalar_one())

    assert writers("ballots") == 5  # while voting runs, each ballot carries its own cast's transaction
    closed = client.post(f"{vote.path}/close", json={"present": 2, "unused_count": 1}, headers=organizer)
    assert closed.status_code == 200, closed.text
    # Written anew, all at once and in key order: neither their transaction ids nor their places in
    # the data files follow the order of arrival or of spending any more.
    assert writers("ballots") == 1 and writers("credentials") == 1
    ballots = [
        i for (i,) in connection.exec_driver_sql("SELECT id FROM ballots WHERE round_id = %s", (vote.id,))
    ]
    assert len(ballots) == 5
    counted = client.post(f"{vote.path}/count", headers=organizer)
    assert counted.status_code == 200 and counted.json()["ballots_returned"] == 5


@pytest.fixture
def every_log(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")
    yield caplog


def test_slips_and_a_whole_vote_leave_no_code_receipt_or_choice_in_any_log(
    every_log: pytest.LogCaptureFixture, client: TestClient, organizer: Headers
) -> None:
    vote = voting_round(client, organizer, slips=3)
    secrets = list(vote.codes)
    for code in vote.codes[:2]:
        receipt = cast(client, vote, code, vote.ballot("high", "low")).json()["receipt"]
        assert cast(client, vote, code, vote.ballot("high", "low")).status_code == 200
        assert cast(client, vote, code, vote.ballot("low", "low")).status_code == 403
        secrets.append(receipt)
    client.post(f"{vote.path}/slips/paper", json={"code": vote.codes[2]}, headers=organizer)
    client.get(f"{vote.path}/board")
    logged = every_log.text + "".join(repr(r.args) for r in every_log.records)
    assert "INSERT INTO ballots" in logged and "UPDATE credentials" in logged  # the logs were captured
    forms = set(secrets) | {s.replace("-", "") for s in secrets} | {s[:16] for s in secrets}
    assert [s for s in forms if s in logged] == []
    assert "'high'" not in logged and "'low'" not in logged


def test_a_slip_spent_on_paper_never_votes_online_and_a_slip_used_online_gives_no_paper_ballot(
    client: TestClient, organizer: Headers
) -> None:
    vote = voting_round(client, organizer, slips=3)
    paper, online, _ = vote.codes
    assert client.post(f"{vote.path}/slips/paper", json={"code": paper}, headers=organizer).json() == {
        "state": "paper"
    }
    refused = cast(client, vote, paper, vote.ballot("high"))
    unknown = cast(client, vote, new_code(os.urandom(10)), vote.ballot("high"))
    assert refused.status_code == 403 and refused.json() == unknown.json()
    assert cast(client, vote, online, vote.ballot("high")).status_code == 201
    twice = client.post(f"{vote.path}/slips/paper", json={"code": paper}, headers=organizer)
    used = client.post(f"{vote.path}/slips/paper", json={"code": online}, headers=organizer)
    nobody = client.post(f"{vote.path}/slips/paper", json={"code": new_code(bytes(10))}, headers=organizer)
    assert [r.status_code for r in (twice, used, nobody)] == [409, 409, 404]
    assert "on paper" in twice.json()["error"]["message"] and "online" in used.json()["error"]["message"]
    assert client.get(f"{vote.path}/turnout").json() == {"issued": 3, "returned": 1}


def test_refused_codes_are_limited_per_address_while_accepted_ones_are_not_counted(
    client: TestClient, organizer: Headers, settings: Settings
) -> None:
    settings.code_rate_per_address = "3/minute"
    vote = voting_round(client, organizer, slips=3)
    assert cast(client, vote, vote.codes[0], vote.ballot("high")).status_code == 201
    assert cast(client, vote, vote.codes[1], vote.ballot("high")).status_code == 201
    statuses = [cast(client, vote, new_code(os.urandom(10)), vote.ballot()).status_code for _ in range(4)]
    assert statuses == [403, 403, 403, 429]
    limited = cast(client, vote, vote.codes[2], vote.ballot("low"))
    assert limited.status_code == 429 and limited.headers["Retry-After"]
    assert client.get(f"{vote.path}/turnout").json()["returned"] == 2


@contextmanager
def statements(connection: Connection) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(*args: object) -> None:
        seen.append(str(args[2]).split()[0])

    event.listen(connection, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(connection, "before_cursor_execute", count)


def test_an_unknown_code_a_spent_code_and_a_paper_one_cost_the_same_statements(
    client: TestClient, organizer: Headers, connection: Connection
) -> None:
    vote = voting_round(client, organizer, slips=2)
    assert cast(client, vote, vote.codes[0], vote.ballot("high")).status_code == 201
    client.post(f"{vote.path}/slips/paper", json={"code": vote.codes[1]}, headers=organizer)
    with statements(connection) as spent:
        assert cast(client, vote, vote.codes[0], vote.ballot("low")).status_code == 403
    with statements(connection) as on_paper:
        assert cast(client, vote, vote.codes[1], vote.ballot("low")).status_code == 403
    with statements(connection) as unknown:
        assert cast(client, vote, new_code(os.urandom(10)), vote.ballot("low")).status_code == 403
    assert spent == on_paper == unknown and "UPDATE" in spent


def test_a_round_opened_without_slips_has_no_online_voting(client: TestClient, organizer: Headers) -> None:
    round_id = prepared_round(client, organizer)
    open_round(client, organizer, round_id)
    assert client.get(f"/api/v1/rounds/{round_id}/turnout").json() == {"issued": 0, "returned": 0}
    late = client.post(f"/api/v1/rounds/{round_id}/slips?format=json", json={"count": 2}, headers=organizer)
    assert late.status_code == 409
