"""Drive the ASGI app directly with a body produced lazily, chunk by chunk.

The test client reads a whole request body into memory before sending it; a 300 MB body must instead
be generated as it is consumed, and the test needs to know how much of it the server pulled.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import anyio
from starlette.types import ASGIApp, Message

CHUNK = b"x" * 65536


@dataclass
class Exchange:
    pulled: int = 0  # body bytes the server asked for
    messages: list[Message] = field(default_factory=list)

    @property
    def status(self) -> int:
        return int(next(m["status"] for m in self.messages if m["type"] == "http.response.start"))

    @property
    def body(self) -> bytes:
        return b"".join(m.get("body", b"") for m in self.messages if m["type"] == "http.response.body")

    @property
    def headers(self) -> dict[str, str]:
        start = next(m for m in self.messages if m["type"] == "http.response.start")
        return {k.decode().lower(): v.decode() for k, v in start["headers"]}


def megabytes(n: int) -> Iterator[bytes]:
    """``n`` MiB of body, one shared 64 KiB chunk at a time: nothing is allocated up front."""
    for _ in range(n * 16):
        yield CHUNK


def send(app: ASGIApp, path: str, headers: dict[str, str], chunks: Iterator[bytes]) -> Exchange:
    exchange = Exchange()

    async def receive() -> Message:
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        exchange.pulled += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def record(message: Message) -> None:
        exchange.messages.append(message)

    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    anyio.run(app, scope, receive, record)
    return exchange
