"""The one place where refusals become HTTP answers: ``{"error": {"code", "message", "details"}}``."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ballots.errors import (
    BallotsError,
    Conflict,
    InvalidInput,
    NotFound,
    PermissionDenied,
    RuleViolation,
)

from .error_messages import allowed_methods, field_problem, vietnamese_fallback

log = logging.getLogger(__name__)


class Unauthenticated(PermissionDenied):
    """No valid credentials came with the request."""

    code = "unauthenticated"


class CodeRefused(PermissionDenied):
    """A voting code that is unknown, spent, or spent with other choices: one answer for all of them,
    so that trying codes tells nobody which ones were issued or used."""

    code = "code_not_accepted"


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


def error_body(code: str, message: str, details: Any = None, message_vi: str = "") -> dict[str, Any]:
    """``message`` is English and always there; ``message_vi`` says the same to a person in Vietnamese."""
    return {
        "error": {
            "code": code,
            "message": message,
            "message_vi": message_vi or vietnamese_fallback(code, message),
            "details": details if details is not None else {},
        }
    }


def _ballots_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, BallotsError)
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, Unauthenticated) else None
    if isinstance(exc, TooManyRequests):
        headers = {"Retry-After": str(exc.retry_after)}
    return JSONResponse(
        error_body(exc.code, exc.message, exc.details, exc.message_vi),
        status_code=status_for(exc),
        headers=headers,
    )


def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [field_problem(err) for err in exc.errors()]
    summary = "; ".join(f"{p['field'] or 'body'}: {p['message']}" for p in problems)
    summary_vi = "; ".join(f"{p['field'] or 'nội dung'}: {p['message_vi']}" for p in problems)
    return JSONResponse(
        error_body(
            "invalid_input",
            f"The request is not valid: {summary}",
            {"fields": problems},
            f"Yêu cầu chưa hợp lệ: {summary_vi}",
        ),
        status_code=422,
    )


def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(getattr(exc, "headers", None) or {})
    if exc.status_code == 405:
        allowed = allowed_methods(request)
        headers["Allow"] = ", ".join(allowed)
        return JSONResponse(
            error_body(
                "method_not_allowed",
                f"{request.method} is not allowed here; use {' or '.join(allowed)}",
                {"allowed": allowed},
                f"Không dùng được {request.method} ở địa chỉ này; hãy dùng {' hoặc '.join(allowed)}",
            ),
            status_code=405,
            headers=headers,
        )
    code = {404: "not_found"}.get(exc.status_code, "http_error")
    return JSONResponse(
        error_body(code, str(exc.detail)), status_code=exc.status_code, headers=headers or None
    )


# Unique keys a race between two requests can hit (services check them first, with the same words).
# Each with what PostgreSQL (the constraint's name) or SQLite (its columns) puts in the error.
DUPLICATES = (
    (("name_key",), "a unit with this name (ignoring case) already exists there", "name"),
    (("number_key",), "a plan with this number (ignoring case) already exists", "number"),
    (("uq_posts_", "posts.cadre_id"), "the cadre already holds a post of this title in this unit", "title"),
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
    assert isinstance(exc, IntegrityError)
    diag = getattr(exc.orig, "diag", None)
    found = f"{getattr(diag, 'constraint_name', '')} {exc.orig}"
    for markers, message, field in DUPLICATES:
        if any(m in found for m in markers):
            return JSONResponse(
                error_body("conflict", f"{message}; give another one", {"field": field}), status_code=409
            )
    return JSONResponse(
        error_body(
            "conflict", "The change conflicts with existing data (a duplicate or a missing reference)."
        ),
        status_code=409,
    )


# Deadlock, serialization failure, lock not available (PostgreSQL SQLSTATE codes).
CONTENTION_STATES = frozenset({"40P01", "40001", "55P03"})


def _operational_error(_request: Request, exc: Exception) -> JSONResponse:
    # Locks make concurrent writers wait their turn; should one still give up (a busy timeout, a
    # deadlock the database broke), the client is told to try again rather than shown a 500.
    assert isinstance(exc, OperationalError)
    busy = getattr(exc.orig, "sqlstate", None) in CONTENTION_STATES or "database is locked" in str(exc.orig)
    if not busy:
        raise exc
    log.warning("database busy: %s", describe_safely(exc))
    return JSONResponse(
        error_body("busy", "The database is busy with other changes; try again in a moment."),
        status_code=503,
        headers={"Retry-After": "1"},
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
    app.add_exception_handler(OperationalError, _operational_error)
