"""Every endpoint checked against every role: who may read, who may write, who may manage users.

The matrix is built from the app's own routes, so a new endpoint is covered the day it is added.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.models.user import Role
from app.settings import Settings

# Voting needs no token: the code slip is the credential, and the board and turnout are public.
PUBLIC = {
    ("POST", "/api/v1/auth/token"),
    ("GET", "/api/v1/rounds/{round_id}/ballot"),
    ("POST", "/api/v1/rounds/{round_id}/ballots"),
    ("GET", "/api/v1/rounds/{round_id}/turnout"),
    ("GET", "/api/v1/rounds/{round_id}/board"),
    ("GET", "/api/v1/keys"),  # the public keys that verify results
}
ADMIN_ONLY = re.compile(r"^/api/v1/users")
OWN_ACCOUNT = re.compile(r"^/api/v1/(auth/tokens|me$)")  # anyone signed in: who am I, my own tokens
# The round's record (every sealed ballot) and the auditor's key file: organizers only, though GETs.
ORGANIZER_READS = re.compile(r"^/api/v1/rounds/\{round_id\}/(record|key)$")
UNKNOWN_ID = "00000000-0000-4000-8000-000000000000"
# A committee account reaches its own rounds and nothing else: the list (filtered to them), each one's
# reads and its conference-day work. For an unknown round these answer 404, like everyone's.
COMMITTEE_ROUND_READS = {
    "/api/v1/rounds",
    "/api/v1/rounds/{round_id}",
    "/api/v1/rounds/{round_id}/roster",
    "/api/v1/rounds/{round_id}/candidates",
    "/api/v1/rounds/{round_id}/committee",
    "/api/v1/rounds/{round_id}/calendar",
    "/api/v1/rounds/{round_id}/paper-ballots",
    "/api/v1/rounds/{round_id}/paper-ballots/disagreements",
    "/api/v1/rounds/{round_id}/shares",
}
# Results: its own rounds' once counted, any round's once published (an unknown round: 404).
COMMITTEE_RESULTS = {
    "/api/v1/results",
    "/api/v1/rounds/{round_id}/results",
    "/api/v1/rounds/{round_id}/results.csv",
    "/api/v1/rounds/{round_id}/results.xlsx",
    "/api/v1/rounds/{round_id}/minutes.pdf",
}
COMMITTEE_ROUND_WORK = {
    "/api/v1/rounds/{round_id}/slips",
    "/api/v1/rounds/{round_id}/slips/paper",
    "/api/v1/rounds/{round_id}/paper-ballots/issued",
    "/api/v1/rounds/{round_id}/paper-ballots",
    "/api/v1/rounds/{round_id}/close",
    "/api/v1/rounds/{round_id}/shares",
    "/api/v1/rounds/{round_id}/count",
}


def api_endpoints() -> list[tuple[str, str]]:
    schema = create_app(Settings(database_url="sqlite://")).openapi()
    return sorted(
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        if path.startswith("/api/v1")
        for method in operations
        if (method.upper(), path) not in PUBLIC
    )


ENDPOINTS = api_endpoints()


def allowed(role: Role | None, method: str, path: str) -> bool:
    if role is None:
        return False
    if role is Role.ADMIN or OWN_ACCOUNT.match(path):
        return True
    if ADMIN_ONLY.match(path):
        return False
    if role is Role.COMMITTEE:
        reads = COMMITTEE_ROUND_READS | COMMITTEE_RESULTS
        return path in (reads if method == "GET" else COMMITTEE_ROUND_WORK)
    if method == "GET" and not ORGANIZER_READS.match(path):
        return True
    return role is Role.ORGANIZER


def call(client: TestClient, method: str, path: str, headers: dict[str, str]) -> int:
    url = re.sub(r"\{[^}]+\}", UNKNOWN_ID, path)
    if method in {"POST", "PUT", "PATCH"}:
        return client.request(method, url, json={}, headers=headers).status_code
    return client.request(method, url, headers=headers).status_code


def test_the_matrix_covers_the_whole_api() -> None:
    paths = {p for _, p in ENDPOINTS}
    assert "/api/v1/units" in paths and "/api/v1/users" in paths
    assert len(ENDPOINTS) >= 8


@pytest.mark.parametrize("role", [None, *Role], ids=lambda r: "anonymous" if r is None else r.value)
def test_each_role_reaches_exactly_the_endpoints_it_may(
    client: TestClient, headers_for: Callable[[Role], dict[str, str]], role: Role | None
) -> None:
    headers = {} if role is None else headers_for(role)
    wrong = []
    for method, path in ENDPOINTS:
        status = call(client, method, path, headers)
        if status >= 500:
            wrong.append((method, path, status, "server error"))
        elif allowed(role, method, path) and status in {401, 403}:
            wrong.append((method, path, status, "refused but allowed"))
        elif not allowed(role, method, path) and status != (401 if role is None else 403):
            wrong.append((method, path, status, "not refused"))
    assert wrong == []
