"""A real server for the concurrency tests: uvicorn in a subprocess on a fresh, migrated database.

The savepoint-wrapped session of the other tests serializes everything by construction, so races
can only show against a server with its own connection pool, hit by real concurrent clients.
Also used by tests/benchmarks/concurrency.py to measure before and after.
"""

from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import httpx2 as httpx
import psycopg
from openpyxl import Workbook
from sqlalchemy.engine import make_url

from app.db import make_engine, make_sessionmaker, transaction
from app.migrate import upgrade
from app.models.user import Role
from app.security import use_fast_password_hashing
from app.services import auth

POSTGRES_URL = os.environ.get(
    "TINNHIEM_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
SECRET = "live-secret-" + "x" * 32
PASSWORD = "correct-horse-battery"
T = TypeVar("T")


@dataclass(frozen=True)
class Live:
    """A running server and who may use it."""

    base: str  # e.g. http://127.0.0.1:54321
    token: str  # an organizer's
    usernames: list[str]  # users who may log in with PASSWORD
    log: Path  # the server's output, read when a test fails


@contextmanager
def fresh_database(backend: str, directory: Path) -> Iterator[str]:
    """A migrated database nobody else uses, dropped afterwards."""
    if backend == "sqlite":
        url = f"sqlite:///{directory / f'live-{uuid.uuid4().hex[:8]}.db'}"
        upgrade(url)
        yield url
        return
    admin = make_url(POSTGRES_URL).set(drivername="postgresql")
    name = f"tinnhiem_live_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def add_users(database_url: str, usernames: Sequence[str], role: Role = Role.ORGANIZER) -> list[str]:
    """Users with the password ``PASSWORD``; returns a bearer token for each."""
    use_fast_password_hashing(True)
    engine = make_engine(database_url)
    tokens = []
    with transaction(make_sessionmaker(engine)) as session:
        for name in usernames:
            auth.create_user(session, name, role, password=PASSWORD)
            _, secret = auth.create_token(session, name, datetime.now(UTC), days=30)
            tokens.append(secret)
    engine.dispose()
    return tokens


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Server:
    """A uvicorn process group (the supervisor and its workers) serving one database."""

    process: subprocess.Popen[bytes]
    base: str

    def kill(self) -> None:
        """SIGKILL to the whole group, as a power cut would: no shutdown, no rollback, no flush."""
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()
        with suppress(ProcessLookupError):  # workers left behind by a supervisor that died
            os.killpg(self.process.pid, signal.SIGKILL)


def start(
    database_url: str,
    log: Path,
    *,
    source: Path | None = None,
    workers: int = 1,
    port: int | None = None,
    app: str = "app.main:create_app",
    pythonpath: Path | None = None,
) -> Server:
    """Start uvicorn on 127.0.0.1 (in its own process group) and wait until it answers /healthz.

    ``source``: serve the app of another checkout (the benchmark's "before"); ``app`` and
    ``pythonpath``: serve another app factory (the benchmarks' bare endpoint); ``port``: the same
    address again after a restart.
    """
    port = port or _free_port()
    env = os.environ | {
        "TINNHIEM_DATABASE_URL": database_url,
        "TINNHIEM_ENVIRONMENT": "test",
        "TINNHIEM_SECRET_KEY": SECRET,
        "TINNHIEM_FAST_PASSWORD_HASHING": "true",
    }
    path = [str(p) for p in (source, pythonpath) if p is not None]
    if path:
        env["PYTHONPATH"] = os.pathsep.join(path)
    command = [sys.executable, "-m", "uvicorn", app, "--factory", "--workers", str(workers)]
    with log.open("ab") as output:
        process = subprocess.Popen(
            [*command, "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            env=env,
            cwd=source,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(process, f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{server.base}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            server.kill()
            raise RuntimeError(f"the live server did not start (exit code {process.poll()})")
        time.sleep(0.1)


@contextmanager
def serve(database_url: str, log: Path, *, source: Path | None = None, workers: int = 1) -> Iterator[str]:
    """The app served by uvicorn on 127.0.0.1, its output in ``log``; yields its base URL."""
    server = start(database_url, log, source=source, workers=workers)
    try:
        yield server.base
    finally:
        server.stop()


def concurrently(count: int, call: Callable[[int], T]) -> list[T]:
    """Run ``call(0..count-1)`` in as many threads, released together by a barrier."""
    barrier = threading.Barrier(count)

    def run(i: int) -> T:
        barrier.wait(timeout=30)
        return call(i)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def client(base: str, token: str | None = None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(base_url=base, headers=headers, timeout=60)


def created(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def workbook(rows: Sequence[Sequence[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
