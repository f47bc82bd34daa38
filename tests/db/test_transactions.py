"""Writers queue for each other instead of failing; readers wait for nobody (app.db.transaction)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, func, select

from app.db import make_engine, make_sessionmaker, transaction
from app.migrate import upgrade
from app.models import Unit
from ballots.levels import UnitLevel


@pytest.fixture
def fresh_engine(empty_database_url: str) -> Iterator[Engine]:
    """A database of its own: these tests commit, which the rolled-back test session cannot show."""
    upgrade(empty_database_url)
    engine = make_engine(empty_database_url)
    yield engine
    engine.dispose()


def test_a_second_writer_waits_for_the_first_and_then_succeeds(fresh_engine: Engine) -> None:
    factory = make_sessionmaker(fresh_engine)
    first_holds = threading.Event()
    errors: list[BaseException] = []

    def second() -> None:
        first_holds.wait(5)
        try:
            with transaction(factory) as session:
                session.add(Unit(name="Sở Tư pháp", level=UnitLevel.PROVINCE))
                session.flush()
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=second)
    thread.start()
    with transaction(factory) as session:
        session.add(Unit(name="Sở Tài chính", level=UnitLevel.PROVINCE))
        session.flush()
        first_holds.set()
        time.sleep(0.3)  # the second writer starts meanwhile
    thread.join(10)
    assert errors == []
    with transaction(factory, writes=False) as session:
        assert session.scalar(select(func.count()).select_from(Unit)) == 2


def test_a_reader_does_not_wait_for_a_writer_holding_its_lock(fresh_engine: Engine) -> None:
    factory = make_sessionmaker(fresh_engine)
    with transaction(factory) as writer:
        writer.add(Unit(name="Sở Tài chính", level=UnitLevel.PROVINCE))
        writer.flush()
        started = time.monotonic()
        with transaction(factory, writes=False) as reader:
            # The writer has not committed: the reader sees the database as it was, at once.
            assert reader.scalar(select(func.count()).select_from(Unit)) == 0
        assert time.monotonic() - started < 1


def test_on_sqlite_writers_take_the_write_lock_at_begin_and_readers_do_not(tmp_path: Path) -> None:
    # SQLite's alone: PostgreSQL locks rows as they are written and needs no hint.
    url = f"sqlite:///{tmp_path / 'begin.db'}"
    upgrade(url)
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    with transaction(factory) as session:
        session.scalar(select(func.count()).select_from(Unit))
    with transaction(factory, writes=False) as session:
        session.scalar(select(func.count()).select_from(Unit))
    engine.dispose()
    assert [s for s in seen if s.startswith("BEGIN")] == ["BEGIN IMMEDIATE", "BEGIN"]
