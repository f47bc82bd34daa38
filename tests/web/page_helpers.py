"""Helpers of the page tests: users, the CSRF field of a page, logging in through the form."""

from __future__ import annotations

import re
import uuid

from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy.orm import Session

from app.models.user import Role
from app.services import auth

PASSWORD = "mat-khau-du-dai"
CSRF = re.compile(r'name="csrf" value="([^"]*)"')


def make_user(session: Session, role: Role = Role.ORGANIZER) -> str:
    user, _ = auth.create_user(session, f"{role.value}-{uuid.uuid4().hex[:8]}", role, password=PASSWORD)
    session.commit()
    return user.username


def csrf_of(response: Response) -> str:
    found = CSRF.search(response.text)
    assert found, "the page has no CSRF field"
    return found.group(1)


def log_in(pages: TestClient, username: str, password: str = PASSWORD) -> Response:
    form = pages.get("/login")
    return pages.post(
        "/login",
        data={"csrf": csrf_of(form), "username": username, "password": password},
        follow_redirects=False,
    )


def post_form(pages: TestClient, page_path: str, action: str, **fields: str) -> Response:
    """Send a page's form the way the browser would: with the CSRF field it carries."""
    token = csrf_of(pages.get(page_path))
    return pages.post(action, data={"csrf": token, **fields}, follow_redirects=False)
