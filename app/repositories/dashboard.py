"""What the plan dashboard reads."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..models import Candidate, Round


def live_rounds(session: Session, plan_id: str) -> list[Round]:
    stmt = (
        select(Round)
        .where(Round.plan_id == plan_id, Round.archived_at.is_(None))
        .order_by(Round.vote_date, Round.title)
        .options(selectinload(Round.unit), selectinload(Round.candidates).selectinload(Candidate.cadre))
    )
    return list(session.scalars(stmt))
