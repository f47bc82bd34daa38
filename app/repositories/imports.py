"""Lookups the spreadsheet import and export need, in one query each."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..models import Cadre, Post


def cadres_with_posts(session: Session, *, active_only: bool = False) -> list[Cadre]:
    """Cadres with their posts and units loaded, in a stable order (an export is the same twice)."""
    stmt = (
        select(Cadre)
        .options(selectinload(Cadre.posts).selectinload(Post.unit))
        .order_by(Cadre.sort_key, Cadre.date_of_birth, Cadre.id)
    )
    if active_only:
        stmt = stmt.where(Cadre.archived_at.is_(None))
    return list(session.scalars(stmt))
