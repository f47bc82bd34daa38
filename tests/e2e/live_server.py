"""A live uvicorn on 127.0.0.1 over a migrated SQLite file, for the browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(database_url: str, log: Path | None = None) -> Iterator[str]:
    """The base address of a server on ``database_url`` (already migrated), stopped afterwards;
    with ``log``, everything it writes (the access log included) goes to that file."""
    port = free_port()
    out = log.open("wb") if log else subprocess.DEVNULL
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory", "--port", str(port)],
        env={**os.environ, "TINNHIEM_DATABASE_URL": database_url},
        stdout=out,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
        if log:
            out.close()  # type: ignore[union-attr]
