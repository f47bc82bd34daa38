"""Every answer carries the security headers; the documentation works without any outside host."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings


@pytest.mark.parametrize("path", ["/healthz", "/api/v1/me", "/api/v1/nowhere", "/openapi.json", "/docs"])
def test_every_answer_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "strict-transport-security" not in headers  # plain HTTP: HSTS would mean nothing


def test_the_api_policy_forbids_everything_and_answers_are_not_cached(
    client: TestClient, organizer: dict[str, str]
) -> None:
    response = client.get("/api/v1/me", headers=organizer)
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    assert response.headers["cache-control"] == "no-store"


def test_the_token_answer_is_never_cached(client: TestClient, admin: dict[str, str]) -> None:
    password = client.post(
        "/api/v1/users", json={"username": "cache1", "role": "observer"}, headers=admin
    ).json()["password"]
    response = client.post("/api/v1/auth/token", json={"username": "cache1", "password": password})
    assert response.status_code == 201 and response.headers["cache-control"] == "no-store"


def test_hsts_is_sent_when_the_request_came_over_https(client: TestClient) -> None:
    assert (
        client.get("https://testserver/healthz").headers["strict-transport-security"].startswith("max-age=")
    )


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_the_documentation_pages_load_only_the_services_own_assets(client: TestClient, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200
    html = response.text
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", html), "an outside host is referenced"
    assets = re.findall(r"(?:src|href)=[\"'](/static/docs/[^\"']+)", html)
    assert assets
    for asset in assets:
        assert client.get(asset).status_code == 200
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-eval" not in policy


def test_the_swagger_assets_are_served(client: TestClient) -> None:
    for name in ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js"):
        response = client.get(f"/static/docs/{name}")
        assert response.status_code == 200 and len(response.content) > 100_000


def test_an_unexpected_error_answers_500_with_the_headers_too() -> None:
    app = create_app(Settings(database_url="sqlite://"))

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("unexpected")

    response = TestClient(app, raise_server_exceptions=False).get("/boom")
    assert response.status_code == 500
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    app.state.engine.dispose()
