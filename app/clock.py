"""The shell's clock; the rule core never reads time itself, and tests override this."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from ballots.calendar import VIETNAM_TZ


@dataclass(frozen=True)
class Clock:
    fixed: datetime | None = None

    def now(self) -> datetime:
        return self.fixed if self.fixed is not None else datetime.now(UTC)

    def today(self) -> date:
        """The legal day is the day in Vietnam."""
        return self.now().astimezone(VIETNAM_TZ).date()
