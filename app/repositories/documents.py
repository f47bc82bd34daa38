"""Calendar documents of rounds."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from ballots.calendar import Milestone

from ..models import Document


def of_round(
    session: Session, round_id: str, kind: Milestone | None = None, cadre_id: str | None = None
) -> list[Document]:
    stmt = select(Document).where(Document.round_id == round_id).order_by(Document.submitted_at, Document.id)
    if kind is not None:
        stmt = stmt.where(Document.kind == kind)
    if cadre_id is not None:
        stmt = stmt.where(Document.cadre_id == cadre_id)
    return list(session.scalars(stmt))


def with_file(session: Session, document_id: str) -> Document | None:
    return session.scalar(
        select(Document).where(Document.id == document_id).options(undefer(Document.file_data))
    )
