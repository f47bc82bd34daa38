"""The one query that tells whether the database answers."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def database_kind(session: Session) -> str:
    """Runs a trivial query (so an unreachable database fails here) and names the database."""
    session.execute(text("SELECT 1"))
    return session.get_bind().dialect.name
