"""Plans ("kế hoạch")."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..models import Plan, Round
from .common import page


def search(
    session: Session, *, vote_year: int | None, q: str | None, include_archived: bool, limit: int, offset: int
) -> tuple[list[Plan], int]:
    stmt = select(Plan).order_by(Plan.vote_year.desc(), Plan.number)
    if vote_year is not None:
        stmt = stmt.where(Plan.vote_year == vote_year)
    if q:
        stmt = stmt.where(or_(Plan.number.ilike(f"%{q}%"), Plan.title.ilike(f"%{q}%")))
    if not include_archived:
        stmt = stmt.where(Plan.archived_at.is_(None))
    return page(session, stmt, limit, offset)


def by_number(session: Session, number: str) -> Plan | None:
    return session.scalar(select(Plan).where(Plan.number == number))


def round_count(session: Session, plan_id: str) -> int:
    return session.scalar(select(func.count()).select_from(Round).where(Round.plan_id == plan_id)) or 0
