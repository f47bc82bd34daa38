"""Logins: throttled per address and per name, no faster for unknown names, hashing bounded."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app import security
from app.services import auth

Headers = dict[str, str]


def configure(client: TestClient, **changes: Any) -> None:
    app: Any = client.app
    app.state.settings = app.state.settings.model_copy(update=changes)


def new_user(client: TestClient, admin: Headers, name: str) -> str:
    response = client.post("/api/v1/users", json={"username": name, "role": "observer"}, headers=admin)
    assert response.status_code == 201
    return str(response.json()["password"])


def login(client: TestClient, username: str, password: str, **extra: Any) -> Any:
    return client.post("/api/v1/auth/token", json={"username": username, "password": password, **extra})


def test_failed_logins_on_one_name_are_refused_with_429_and_retry_after(
    client: TestClient, admin: Headers
) -> None:
    configure(client, login_rate_per_user="3/minute")
    password = new_user(client, admin, "nan1")
    assert [login(client, "nan1", "wrong-password").status_code for _ in range(3)] == [401] * 3
    refused = login(client, "NAN1", password)  # even the right password, under any spelling of the name
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "too_many_requests"
    assert 1 <= int(refused.headers["retry-after"]) <= 60


def test_successful_logins_do_not_count_against_the_name(client: TestClient, admin: Headers) -> None:
    configure(client, login_rate_per_user="2/minute")
    password = new_user(client, admin, "nan2")
    assert [login(client, "nan2", password).status_code for _ in range(4)] == [201] * 4


def test_every_attempt_counts_against_the_address(client: TestClient) -> None:
    configure(client, login_rate_per_address="5/minute")
    answers = [login(client, f"ai-{n}", "wrong-password").status_code for n in range(6)]
    assert answers == [401] * 5 + [429]


def test_an_unknown_name_costs_the_same_password_check_as_a_wrong_password(
    client: TestClient, admin: Headers, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_user(client, admin, "nan3")
    security.verify_password(None, "warm up the dummy hash")
    checks: list[str] = []
    real = security._hasher

    class Counting:
        def verify(self, password_hash: str, password: str) -> bool:
            checks.append(password_hash)
            return real.verify(password_hash, password)

        def hash(self, password: str) -> str:
            return real.hash(password)

    monkeypatch.setattr(security, "_hasher", Counting())
    assert login(client, "nan3", "wrong-password").status_code == 401
    assert login(client, "khong-co-ai", "wrong-password").status_code == 401
    assert len(checks) == 2 and all(h.startswith("$argon2") for h in checks)


def test_a_disabled_user_gets_the_same_answer_as_a_wrong_password(client: TestClient, admin: Headers) -> None:
    password = new_user(client, admin, "nan4")

    session = client.app.state.sessionmaker()  # type: ignore[attr-defined]
    auth.set_active(session, "nan4", False)
    session.commit()
    response = login(client, "nan4", password)
    assert (
        response.status_code == 401 and response.json()["error"]["message"] == "wrong user name or password"
    )


def test_no_more_hashes_run_at_once_than_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    security.limit_concurrent_hashing(2)
    running = peak = 0
    lock = threading.Lock()
    real = security._hasher

    class Slow:
        def verify(self, password_hash: str, password: str) -> bool:
            nonlocal running, peak
            with lock:
                running += 1
                peak = max(peak, running)
            time.sleep(0.05)
            with lock:
                running -= 1
            return real.verify(password_hash, password)

        def hash(self, password: str) -> str:
            return real.hash(password)

    stored = real.hash("correct horse battery")
    monkeypatch.setattr(security, "_hasher", Slow())
    with ThreadPoolExecutor(max_workers=12) as pool:
        list(pool.map(lambda _: security.verify_password(stored, "wrong"), range(12)))
    assert peak == 2


def test_a_login_token_lives_at_most_the_configured_days(client: TestClient, admin: Headers) -> None:
    password = new_user(client, admin, "nan5")
    refused = login(client, "nan5", password, days=91)
    assert refused.status_code == 422
    assert "TINNHIEM_TOKEN_MAX_DAYS" in refused.json()["error"]["message"]
    configure(client, token_max_days=365)
    assert login(client, "nan5", password, days=365).status_code == 201


def test_a_user_lists_and_revokes_their_own_tokens_and_revocation_is_immediate(
    client: TestClient, admin: Headers, headers_for: Callable[[Any], Headers]
) -> None:
    password = new_user(client, admin, "nan6")
    first = login(client, "nan6", password).json()["token"]
    second = login(client, "nan6", password).json()["token"]
    mine = {"Authorization": f"Bearer {first}"}
    listed = client.get("/api/v1/auth/tokens", headers=mine)
    assert listed.status_code == 200 and listed.headers["cache-control"] == "no-store"
    tokens = listed.json()
    assert len(tokens) == 2 and [t["current"] for t in tokens] == [True, False]
    assert first not in listed.text and second not in listed.text and "hash" not in listed.text
    other = {"Authorization": f"Bearer {second}"}
    assert client.delete(f"/api/v1/auth/tokens/{tokens[1]['id']}", headers=mine).status_code == 204
    assert client.get("/api/v1/me", headers=other).status_code == 401
    assert client.get("/api/v1/me", headers=mine).status_code == 200
    revoked = client.get("/api/v1/auth/tokens", headers=mine).json()[1]
    assert revoked["revoked_at"] is not None


def test_nobody_revokes_another_users_token(client: TestClient, admin: Headers) -> None:
    password = new_user(client, admin, "nan7")
    token = login(client, "nan7", password).json()["token"]
    victim = {"Authorization": f"Bearer {token}"}
    token_id = client.get("/api/v1/auth/tokens", headers=victim).json()[0]["id"]
    assert client.delete(f"/api/v1/auth/tokens/{token_id}", headers=admin).status_code == 404
    assert client.get("/api/v1/me", headers=victim).status_code == 200
