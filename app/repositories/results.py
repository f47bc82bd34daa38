"""Stored results: one round's, a cadre's across rounds, a plan's; and the keys that signed them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..models import Candidate, Round, RoundResult, SigningKey


def stored(session: Session, round_id: str) -> RoundResult | None:
    return session.get(RoundResult, round_id)


def signing_key(session: Session, key_id: str) -> SigningKey | None:
    return session.get(SigningKey, key_id)


def round_with_committee(session: Session, round_id: str) -> Round | None:
    stmt = select(Round).where(Round.id == round_id).options(selectinload(Round.committee))
    return session.scalar(stmt)


def of_cadre(session: Session, cadre_id: str) -> list[tuple[RoundResult, Round]]:
    """Every counted round the cadre was voted on in, oldest first."""
    stmt = (
        select(RoundResult, Round)
        .join(Round, Round.id == RoundResult.round_id)
        .join(Candidate, Candidate.round_id == Round.id)
        .where(Candidate.cadre_id == cadre_id)
        .order_by(Round.vote_date, Round.id)
    )
    return [(result, round_) for result, round_ in session.execute(stmt)]


def of_plan(session: Session, plan_id: str) -> dict[str, RoundResult]:
    """The stored results of a plan's rounds, by round id."""
    stmt = select(RoundResult).join(Round, Round.id == RoundResult.round_id).where(Round.plan_id == plan_id)
    return {r.round_id: r for r in session.scalars(stmt)}


def plan_rounds(session: Session, plan_id: str) -> list[Round]:
    """A plan's live rounds by vote date, their units loaded in the same read (no query per round)."""
    stmt = (
        select(Round)
        .where(Round.plan_id == plan_id, Round.archived_at.is_(None))
        .options(selectinload(Round.unit))
        .order_by(Round.vote_date, Round.id)
    )
    return list(session.scalars(stmt))
