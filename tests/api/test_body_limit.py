"""Request bodies are refused past their limit while being read: before authentication, before disk."""

from __future__ import annotations

import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from typing import Any

import pytest
from asgi_driver import CHUNK, megabytes, send
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Document

BAD_TOKEN = {"Authorization": "Bearer tn_forged"}
MIB = 1024 * 1024


def test_a_300_mb_streamed_json_body_is_refused_at_the_limit_with_memory_bounded(client: TestClient) -> None:
    limit = client.app.state.settings.body_max_bytes  # type: ignore[attr-defined]
    tracemalloc.start()
    started = time.perf_counter()
    try:
        exchange = send(client.app, "/api/v1/plans", {"content-type": "application/json"}, megabytes(300))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert exchange.status == 413  # not 401: the body is refused before the token is looked at
    assert exchange.pulled <= limit + len(CHUNK)
    assert peak < 16 * MIB
    assert time.perf_counter() - started < 5
    body = exchange.body.decode()
    assert '"payload_too_large"' in body and str(limit) in body
    assert exchange.headers["x-content-type-options"] == "nosniff"


def test_a_declared_length_over_the_limit_is_refused_without_reading_the_body(client: TestClient) -> None:
    def never() -> Iterator[bytes]:
        raise AssertionError("the body was read")
        yield b""

    exchange = send(
        client.app,
        "/api/v1/auth/token",
        {"content-type": "application/json", "content-length": str(300 * MIB)},
        never(),
    )
    assert exchange.status == 413 and exchange.pulled == 0


def test_a_json_body_over_the_limit_gets_a_json_413_naming_the_limit(client: TestClient) -> None:
    response = client.post(
        "/api/v1/auth/token",
        content=b"{" + b" " * (2 * MIB) + b"}",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "payload_too_large"
    assert "TINNHIEM_BODY_MAX_BYTES" in error["message"] and error["details"]["limit_bytes"] == MIB


def test_an_upload_over_the_limit_with_a_bad_token_is_refused_and_nothing_is_written(
    client: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    spooled: list[Any] = []
    real = tempfile.TemporaryFile
    monkeypatch.setattr(tempfile, "TemporaryFile", lambda *a, **k: spooled.append(1) or real(*a, **k))
    settings = client.app.state.settings  # type: ignore[attr-defined]
    too_big = b"%PDF-" + b"0" * (settings.upload_max_bytes + settings.body_max_bytes)
    response = client.post(
        "/api/v1/rounds/any/documents",
        data={"kind": "report", "title": "Báo cáo"},
        files={"file": ("bao-cao.pdf", too_big, "application/pdf")},
        headers=BAD_TOKEN,
    )
    assert response.status_code == 413
    assert "TINNHIEM_UPLOAD_MAX_BYTES" in response.json()["error"]["message"]
    assert session.scalar(select(func.count()).select_from(Document)) == 0
    assert spooled == []


def test_a_streamed_upload_without_a_length_is_cut_off_before_it_reaches_the_disk(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    spooled: list[Any] = []
    real = tempfile.TemporaryFile
    monkeypatch.setattr(tempfile, "TemporaryFile", lambda *a, **k: spooled.append(1) or real(*a, **k))
    app: Any = client.app
    app.state.settings = app.state.settings.model_copy(update={"body_max_bytes": 64 * 1024})
    boundary = "tinnhiem"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n%PDF-"
    ).encode()

    def body() -> Iterator[bytes]:
        yield head
        yield from megabytes(300)

    exchange = send(
        client.app,
        "/api/v1/rounds/any/documents",
        {"content-type": f"multipart/form-data; boundary={boundary}", **BAD_TOKEN},
        body(),
    )
    assert exchange.status == 413
    limit = app.state.settings.upload_max_bytes + app.state.settings.body_max_bytes
    assert exchange.pulled <= limit + len(CHUNK)
    assert spooled == []  # under Starlette's 1 MiB in-memory spool: no temporary file was made
