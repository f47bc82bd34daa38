"""Calendar documents of rounds. File contents are deferred: only a download loads them."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, undefer

from ballots.calendar import Milestone

from ..models import Document
from .common import page


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


def of_rounds(session: Session, round_ids: Collection[str]) -> list[Document]:
    """Every document of these rounds in one query (the dashboard reads all of a plan's rounds)."""
    if not round_ids:
        return []
    stmt = (
        select(Document)
        .where(Document.round_id.in_(list(round_ids)))
        .order_by(Document.submitted_at, Document.id)
    )
    return list(session.scalars(stmt))


def with_file(session: Session, document_id: str) -> Document | None:
    return session.scalar(
        select(Document).where(Document.id == document_id).options(undefer(Document.file_data))
    )
