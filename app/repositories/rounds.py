"""Rounds and their roster, candidates and counting committee."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, selectinload

from ballots.levels import Rulebook

from ..models import Candidate, CommitteeMember, RosterEntry, Round
from ..models.plan import RoundStatus
from .common import not_found, page


@dataclass(frozen=True)
class MemberCounts:
    roster: int = 0
    candidates: int = 0
    eligible: int = 0
    committee: int = 0


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
    only: Collection[str] | None = None,
) -> tuple[list[Round], int]:
    # The page shows each round's plan number and unit name: load them with the page, not row by row.
    stmt = (
        select(Round)
        .options(selectinload(Round.plan), selectinload(Round.unit))
        .order_by(Round.vote_date, Round.title, Round.id)
    )
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
    if only is not None:
        stmt = stmt.where(Round.id.in_(list(only)))
    return page(session, stmt, limit, offset)


def member_counts(session: Session, round_ids: Collection[str]) -> dict[str, MemberCounts]:
    """How many summoned voters, candidates (eligible ones too) and committee members each round has.

    Counted in the database so a list of rounds never loads whole rosters.
    """
    if not round_ids:
        return {}
    ids = list(round_ids)
    roster = dict(
        session.execute(
            select(RosterEntry.round_id, func.count())
            .where(RosterEntry.round_id.in_(ids))
            .group_by(RosterEntry.round_id)
        ).all()
    )
    committee = dict(
        session.execute(
            select(CommitteeMember.round_id, func.count())
            .where(CommitteeMember.round_id.in_(ids))
            .group_by(CommitteeMember.round_id)
        ).all()
    )
    eligible_one = case((Candidate.eligible.is_(True), 1), else_=0)
    candidates = {
        round_id: (total, int(eligible or 0))
        for round_id, total, eligible in session.execute(
            select(Candidate.round_id, func.count(), func.sum(eligible_one))
            .where(Candidate.round_id.in_(ids))
            .group_by(Candidate.round_id)
        )
    }
    return {
        rid: MemberCounts(
            roster=roster.get(rid, 0),
            candidates=candidates.get(rid, (0, 0))[0],
            eligible=candidates.get(rid, (0, 0))[1],
            committee=committee.get(rid, 0),
        )
        for rid in ids
    }


def next_position(
    session: Session, model: type[RosterEntry | Candidate | CommitteeMember], round_id: str
) -> int:
    current = session.scalar(select(func.max(model.position)).where(model.round_id == round_id))
    return (current or 0) + 1


def get_for_update(session: Session, round_id: str) -> Round | None:
    """The round, locked until the transaction ends: writers of its members (positions, rosters,
    candidates) and of its status take turns. SQLite ignores FOR UPDATE: its writers already hold
    the database's write lock from BEGIN IMMEDIATE. FOR NO KEY UPDATE: rows that merely refer to
    the round (documents) are still written without waiting."""
    stmt = (
        select(Round)
        .where(Round.id == round_id)
        .with_for_update(key_share=True)
        .execution_options(populate_existing=True)
    )
    return session.scalar(stmt)


def with_candidates(session: Session, round_id: str) -> Round:
    """A round with its candidates and their cadres, in a fixed number of queries whatever its size."""
    stmt = (
        select(Round)
        .where(Round.id == round_id)
        .options(selectinload(Round.candidates).selectinload(Candidate.cadre))
    )
    found = session.scalar(stmt)
    if found is None:
        raise not_found("round", round_id)
    return found
