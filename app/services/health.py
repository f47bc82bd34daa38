"""Liveness and readiness of the service."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..repositories import health as repo


def status(session: Session) -> dict[str, str]:
    return {"status": "ok", "database": repo.database_kind(session)}
