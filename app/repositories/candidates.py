"""Candidates of rounds, looked up across a plan for the place rules.

Each lookup takes a set of cadres or rounds and answers in one query, so re-assessing a round of
50 candidates costs the same number of statements as a round of 3.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager, selectinload

from ..models import Cadre, Candidate, CommitteeMember, Plan, Round
from .common import page


def of_cadre_in_plan(session: Session, cadre_id: str, plan_id: str) -> list[Candidate]:
    """Every live nomination of a cadre in a plan (archived rounds do not count)."""
    stmt = (
        select(Candidate)
        .join(Round, Candidate.round_id == Round.id)
        .where(Candidate.cadre_id == cadre_id, Round.plan_id == plan_id, Round.archived_at.is_(None))
        .options(contains_eager(Candidate.round))
    )
    return list(session.scalars(stmt))


def live_of_cadres(session: Session, cadre_ids: Collection[str]) -> list[Candidate]:
    """Every live nomination of these cadres, in every plan, with its round."""
    stmt = (
        select(Candidate)
        .join(Round, Candidate.round_id == Round.id)
        .where(Candidate.cadre_id.in_(list(cadre_ids)), Round.archived_at.is_(None))
        .options(contains_eager(Candidate.round))
    )
    return list(session.scalars(stmt))


def cadres_with_posts(session: Session, cadre_ids: Collection[str]) -> dict[str, Cadre]:
    stmt = select(Cadre).where(Cadre.id.in_(list(cadre_ids))).options(selectinload(Cadre.posts))
    return {c.id: c for c in session.scalars(stmt)}


def committee_cadre_ids(session: Session, round_ids: Collection[str]) -> dict[str, set[str]]:
    """The cadres sitting on each of these rounds' counting committees."""
    stmt = select(CommitteeMember.round_id, CommitteeMember.cadre_id).where(
        CommitteeMember.round_id.in_(list(round_ids)), CommitteeMember.cadre_id.is_not(None)
    )
    found: dict[str, set[str]] = defaultdict(set)
    for round_id, cadre_id in session.execute(stmt):
        if cadre_id is not None:
            found[round_id].add(cadre_id)
    return found


def cadre_ids_in_units(session: Session, unit_ids: Collection[str]) -> set[str]:
    """The cadres nominated in the live rounds held in these units."""
    stmt = (
        select(Candidate.cadre_id)
        .join(Round, Candidate.round_id == Round.id)
        .where(Round.unit_id.in_(list(unit_ids)), Round.archived_at.is_(None))
    )
    return set(session.scalars(stmt))


def nominations(session: Session, cadre_id: str, limit: int, offset: int) -> tuple[list[Candidate], int]:
    """A page of the cadre's candidacies in every plan, with round and plan, by vote date."""
    stmt = (
        select(Candidate)
        .join(Round, Candidate.round_id == Round.id)
        .join(Plan, Round.plan_id == Plan.id)
        .where(Candidate.cadre_id == cadre_id)
        .order_by(Round.vote_date, Plan.number, Round.title, Candidate.id)
        .options(contains_eager(Candidate.round).contains_eager(Round.plan))
    )
    return page(session, stmt, limit, offset)


def kept_places(session: Session, cadre_id: str) -> dict[str, list[str]]:
    """Per plan, the live rounds where the cadre is eligible (holds a place), by vote date."""
    stmt = (
        select(Round.plan_id, Round.id)
        .join(Candidate, Candidate.round_id == Round.id)
        .where(Candidate.cadre_id == cadre_id, Candidate.eligible.is_(True), Round.archived_at.is_(None))
        .order_by(Round.vote_date, Round.id)
    )
    kept: dict[str, list[str]] = defaultdict(list)
    for plan_id, round_id in session.execute(stmt):
        kept[plan_id].append(round_id)
    return kept
