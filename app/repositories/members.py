"""Pages of a round's summoned voters, candidates and counting committee, in Vietnamese name order.

Each page is two queries (the count and the rows) plus, for candidates, one for the cadres' posts:
the same for a roster of 5 as of 5,000.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager, selectinload

from ..models import Cadre, Candidate, CommitteeMember, RosterEntry
from .common import page


def roster(session: Session, round_id: str, limit: int, offset: int) -> tuple[list[RosterEntry], int]:
    stmt = (
        select(RosterEntry)
        .where(RosterEntry.round_id == round_id)
        .order_by(RosterEntry.sort_key, RosterEntry.position, RosterEntry.id)
    )
    return page(session, stmt, limit, offset)


def candidates(session: Session, round_id: str, limit: int, offset: int) -> tuple[list[Candidate], int]:
    """Candidates with their cadres and the cadres' posts (the page names the posts voted on)."""
    stmt = (
        select(Candidate)
        .join(Cadre, Cadre.id == Candidate.cadre_id)
        .where(Candidate.round_id == round_id)
        .order_by(Cadre.sort_key, Candidate.position, Candidate.id)
        .options(contains_eager(Candidate.cadre).selectinload(Cadre.posts))
    )
    return page(session, stmt, limit, offset)


def committee(session: Session, round_id: str, limit: int, offset: int) -> tuple[list[CommitteeMember], int]:
    stmt = (
        select(CommitteeMember)
        .where(CommitteeMember.round_id == round_id)
        .order_by(CommitteeMember.sort_key, CommitteeMember.position, CommitteeMember.id)
        .options(selectinload(CommitteeMember.user))
    )
    return page(session, stmt, limit, offset)
