"""The one place where refusals become HTTP answers: ``{"error": {"code", "message", "details"}}``."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ballots.errors import (
    BallotsError,
    Conflict,
    InvalidInput,
    NotFound,
    PermissionDenied,
    RuleViolation,
)

log = logging.getLogger(__name__)


class Unauthenticated(PermissionDenied):
    """No valid credentials came with the request."""

    code = "unauthenticated"


class PayloadTooLarge(InvalidInput):
    code = "payload_too_large"


class TooManyRequests(BallotsError):
    """Too many attempts from one address or at one name; ``retry_after`` is in seconds."""

    code = "too_many_requests"

    def __init__(self, message: str, retry_after: int, *, details: dict[str, Any] | None = None) -> None:
        super().__init__(message, details={**(details or {}), "retry_after": retry_after})
        self.retry_after = retry_after


STATUS: tuple[tuple[type[BallotsError], int], ...] = (
    (Unauthenticated, 401),
    (PayloadTooLarge, 413),
    (TooManyRequests, 429),
    (NotFound, 404),
    (Conflict, 409),
    (PermissionDenied, 403),
    (InvalidInput, 422),
    (RuleViolation, 422),
)


def status_for(exc: BallotsError) -> int:
    return next((status for cls, status in STATUS if isinstance(exc, cls)), 400)


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details if details is not None else {}}}


def _ballots_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, BallotsError)
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, Unauthenticated) else None
    if isinstance(exc, TooManyRequests):
        headers = {"Retry-After": str(exc.retry_after)}
    return JSONResponse(
        error_body(exc.code, exc.message, exc.details), status_code=status_for(exc), headers=headers
    )


def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [
        {"field": ".".join(str(p) for p in err["loc"] if p != "body"), "message": err["msg"]}
        for err in exc.errors()
    ]
    summary = "; ".join(f"{p['field'] or 'body'}: {p['message']}" for p in problems)
    return JSONResponse(
        error_body("invalid_input", f"The request is not valid: {summary}", {"fields": problems}),
        status_code=422,
    )


def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    return JSONResponse(
        error_body(code, str(exc.detail)), status_code=exc.status_code, headers=getattr(exc, "headers", None)
    )


def describe_safely(exc: Exception) -> str:
    """What failed, without the values: PostgreSQL's message repeats them ("Key (token_hash)=(…)"),
    and the statement's parameters may hold password or token hashes."""
    orig = getattr(exc, "orig", None)
    diag = getattr(orig, "diag", None)
    if diag is not None:  # psycopg: the SQLSTATE and the names of what was involved
        parts = {
            "sqlstate": getattr(orig, "sqlstate", None),
            "table": diag.table_name,
            "column": diag.column_name,
            "constraint": diag.constraint_name,
        }
        return ", ".join(f"{k}={v}" for k, v in parts.items() if v)
    # SQLite names the constraint or the column, never the value ("UNIQUE constraint failed: t.c").
    return f"{type(orig or exc).__name__}: {str(orig).splitlines()[0] if orig else ''}"


def _integrity_error(_request: Request, exc: Exception) -> JSONResponse:
    # Services check first; this is the backstop for races between two requests.
    log.warning("integrity error: %s", describe_safely(exc))
    return JSONResponse(
        error_body(
            "conflict", "The change conflicts with existing data (a duplicate or a missing reference)."
        ),
        status_code=409,
    )


def _data_error(_request: Request, exc: Exception) -> JSONResponse:
    # The database refused a value the schemas let through (a NUL character, a number out of range).
    log.warning("data error: %s", describe_safely(exc))
    return JSONResponse(
        error_body(
            "invalid_input",
            "A value is not acceptable to the database (a control character or an "
            "out-of-range number); correct it and try again.",
        ),
        status_code=422,
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(BallotsError, _ballots_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(IntegrityError, _integrity_error)
    app.add_exception_handler(DataError, _data_error)
