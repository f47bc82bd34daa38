"""Declarative base with named constraints, and the column helpers every model shares."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from sqlalchemy import DateTime, Dialect, MetaData, String, TypeDecorator, event
from sqlalchemy import Enum as SAEnum
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import DeclarativeBase, InstrumentedAttribute, Mapped, mapped_column

from ballots.names import search_key, sort_key

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A moment stored in UTC and always read back with its zone: SQLite keeps no zone of its own."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.utcoffset() is None:
            raise ValueError("a stored moment must carry its time zone")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def str_enum(enum: type[Enum], name: str) -> SAEnum:
    """Store an enum by its value in a plain string column, checked by a named constraint."""
    return SAEnum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def id_column() -> Mapped[str]:
    return mapped_column(String(36), primary_key=True, default=new_id)


def created_column() -> Mapped[datetime]:
    return mapped_column(UtcDateTime(), default=utcnow, nullable=False)


def updated_column() -> Mapped[datetime]:
    return mapped_column(UtcDateTime(), default=utcnow, onupdate=utcnow, nullable=False)


def archived_column() -> Mapped[datetime | None]:
    return mapped_column(UtcDateTime(), nullable=True)


# A byte-wise collation on PostgreSQL (SQLite's BINARY already is): the key is built to sort that way,
# while a locale collation would skip its separators and misorder names.
SORT_KEY_TYPE = String(600).with_variant(String(600, collation="C"), "postgresql")


def _sort_key_default(context: DefaultExecutionContext) -> str:
    # Bulk INSERTs that give only the name (the benchmark, imports) still get their key.
    parameters: dict[str, Any] = context.get_current_parameters()  # type: ignore[no-untyped-call]
    return sort_key(parameters["full_name"])


def sort_key_column() -> Mapped[str]:
    """The name's place in Vietnamese order (ballots.names), kept in step with ``full_name``."""
    return mapped_column(SORT_KEY_TYPE, default=_sort_key_default, nullable=False)


def keep_sort_key(full_name: InstrumentedAttribute[str]) -> None:
    """Recompute ``sort_key`` whenever ``full_name`` is set, on creation and on every change."""

    def update(target: Any, value: Any, _old: Any, _initiator: Any) -> None:
        if isinstance(value, str):
            target.sort_key = sort_key(value)

    event.listen(full_name, "set", update)


def search_key_column(source: str) -> Mapped[str]:
    """``source`` typed without marks (ballots.names.search_key): what a search without diacritics
    matches. Bulk INSERTs that give only ``source`` still get their key."""

    def default(context: DefaultExecutionContext) -> str:
        parameters: dict[str, Any] = context.get_current_parameters()  # type: ignore[no-untyped-call]
        return search_key(parameters[source])

    return mapped_column(String(600), default=default, nullable=False)


def keep_search_key(source: InstrumentedAttribute[str]) -> None:
    """Recompute ``search_key`` whenever ``source`` is set, on creation and on every change."""

    def update(target: Any, value: Any, _old: Any, _initiator: Any) -> None:
        if isinstance(value, str):
            target.search_key = search_key(value)

    event.listen(source, "set", update)


__all__: list[Any] = ["Base", "new_id", "str_enum", "utcnow"]
