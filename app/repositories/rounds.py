"""Rounds and their roster, candidates and counting committee."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ballots.levels import Rulebook

from ..models import Candidate, CommitteeMember, RosterEntry, Round
from ..models.plan import RoundStatus
from .common import page


def search(
    session: Session,
    *,
    plan_id: str | None,
    unit_id: str | None,
    status: RoundStatus | None,
    rulebook: Rulebook | None,
    date_from: date | None,
    date_to: date | None,
    include_archived: bool,
    limit: int,
    offset: int,
) -> tuple[list[Round], int]:
    stmt = select(Round).order_by(Round.vote_date, Round.title, Round.id)
    filters = {Round.plan_id: plan_id, Round.unit_id: unit_id, Round.status: status, Round.rulebook: rulebook}
    for column, value in filters.items():
        if value is not None:
            stmt = stmt.where(column == value)
    if date_from is not None:
        stmt = stmt.where(Round.vote_date >= date_from)
    if date_to is not None:
        stmt = stmt.where(Round.vote_date <= date_to)
    if not include_archived:
        stmt = stmt.where(Round.archived_at.is_(None))
    return page(session, stmt, limit, offset)


def next_position(
    session: Session, model: type[RosterEntry | Candidate | CommitteeMember], round_id: str
) -> int:
    current = session.scalar(select(func.max(model.position)).where(model.round_id == round_id))
    return (current or 0) + 1
