"""Fixtures shared by the DB and API tests: every database test runs on SQLite and PostgreSQL.

Each database is built by migrating (never ``create_all``); each test runs inside a transaction that
is rolled back afterwards, and the app's request sessions join it through savepoints.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import Connection, Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock
from app.db import make_engine
from app.main import create_app
from app.migrate import upgrade
from app.models.user import Role
from app.services import auth
from app.settings import Settings

# Subprocesses (the CLI tests) inherit this: argon2 at production cost would dominate the suite.
os.environ.setdefault("TINNHIEM_FAST_PASSWORD_HASHING", "true")

POSTGRES_URL = os.environ.get(
    "TINNHIEM_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
# A fixed "now" so calendars are reproducible: 1 June 2027, 09:00 in Vietnam.
NOW = datetime(2027, 6, 1, 2, 0, tzinfo=UTC)
BACKENDS = ["sqlite", "postgresql"]
TEST_SECRET = "test-secret-" + "x" * 32


def _create_postgres_database() -> str:
    """A fresh database per test session, so parallel runs and old schemas never collide."""
    admin = make_url(POSTGRES_URL)
    name = f"tinnhiem_test_{uuid.uuid4().hex[:12]}"
    dsn = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin.set(database=name).render_as_string(hide_password=False)


def _drop_postgres_database(url: str) -> None:
    admin = make_url(POSTGRES_URL).set(drivername="postgresql").render_as_string(hide_password=False)
    name = make_url(url).database
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if request.param == "sqlite":
        path: Path = tmp_path_factory.mktemp("db") / "test.db"
        url = f"sqlite:///{path}"
        upgrade(url)
        yield url
        return
    url = _create_postgres_database()
    try:
        upgrade(url)
        yield url
    finally:
        _drop_postgres_database(url)


@pytest.fixture(params=BACKENDS)
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no schema at all, for the migration tests."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    url = _create_postgres_database()
    try:
        yield url
    finally:
        _drop_postgres_database(url)


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn:
        outer = conn.begin()
        yield conn
        outer.rollback()


@pytest.fixture
def session_factory(connection: Connection) -> sessionmaker[Session]:
    return sessionmaker(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)


@pytest.fixture
def session(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    with session_factory() as s:
        yield s


@pytest.fixture
def clock() -> Clock:
    return Clock(fixed=NOW)


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        environment="test",
        database_url=database_url,
        secret_key=SecretStr(TEST_SECRET),
        upload_max_bytes=64 * 1024,
        fast_password_hashing=True,
    )


@pytest.fixture(scope="session")
def app_client(database_url: str) -> Iterator[TestClient]:
    """One app per database for the whole run; each test gives it its own settings, clock and session."""
    app = create_app(
        Settings(
            environment="test",
            database_url=database_url,
            secret_key=SecretStr(TEST_SECRET),
            fast_password_hashing=True,
        )
    )
    with TestClient(app) as c:
        yield c


@pytest.fixture
def client(
    app_client: TestClient, settings: Settings, clock: Clock, session_factory: sessionmaker[Session]
) -> TestClient:
    state = app_client.app.state  # type: ignore[attr-defined]
    state.settings = settings
    state.clock = clock
    state.sessionmaker = session_factory
    state.throttle.reset()  # attempt counts are in memory: each test starts with none
    app_client.cookies.clear()
    return app_client


@pytest.fixture
def headers_for(session: Session, clock: Clock) -> Callable[[Role], dict[str, str]]:
    """``headers_for(Role.ORGANIZER)``: the Authorization header of a fresh user with that role."""

    def make(role: Role) -> dict[str, str]:
        user, _ = auth.create_user(session, f"{role.value}-{uuid.uuid4().hex[:8]}", role, password="x" * 12)
        _, secret = auth.create_token(session, user.username, clock.now())
        session.commit()
        return {"Authorization": f"Bearer {secret}"}

    return make


@pytest.fixture
def organizer(headers_for: Callable[[Role], dict[str, str]]) -> dict[str, str]:
    return headers_for(Role.ORGANIZER)


@pytest.fixture
def admin(headers_for: Callable[[Role], dict[str, str]]) -> dict[str, str]:
    return headers_for(Role.ADMIN)


@pytest.fixture
def observer(headers_for: Callable[[Role], dict[str, str]]) -> dict[str, str]:
    return headers_for(Role.OBSERVER)
