"""A unit of work that writes, run whole in one trip to the thread pool.

The request-scoped session (app/deps.py ``SessionDep``) costs a thread hop for the handler and
another for the commit. The cast, the request that comes by the hundred a second, does its work
and its commit in a single hop instead, after waiting for a write turn in the event loop like every
other writer (``write_turn``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

import anyio
from sqlalchemy.orm import Session, sessionmaker

from .db import transaction

T = TypeVar("T")


def _in_transaction(factory: sessionmaker[Session], work: Callable[[Session], T]) -> T:
    with transaction(factory) as session:
        return work(session)


@dataclass(frozen=True)
class WriteUnit:
    turns: anyio.Semaphore
    factory: sessionmaker[Session]

    async def run(self, work: Callable[[Session], T]) -> T:
        """``work(session)`` in a transaction that commits when it returns and rolls back when it
        raises. Shielded: a client that hangs up does not cut a transaction short."""
        async with self.turns:
            with anyio.CancelScope(shield=True):
                result = await anyio.to_thread.run_sync(partial(_in_transaction, self.factory, work))
        return result
