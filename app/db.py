"""Engines and sessions for SQLite (the embedded default) and PostgreSQL (production)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker


class _HideRows(logging.Filter):
    """At DEBUG, SQLAlchemy logs every result row, and rows hold password and token hashes:
    the statement and the fact of a row stay, the values go (``hide_parameters`` does not cover rows)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith("Row "):
            record.msg, record.args = "Row [values hidden]", ()
        return True


logging.getLogger("sqlalchemy.engine.Engine").addFilter(_HideRows())


def printable_url(url: str) -> str:
    """The URL as it may be logged or printed: the password masked."""
    return make_url(url).render_as_string(hide_password=True)


def normalize_url(url: str) -> str:
    """Let people write ``postgresql://``; we always speak psycopg 3."""
    parsed = make_url(url)
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str, **kwargs: Any) -> Engine:
    url = normalize_url(url)
    # Parameters may be password or token hashes: never in SQLAlchemy's logs or error messages.
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if "poolclass" not in kwargs:
        # Up to 16 writers (write turns) and the readers beside them each hold a connection.
        kwargs.setdefault("pool_size", 20)
        kwargs.setdefault("max_overflow", 20)
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling breaks SAVEPOINT; we emit BEGIN ourselves instead.
    dbapi_connection.isolation_level = None
    # SQLite's own lower() folds ASCII only; searches must match "Đông" when typed "đông".
    dbapi_connection.create_function("lower", 1, _unicode_lower, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _unicode_lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


# An execution option naming how a transaction that writes begins; read by the SQLite listener.
WRITE_OPTION = "tinnhiem_writes"


def _sqlite_begin(connection: Any) -> None:
    # A deferred BEGIN that later writes cannot upgrade its lock while another writer holds it, and
    # SQLite then fails at once instead of waiting: writers take the lock up front and queue within
    # the busy timeout. Readers stay deferred so they never wait for one another.
    writes = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


def begin_session(factory: sessionmaker[Session], *, writes: bool = True) -> Session:
    """A session for one unit of work; no connection is taken and no I/O done until it is used.

    ``writes=False`` for a unit that only reads; on SQLite it then neither takes nor waits for the
    write lock. PostgreSQL needs no hint: its rows are locked as they are written.
    """
    session = factory()
    if writes:
        # The option rides on the bind, so it reaches the connection before its BEGIN, which comes
        # with the first statement: work done before that (a password check) holds no lock.
        session.bind = session.get_bind().execution_options(**{WRITE_OPTION: True})
    return session


def end_session(session: Session, *, commit: bool) -> None:
    """Commit (or roll back) and give the connection back; a failed commit is rolled back and raised."""
    try:
        if commit:
            session.commit()
        else:
            session.rollback()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


@contextmanager
def transaction(factory: sessionmaker[Session], *, writes: bool = True) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error (``begin_session``)."""
    session = begin_session(factory, writes=writes)
    try:
        yield session
    except BaseException:
        end_session(session, commit=False)
        raise
    end_session(session, commit=True)
