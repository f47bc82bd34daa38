"""Fifty casts of one code at the same moment against a real server store exactly one ballot."""

from __future__ import annotations

from live import Live
from test_concurrent_writes import server_errors
from voting import one_code_cast_at_once


def test_fifty_casts_of_one_code_at_once_store_exactly_one_ballot(live: Live) -> None:
    casts = one_code_cast_at_once(live.base, live.token, 50)
    assert casts.statuses.count(201) == 1, (casts.statuses, server_errors(live))
    winner = casts.receipts[casts.statuses.index(201)]
    # The identical request again answers the same receipt; anything else is refused (or throttled).
    assert {r for s, r in zip(casts.statuses, casts.receipts, strict=True) if s == 200} <= {winner}
    assert set(casts.statuses) <= {200, 201, 403, 429}, casts.statuses
    assert casts.board == [winner]
    assert casts.turnout == {"issued": 2, "returned": 1}
