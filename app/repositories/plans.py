"""Plans ("kế hoạch")."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ballots.records import name_key

from ..models import Plan, Round
from .common import contains, page


def search(
    session: Session, *, vote_year: int | None, q: str | None, include_archived: bool, limit: int, offset: int
) -> tuple[list[Plan], int]:
    stmt = select(Plan).order_by(Plan.vote_year.desc(), Plan.number, Plan.id)
    if vote_year is not None:
        stmt = stmt.where(Plan.vote_year == vote_year)
    if q:
        pattern = contains(q)
        stmt = stmt.where(
            or_(Plan.number.ilike(pattern, escape="\\"), Plan.title.ilike(pattern, escape="\\"))
        )
    if not include_archived:
        stmt = stmt.where(Plan.archived_at.is_(None))
    return page(session, stmt, limit, offset)


def by_number(session: Session, number: str) -> Plan | None:
    """The plan with this number, whatever the letter case: "96-kh/tu" is still 96-KH/TU."""
    return session.scalar(select(Plan).where(Plan.number_key == name_key(number)))


def round_count(session: Session, plan_id: str) -> int:
    return session.scalar(select(func.count()).select_from(Round).where(Round.plan_id == plan_id)) or 0


def live_round_years(session: Session, plan_id: str) -> dict[int, int]:
    """How many rounds of the plan that are not archived fall in each calendar year."""
    dates = session.scalars(
        select(Round.vote_date).where(Round.plan_id == plan_id, Round.archived_at.is_(None))
    )
    years: dict[int, int] = {}
    for day in dates:
        years[day.year] = years.get(day.year, 0) + 1
    return years


def live_round_counts(session: Session, plan_ids: list[str]) -> dict[str, int]:
    """How many rounds that are not archived each plan has, in one query."""
    stmt = (
        select(Round.plan_id, func.count())
        .where(Round.plan_id.in_(plan_ids), Round.archived_at.is_(None))
        .group_by(Round.plan_id)
    )
    return {row[0]: row[1] for row in session.execute(stmt)}
