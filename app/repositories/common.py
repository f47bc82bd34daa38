"""Helpers every repository uses: fetching by id or refusing, and paging a query."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ballots.errors import NotFound

M = TypeVar("M")


class Archivable(Protocol):
    archived_at: datetime | None


A = TypeVar("A", bound=Archivable)


KINDS_VI = {
    "plan": "kế hoạch",
    "unit": "đơn vị",
    "cadre": "cán bộ",
    "round": "hội nghị",
    "document": "tài liệu",
    "post": "chức vụ",
    "user": "người dùng",
}


def not_found(what: str, entity_id: str) -> NotFound:
    return NotFound(
        f"no {what} with id '{entity_id}'",
        message_vi=f"Không tìm thấy {KINDS_VI.get(what, what)} có mã '{entity_id}'",
        details={"id": entity_id, "kind": what},
    )


def get_or_404(session: Session, model: type[M], entity_id: str, what: str) -> M:
    found = session.get(model, entity_id)
    if found is None:
        raise not_found(what, entity_id)
    return found


def contains(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with its own % and _ taken literally (ESCAPE '\\')."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def page(session: Session, stmt: Select[Any], limit: int, offset: int) -> tuple[list[Any], int]:
    """One page of ``stmt`` and how many rows match in all."""
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    items = list(session.scalars(stmt.limit(limit).offset(offset)))
    return items, total


def stage(session: Session, entity: object) -> None:
    """Add to the unit of work without writing yet (bulk loads write once, at the next flush)."""
    session.add(entity)


def flush(session: Session) -> None:
    session.flush()


def refresh(session: Session, entity: object) -> None:
    session.refresh(entity)


def add(session: Session, entity: M) -> M:
    session.add(entity)
    session.flush()
    return entity


def add_all(session: Session, entities: Sequence[object]) -> None:
    session.add_all(entities)
    session.flush()


def delete(session: Session, entity: object) -> None:
    session.delete(entity)
    session.flush()


def archive(session: Session, entity: A, now: datetime) -> A:
    """Archiving keeps the record (and anything that refers to it); the first date stands."""
    entity.archived_at = entity.archived_at or now
    session.flush()
    return entity


@contextmanager
def trial(session: Session) -> Iterator[None]:
    """Run writes to see whether they would succeed, then undo them (a savepoint rolled back)."""
    nested = session.begin_nested()
    try:
        yield
    finally:
        nested.rollback()
