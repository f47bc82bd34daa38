"""No password, password hash, token or token hash reaches any log, SQLAlchemy's included."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import errors
from app.clock import Clock
from app.models.user import ApiToken, User
from app.security import hash_token
from app.services import auth

Headers = dict[str, str]


@pytest.fixture
def every_log(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Everything at DEBUG on the root logger and on SQLAlchemy's (which it sets to WARNING itself),
    set up before the database connection is opened so that each statement is logged too."""
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")
    yield caplog


def test_logins_users_tokens_revocations_and_integrity_errors_log_no_secret(
    every_log: pytest.LogCaptureFixture, client: TestClient, admin: Headers, session: Session, clock: Clock
) -> None:
    secrets: list[str] = [admin["Authorization"].removeprefix("Bearer ")]
    created = client.post("/api/v1/users", json={"username": "nhatky", "role": "organizer"}, headers=admin)
    password = created.json()["password"]
    secrets.append(password)
    wrong = client.post("/api/v1/auth/token", json={"username": "nhatky", "password": "sai-mat-khau-1"})
    assert wrong.status_code == 401
    secrets.append("sai-mat-khau-1")
    token = client.post("/api/v1/auth/token", json={"username": "nhatky", "password": password}).json()[
        "token"
    ]
    secrets.append(token)
    _, other = auth.create_token(session, "nhatky", clock.now(), name="script")
    session.commit()
    secrets.append(other)
    mine = {"Authorization": f"Bearer {token}"}
    listed = client.get("/api/v1/auth/tokens", headers=mine).json()
    assert client.delete(f"/api/v1/auth/tokens/{listed[1]['id']}", headers=mine).status_code == 204
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {other}"}).status_code == 401

    # A duplicate token hash: the database's own message would quote the value.
    user = session.scalar(select(User).where(User.username == "nhatky"))
    assert user is not None
    secrets.append(user.password_hash)
    secrets.extend(hash_token(s) for s in (token, other, secrets[0]))
    try:
        with session.begin_nested():
            session.add(
                ApiToken(user_id=user.id, token_hash=hash_token(token), scopes=[], expires_at=clock.now())
            )
            session.flush()
    except IntegrityError as exc:
        errors._integrity_error(None, exc)  # type: ignore[arg-type]
    else:
        pytest.fail("the duplicate token hash was accepted")

    logged = every_log.text + "".join(repr(r.args) for r in every_log.records)
    assert "integrity error" in logged and "INSERT INTO api_tokens" in logged  # the logs were captured
    leaked = [s[:12] for s in secrets if s in logged]
    assert leaked == []
