from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from app.models.user import Role


def test_health_answers_with_the_database_kind(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_a_request_without_a_token_is_refused_with_a_json_error(client: TestClient) -> None:
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"
    assert "Bearer" in response.headers["www-authenticate"]


def test_a_forged_token_is_refused(client: TestClient) -> None:
    response = client.get("/api/v1/me", headers={"Authorization": "Bearer tn_forged"})
    assert response.status_code == 401


def test_a_token_carries_the_rights_of_its_role(
    client: TestClient, headers_for: Callable[[Role], dict[str, str]]
) -> None:
    body = client.get("/api/v1/me", headers=headers_for(Role.ORGANIZER)).json()
    assert body["role"] == "organizer"
    assert body["scopes"] == ["read", "write"]


def test_a_password_can_be_exchanged_for_a_token(client: TestClient, admin: dict[str, str]) -> None:
    created = client.post(
        "/api/v1/users", json={"username": "kiemphieu1", "role": "committee"}, headers=admin
    )
    assert created.status_code == 201
    password = created.json()["password"]
    login = client.post("/api/v1/auth/token", json={"username": "kiemphieu1", "password": password})
    assert login.status_code == 201
    token = login.json()["token"]
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).json()
    assert me == {"username": "kiemphieu1", "role": "committee", "scopes": ["read"]}


def test_a_wrong_password_gets_no_token(client: TestClient, admin: dict[str, str]) -> None:
    client.post("/api/v1/users", json={"username": "kiemphieu2", "role": "committee"}, headers=admin)
    login = client.post("/api/v1/auth/token", json={"username": "kiemphieu2", "password": "wrong-password"})
    assert login.status_code == 401


def test_only_an_admin_manages_users(client: TestClient, organizer: dict[str, str]) -> None:
    response = client.post("/api/v1/users", json={"username": "x1", "role": "admin"}, headers=organizer)
    assert response.status_code == 403
    assert response.json()["error"]["details"]["needed"] == "admin"


def test_a_duplicate_user_is_a_conflict_and_an_unknown_role_is_invalid(
    client: TestClient, admin: dict[str, str]
) -> None:
    assert (
        client.post("/api/v1/users", json={"username": "dup", "role": "observer"}, headers=admin).status_code
        == 201
    )
    again = client.post("/api/v1/users", json={"username": "dup", "role": "observer"}, headers=admin)
    assert again.status_code == 409
    bad = client.post("/api/v1/users", json={"username": "x2", "role": "king"}, headers=admin)
    assert bad.status_code == 422
    assert bad.json()["error"]["details"]["fields"][0]["field"] == "role"


def test_the_api_description_is_served(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["info"]["title"] == "Tín nhiệm"
    assert "/api/v1/units" in spec["paths"]


def test_the_api_documentation_is_served_beside_the_pages(client: TestClient) -> None:
    # The front door (/) now leads to the login page (tests/web); the documentation stays at /docs.
    assert "Tín nhiệm" in client.get("/docs").text
