"""Closing and counting raced by real concurrent clients: one close wins, every count answers the
same signed result, and nothing answers 500."""

from __future__ import annotations

from live import Live, client, concurrently
from test_concurrent_writes import server_errors
from voting import open_voting_round


def _voted(live: Live) -> str:
    """An open round (two summoned, two slips). Nothing is cast: this server's earlier tests spent the
    address's budget of refused codes, and a count races the same with or without ballots."""
    round_id, _codes, _rows = open_voting_round(live.base, live.token, slips=2)
    return round_id


def test_ten_closes_at_once_one_wins_the_others_get_409(live: Live) -> None:
    round_id = _voted(live)

    def close(_: int) -> int:
        with client(live.base, live.token) as c:
            return c.post(f"/api/v1/rounds/{round_id}/close", json={"present": 2}).status_code

    statuses = concurrently(10, close)
    assert sorted(statuses) == [200] + [409] * 9, (statuses, server_errors(live))


def test_ten_counts_at_once_give_one_result(live: Live) -> None:
    round_id = _voted(live)
    with client(live.base, live.token) as c:
        assert c.post(f"/api/v1/rounds/{round_id}/close", json={"present": 2}).status_code == 200

    def count(_: int) -> tuple[int, bytes]:
        with client(live.base, live.token) as c:
            answer = c.post(f"/api/v1/rounds/{round_id}/count")
            return answer.status_code, answer.content

    answers = concurrently(10, count)
    assert {status for status, _ in answers} == {200}, (answers, server_errors(live))
    assert len({body for _, body in answers}) == 1  # the same signed document, whoever counted
    with client(live.base) as c:
        keys = c.get("/api/v1/keys").json()["keys"]
    assert len([k for k in keys if k["retired_at"] is None]) == 1  # one signing key, made once
