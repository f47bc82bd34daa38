"""The demo's round held this morning: voted, closed, counted and published through the very services
the API calls, so the results page, the results API and the signature show real numbers at once."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from ballots.levels import Level

from ..models import Round, RoundStatus
from ..services import casting, closing, counting, publication, slips, voting
from ..services import rounds as round_service
from . import data


def count_and_publish(session: Session, round_: Round, today: date, now: datetime, secret: bytes) -> str:
    """Open the round, cast ``COUNTED_BALLOTS``, close, count and publish it; its id."""
    round_service.change_status(
        session, round_.id, RoundStatus.SCHEDULED, data.OVERRIDE_REASON, today, secret
    )
    codes = slips.issue_slips(session, round_.id, None, secret)
    round_service.change_status(session, round_.id, RoundStatus.OPEN, None, today, secret)
    cadre_ids = [row.cadre_id for row in voting.ballot_paper(session, round_.id).rows]
    for code, marks in zip(codes, data.COUNTED_BALLOTS, strict=False):
        choices = {c: Level(mark) if mark else None for c, mark in zip(cadre_ids, marks, strict=True)}
        casting.cast(session, round_.id, code, choices, secret)
    figures = closing.CloseIn(present=data.COUNTED_PRESENT, paper_issued=0, unused_count=data.COUNTED_UNUSED)
    closing.close(session, round_.id, figures, secret)
    counting.count(session, round_.id, None, secret, now)
    publication.publish(session, round_.id, now)
    return round_.id
