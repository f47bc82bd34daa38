"""A unit of work that writes, run whole in one trip to the thread pool.

The request-scoped session (app/deps.py ``SessionDep``) costs a thread hop for the handler and
another for the commit. The cast, the request that comes by the hundred a second, does its work
and its commit in a single hop instead, after waiting for a write turn in the event loop like every
other writer (``write_turn``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from typing import TypeVar

import anyio
from sqlalchemy.orm import Session, sessionmaker

from .db import transaction

T = TypeVar("T")
P = TypeVar("P")


@dataclass(frozen=True)
class WriteUnit:
    turns: anyio.Semaphore
    factory: sessionmaker[Session]
    # SQLite (one process serves it): writers of this kind take turns on a mutex before BEGIN, handed
    # over at once, where SQLite's own busy handler would have them sleep and poll for its lock.
    serial: threading.Lock | None = None

    async def run(self, prepare: Callable[[], P], work: Callable[[Session, P], T]) -> T:
        """``prepare()`` (no database: sealing, hashing), then ``work(session, prepared)`` in a
        transaction that commits when it returns and rolls back when it raises. Shielded: a client
        that hangs up does not cut a transaction short."""

        def inside() -> T:
            ready = prepare()
            with self.serial or nullcontext(), transaction(self.factory) as session:
                return work(session, ready)

        async with self.turns:
            with anyio.CancelScope(shield=True):
                result = await anyio.to_thread.run_sync(inside)
        return result
