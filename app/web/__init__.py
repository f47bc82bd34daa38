"""The web pages: server-rendered, Vietnamese first, no script, every asset served from here."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from . import (
    auth_pages,
    cadre_pages,
    conference_pages,
    errors,
    import_pages,
    paper_entry_pages,
    plan_pages,
    result_pages,
    round_member_pages,
    round_pages,
    unit_pages,
    vote_documents,
    vote_pages,
)

STATIC = Path(__file__).resolve().parent.parent / "static"


def install(app: FastAPI) -> None:
    """Call after app/errors.py's ``install``: page routes get HTML errors in place of JSON."""
    app.mount("/assets", StaticFiles(directory=STATIC), name="assets")
    app.include_router(auth_pages.router)
    app.include_router(plan_pages.router)
    app.include_router(unit_pages.router)
    app.include_router(cadre_pages.router)
    app.include_router(import_pages.router)
    app.include_router(round_pages.router)
    app.include_router(round_member_pages.router)
    app.include_router(result_pages.router)
    app.include_router(conference_pages.router)
    app.include_router(paper_entry_pages.router)
    app.include_router(vote_pages.router)
    app.include_router(vote_documents.router)
    errors.install(app)
