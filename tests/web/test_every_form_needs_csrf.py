"""Every form a page posts is refused without its CSRF token, whoever is logged in: a page route
added later without the check fails here."""

from __future__ import annotations

import importlib
import pkgutil
import re

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from page_helpers import log_in, make_user
from sqlalchemy.orm import Session

import app.web

UNKNOWN = "00000000-0000-4000-8000-000000000000"


def page_posts() -> list[str]:
    """The POST routes of every page module (app/web/*.py with a router)."""
    found = []
    for module_info in pkgutil.iter_modules(app.web.__path__):
        router = getattr(importlib.import_module(f"app.web.{module_info.name}"), "router", None)
        for route in getattr(router, "routes", []):
            if isinstance(route, APIRoute) and "POST" in route.methods:
                found.append(re.sub(r"\{[^}]+\}", UNKNOWN, route.path))
    return found


def test_every_page_form_is_refused_without_its_csrf_token(pages: TestClient, session: Session) -> None:
    posts = page_posts()
    assert "/rounds/" + UNKNOWN + "/paper-entry" in posts and "/import" in posts and len(posts) >= 20
    log_in(pages, make_user(session))
    for path in posts:
        answer = pages.post(path, data={"anything": "1"}, follow_redirects=False)
        assert answer.status_code == 403, (path, answer.status_code)
        assert "CSRF" in answer.text or "tải lại trang" in answer.text, path
