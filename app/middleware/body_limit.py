"""Refuse request bodies over their limit while they are read, before any parsing or authentication.

FastAPI reads (and for multipart, spools to disk) the whole body before it resolves the token, so
the limit has to sit in front of it: a declared ``Content-Length`` over the limit is answered at
once, and a streamed body is counted message by message and cut off as soon as it passes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import error_body
from ..settings import Settings

SPREADSHEET_IMPORTS = "/api/v1/spreadsheets/import/"
# The import page's upload (app/web/import_pages.py).
IMPORT_PAGE = "/import"


@dataclass(frozen=True)
class Limit:
    bytes: int
    what: str  # named in the refusal, with the setting that changes it


def limit_for(path: str, content_type: str, settings: Settings) -> Limit:
    """Uploads get their file limit plus room for the form's text fields; everything else the
    general body limit."""
    if path.startswith(SPREADSHEET_IMPORTS) or path == IMPORT_PAGE:
        return Limit(
            settings.import_max_bytes + settings.body_max_bytes,
            f"a spreadsheet import (TINNHIEM_IMPORT_MAX_BYTES = {settings.import_max_bytes} bytes "
            "for the file)",
        )
    if content_type.startswith("multipart/form-data"):
        return Limit(
            settings.upload_max_bytes + settings.body_max_bytes,
            f"an upload (TINNHIEM_UPLOAD_MAX_BYTES = {settings.upload_max_bytes} bytes for the file)",
        )
    return Limit(settings.body_max_bytes, "a request body (TINNHIEM_BODY_MAX_BYTES)")


class BodyTooLarge(Exception):
    """Raised into the application from ``receive`` to stop it reading any further."""


def _header(scope: Scope, name: bytes) -> str:
    return next((v.decode("latin-1") for k, v in scope["headers"] if k.lower() == name), "")


async def _refuse(send: Send, limit: Limit) -> None:
    message = (
        f"The request is larger than the limit of {limit.bytes} bytes ({limit.bytes // 1024} KiB) "
        f"for {limit.what}; send less."
    )
    body = json.dumps(error_body("payload_too_large", message, {"limit_bytes": limit.bytes})).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                # The rest of the body is never read: the connection cannot be reused.
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, settings: Callable[[], Settings]) -> None:
        self.app = app
        self.settings = settings  # read per request: tests swap the settings of a running app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = limit_for(scope["path"], _header(scope, b"content-type"), self.settings())
        declared = _header(scope, b"content-length")
        if declared.isdigit() and int(declared) > limit.bytes:
            await _refuse(send, limit)
            return

        received = 0
        refused = started = False

        async def counting_receive() -> Message:
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit.bytes:
                    refused = True
                    raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the application's answer to the cut-off body (a 400) is replaced by ours
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not refused:
                raise
        if refused and not started:
            await _refuse(send, limit)
