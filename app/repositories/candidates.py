"""Candidates of rounds, looked up across a plan for the place rules."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..models import Candidate, CommitteeMember, Round


def of_cadre_in_plan(session: Session, cadre_id: str, plan_id: str) -> list[Candidate]:
    """Every live nomination of a cadre in a plan (archived rounds do not count)."""
    stmt = (
        select(Candidate)
        .join(Round, Candidate.round_id == Round.id)
        .where(Candidate.cadre_id == cadre_id, Round.plan_id == plan_id, Round.archived_at.is_(None))
        .options(selectinload(Candidate.round).selectinload(Round.unit))
    )
    return list(session.scalars(stmt))


def of_cadre(session: Session, cadre_id: str) -> list[Candidate]:
    return list(session.scalars(select(Candidate).where(Candidate.cadre_id == cadre_id)))


def committee_cadre_ids(session: Session, round_id: str) -> set[str]:
    stmt = select(CommitteeMember.cadre_id).where(
        CommitteeMember.round_id == round_id, CommitteeMember.cadre_id.is_not(None)
    )
    return {cid for cid in session.scalars(stmt) if cid is not None}


def rounds_in_units(session: Session, unit_ids: set[str]) -> list[Round]:
    stmt = select(Round).where(Round.unit_id.in_(unit_ids), Round.archived_at.is_(None))
    return list(session.scalars(stmt))
