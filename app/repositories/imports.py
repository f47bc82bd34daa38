"""Lookups the spreadsheet import and export need, in one query each."""

from __future__ import annotations

import zlib

from sqlalchemy import func, select
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


def lock_sheet(session: Session, sheet: str) -> None:
    """Imports of one kind of sheet take turns until the transaction ends.

    An import decides "new person or known one" by name and birth date across the whole table; two
    imports at once would each find nobody and store everyone twice. A unique index cannot say it
    (two genuine namesakes born the same day may be entered by hand), so the import locks instead:
    a PostgreSQL advisory lock; SQLite writers already hold the write lock from BEGIN IMMEDIATE.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(zlib.crc32(f"tinnhiem.import.{sheet}".encode()))))
