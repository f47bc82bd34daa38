"""Calendar documents of rounds. File contents are deferred: only a download loads them."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, undefer

from ballots.calendar import Milestone

from ..models import Document, Round
from ..models.plan import RoundStatus
from .common import page


class Timing(NamedTuple):
    """What the dashboard needs of a document to tell a deadline met or missed."""

    round_id: str
    kind: Milestone
    cadre_id: str | None
    submitted_at: datetime


def _of_round(round_id: str, kind: Milestone | None, cadre_id: str | None) -> Select[Document]:
    stmt = select(Document).where(Document.round_id == round_id).order_by(Document.submitted_at, Document.id)
    if kind is not None:
        stmt = stmt.where(Document.kind == kind)
    if cadre_id is not None:
        stmt = stmt.where(Document.cadre_id == cadre_id)
    return stmt


def of_round(
    session: Session, round_id: str, kind: Milestone | None = None, cadre_id: str | None = None
) -> list[Document]:
    return list(session.scalars(_of_round(round_id, kind, cadre_id)))


def search(
    session: Session,
    round_id: str,
    *,
    kind: Milestone | None,
    cadre_id: str | None,
    limit: int,
    offset: int,
) -> tuple[list[Document], int]:
    return page(session, _of_round(round_id, kind, cadre_id), limit, offset)


def with_file(session: Session, document_id: str) -> Document | None:
    return session.scalar(
        select(Document).where(Document.id == document_id).options(undefer(Document.file_data))
    )


def timings_of_plan(session: Session, plan_id: str, statuses: Collection[RoundStatus]) -> list[Timing]:
    """The timing of every document of the plan's live rounds in these statuses, in one query."""
    rounds = select(Round.id).where(
        Round.plan_id == plan_id, Round.archived_at.is_(None), Round.status.in_(list(statuses))
    )
    stmt = (
        select(Document.round_id, Document.kind, Document.cadre_id, Document.submitted_at)
        .where(Document.round_id.in_(rounds))
        .order_by(Document.submitted_at, Document.id)
    )
    return [Timing(*row) for row in session.execute(stmt)]


def for_voters(
    session: Session, round_id: str, cadre_ids: Collection[str], kinds: Collection[Milestone]
) -> list[Document]:
    """The round's documents of these cadres and kinds (the files stay unloaded)."""
    stmt = _of_round(round_id, None, None).where(
        Document.cadre_id.in_(list(cadre_ids)), Document.kind.in_(list(kinds))
    )
    return list(session.scalars(stmt))


def voter_copy(
    session: Session,
    round_id: str,
    document_id: str,
    cadre_ids: Collection[str],
    kinds: Collection[Milestone],
) -> Document | None:
    stmt = (
        select(Document)
        .where(
            Document.id == document_id,
            Document.round_id == round_id,
            Document.cadre_id.in_(list(cadre_ids)),
            Document.kind.in_(list(kinds)),
        )
        .options(undefer(Document.file_data))
    )
    return session.scalar(stmt)
