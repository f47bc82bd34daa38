"""What the plan dashboard reads: narrow rows of the plan's live rounds and candidates.

The dashboard shows counts, deadlines and names, never whole rounds: reading columns instead of
ORM objects keeps a 300-round plan to a few milliseconds of database work and a fixed number of
queries.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from ballots.levels import Rulebook

from ..models import Cadre, Candidate, Round
from ..models.plan import RoundStatus


class RoundRow(NamedTuple):
    id: str
    title: str
    vote_date: date
    status: RoundStatus
    rulebook: Rulebook
    unit_id: str


class CandidateRow(NamedTuple):
    round_id: str
    cadre_id: str
    eligible: bool
    reasons: list[dict[str, Any]]
    full_name: str
    sort_key: str
    standing_committee_unit_id: str | None


def live_rounds(session: Session, plan_id: str) -> list[RoundRow]:
    stmt = (
        select(Round.id, Round.title, Round.vote_date, Round.status, Round.rulebook, Round.unit_id)
        .where(Round.plan_id == plan_id, Round.archived_at.is_(None))
        .order_by(Round.vote_date, Round.title)
    )
    return [RoundRow(*row) for row in session.execute(stmt)]


def live_candidates(session: Session, plan_id: str) -> list[CandidateRow]:
    """Every candidate of the plan's live rounds with the cadre's name, in ballot order per round."""
    stmt = (
        select(
            Candidate.round_id,
            Candidate.cadre_id,
            Candidate.eligible,
            Candidate.reasons,
            Cadre.full_name,
            Cadre.sort_key,
            Cadre.standing_committee_unit_id,
        )
        .join(Cadre, Cadre.id == Candidate.cadre_id)
        .join(Round, Round.id == Candidate.round_id)
        .where(Round.plan_id == plan_id, Round.archived_at.is_(None))
        .order_by(Candidate.round_id, Candidate.position)
    )
    return [CandidateRow(*row) for row in session.execute(stmt)]
