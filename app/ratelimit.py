"""Attempt limits in this process's memory (the ``limits`` library): logins now, code entry later.

Several workers each keep their own counts; with more than one, point ``limits`` at Redis instead.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from .errors import TooManyRequests


@lru_cache(maxsize=64)
def _rate(rate: str) -> RateLimitItem:
    return parse(rate)


class Throttle:
    """Counts attempts per key (an address, a user name) in a moving window."""

    def __init__(self) -> None:
        self._storage = MemoryStorage()
        self._limiter = MovingWindowRateLimiter(self._storage)

    def hit(self, rate: str, *key: str, message: str) -> None:
        """Count one attempt; refuse it when the window is already full."""
        if not self._limiter.hit(_rate(rate), *key):
            raise self._refusal(rate, key, message)

    def check(self, rate: str, *key: str, message: str) -> None:
        """Refuse when the window is full, without counting this attempt."""
        if not self._limiter.test(_rate(rate), *key):
            raise self._refusal(rate, key, message)

    @contextmanager
    def failures(
        self, rate: str, *key: str, message: str, counted: type[Exception] = Exception
    ) -> Iterator[None]:
        """Refuse when too many failures were counted; count the block's failure (of the ``counted``
        kind) if it fails. Successes are not counted, so a person is not locked out by using it."""
        self.check(rate, *key, message=message)
        try:
            yield
        except counted:
            self._limiter.hit(_rate(rate), *key)
            raise

    def reset(self) -> None:
        self._storage.reset()

    def _refusal(self, rate: str, key: tuple[str, ...], message: str) -> TooManyRequests:
        stats = self._limiter.get_window_stats(_rate(rate), *key)
        retry_after = max(1, math.ceil(stats.reset_time - time.time()))
        return TooManyRequests(
            f"{message}; try again in {retry_after} s", retry_after, details={"limit": rate}
        )
