"""Uploaded sheets waiting for their save (app/models/import_draft.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..models import ImportDraft


def get_own(session: Session, draft_id: str, user_id: str) -> ImportDraft | None:
    return session.scalar(
        select(ImportDraft).where(ImportDraft.id == draft_id, ImportDraft.user_id == user_id)
    )


def delete_older_than(session: Session, moment: datetime) -> None:
    session.execute(delete(ImportDraft).where(ImportDraft.created_at < moment))
