"""``create_app(settings)``: the FastAPI application with its database, clock and error handling."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from fastapi import APIRouter, FastAPI
from starlette.types import ASGIApp

from . import docs, errors, log_redaction, web
from .clock import Clock
from .db import make_engine, make_sessionmaker
from .middleware.body_limit import BodyLimitMiddleware
from .middleware.security_headers import SecurityHeadersMiddleware
from .ratelimit import Throttle
from .routers import API_ROUTERS, ballot_box, health
from .security import limit_concurrent_hashing, use_fast_password_hashing
from .services.casting import Boxes
from .settings import Settings, get_settings

DESCRIPTION = """
Tín nhiệm runs confidence votes ("lấy phiếu tín nhiệm") on leadership cadres: plans, rounds,
eligibility, the legal calendar, anonymous ballots and verifiable results.

Authenticate with `Authorization: Bearer <token>` (create one with `tinnhiem token create`).
Errors are JSON: `{"error": {"code": "...", "message": "...", "details": ...}}`.
"""


class TinNhiem(FastAPI):
    def build_middleware_stack(self) -> ASGIApp:
        # Outside Starlette's ServerErrorMiddleware, so that a 500 carries the headers too.
        return SecurityHeadersMiddleware(super().build_middleware_stack())


def create_app(settings: Settings | None = None, clock: Clock | None = None) -> FastAPI:
    settings = settings or get_settings()
    log_redaction.install()  # before the first request: no voting code in the access log
    use_fast_password_hashing(settings.fast_password_hashing)
    limit_concurrent_hashing(settings.password_hash_concurrency)
    engine = make_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = TinNhiem(
        title="Tín nhiệm",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # replaced by pages served with their own assets (app/docs.py)
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    app.state.clock = clock or Clock()
    app.state.throttle = Throttle()
    app.state.write_turns = anyio.Semaphore(settings.write_concurrency)
    app.state.boxes = Boxes()
    app.state.serial_writes = threading.Lock() if engine.dialect.name == "sqlite" else None
    errors.install(app)
    app.include_router(ballot_box.router)  # first: the route hit hardest is matched first
    # Security headers wrap everything (TinNhiem above), the body limit's refusals included.
    app.add_middleware(BodyLimitMiddleware, settings=lambda: app.state.settings)
    docs.install(app)
    app.include_router(health.router)
    api = APIRouter(prefix="/api/v1")
    for router in API_ROUTERS:
        api.include_router(router)
    app.include_router(api)
    web.install(app)
    return app
