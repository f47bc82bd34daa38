"""A server killed with SIGKILL in the middle of 500 casts loses no ballot and doubles none.

Clients cast 500 ballots with 500 distinct codes, 40 at a time; once 150 receipts have come back,
the whole uvicorn process group (supervisor and workers) is killed with SIGKILL, so requests in
flight die at any point of their transaction. The server is restarted on the same database and
port; every client that got no answer sends its identical request again, which answers either the
receipt of a ballot committed before the kill (200) or a ballot cast now (201).
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from live import add_users, client, fresh_database, start
from sqlalchemy import func, select
from voting import open_voting_round

from app.db import make_engine
from app.models import Ballot, Credential, CredentialState

CASTS, AT_ONCE, KILL_AFTER = 500, 40, 150
WORKERS = {"postgresql": 2, "sqlite": 1}


@dataclass(frozen=True)
class Answer:
    status: int | None  # None: no answer (the server died, or was dead)
    receipt: str | None


async def cast_all(
    url: str, bodies: list[dict[str, Any]], on_answer: Callable[[int], None] = lambda _: None
) -> list[Answer]:
    """Post every body, AT_ONCE at a time; ``on_answer(n)`` after the n-th answer."""
    answers: list[Answer | None] = [None] * len(bodies)
    queue = iter(range(len(bodies)))
    answered = 0
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout) as session:

        async def voter() -> None:
            nonlocal answered
            for i in queue:
                try:
                    async with session.post(url, json=bodies[i]) as response:
                        body = await response.json(content_type=None)
                        answers[i] = Answer(response.status, body.get("receipt"))
                except (aiohttp.ClientError, TimeoutError):
                    answers[i] = Answer(None, None)
                    continue
                answered += 1
                on_answer(answered)

        await asyncio.gather(*(voter() for _ in range(AT_ONCE)))
    return [a if a is not None else Answer(None, None) for a in answers]


def stored(url: str, round_id: str) -> tuple[int, int]:
    """Ballots stored and credentials spent online, read from the database itself."""
    engine = make_engine(url)
    with engine.connect() as conn:
        ballots = conn.scalar(select(func.count()).select_from(Ballot).where(Ballot.round_id == round_id))
        spent = conn.scalar(
            select(func.count())
            .select_from(Credential)
            .where(Credential.round_id == round_id, Credential.state == CredentialState.ONLINE)
        )
    engine.dispose()
    return int(ballots or 0), int(spent or 0)


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_a_server_killed_mid_vote_keeps_every_receipt_it_gave_and_doubles_no_ballot(
    backend: str, tmp_path: Path
) -> None:
    with fresh_database(backend, tmp_path) as url:
        token = add_users(url, ["tochuc"])[0]
        log = tmp_path / "server.log"
        server = start(url, log, workers=WORKERS[backend])
        try:
            round_id, codes, rows = open_voting_round(server.base, token, CASTS, cadres=5)
            draw = random.Random(500)
            levels = ["high", "medium", "low", None]
            bodies = [{"code": c, "choices": {r: draw.choice(levels) for r in rows}} for c in codes]
            ballots_url = f"{server.base}/api/v1/rounds/{round_id}/ballots"

            def kill_midway(answered: int) -> None:
                if answered == KILL_AFTER:
                    server.kill()

            first = asyncio.run(cast_all(ballots_url, bodies, kill_midway))
            assert server.process.returncode is not None, "the server was never killed"
            port = int(server.base.rsplit(":", 1)[1])
            server = start(url, log, workers=WORKERS[backend], port=port)

            given = {i: a.receipt for i, a in enumerate(first) if a.status in (200, 201) and a.receipt}
            assert {a.status for a in first} <= {201, None}, log.read_text()[-3000:]
            assert len(given) >= KILL_AFTER
            lost = [i for i, a in enumerate(first) if a.status is None]
            assert lost, "the kill came after every answer: nothing was in flight"
            # After the restart, the receipts given are there, and none more than once.
            with client(server.base) as c:
                board = c.get(f"/api/v1/rounds/{round_id}/board").json()["receipts"]
            assert set(given.values()) <= set(board)
            assert len(board) == len(set(board)) == stored(url, round_id)[0]
            assert stored(url, round_id)[0] == stored(url, round_id)[1]

            retried = asyncio.run(cast_all(ballots_url, [bodies[i] for i in lost]))
            assert {a.status for a in retried} <= {200, 201}, log.read_text()[-3000:]
            committed_unanswered = [i for i, a in zip(lost, retried, strict=True) if a.status == 200]
            assert all(a.receipt in board for a in retried if a.status == 200), (
                "a retry answered a receipt that was not on the board before it"
            )
            given |= {i: a.receipt for i, a in zip(lost, retried, strict=True) if a.receipt}

            with client(server.base) as c:
                board = c.get(f"/api/v1/rounds/{round_id}/board").json()["receipts"]
                turnout = c.get(f"/api/v1/rounds/{round_id}/turnout").json()
        finally:
            server.stop()
        # Every code cast exactly once: one receipt per code, all distinct, all on the board.
        assert len(given) == CASTS
        assert len(set(given.values())) == CASTS
        assert sorted(given.values()) == board
        assert stored(url, round_id) == (CASTS, CASTS)
        assert turnout == {"issued": CASTS, "returned": CASTS}
        print(
            f"{backend}: {len(first) - len(lost)} answered before the kill, {len(lost)} unanswered, "
            f"{len(committed_unanswered)} of them committed (200 on retry)"
        )
