from __future__ import annotations

from datetime import date, datetime

from ballots.calendar import Milestone

from .common import Strict


class DocumentOut(Strict):
    id: str
    round_id: str
    cadre_id: str | None
    kind: Milestone
    title: str
    body: str
    submitted_by: str
    submitted_at: datetime
    file_name: str | None
    content_type: str | None
    file_size: int | None
    file_sha256: str | None
    deadline: date
    on_time: bool
    days_late: int
