"""Plain builder functions for API tests: each creates one thing through the API and returns its id."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

Headers = dict[str, str]


def created(response: Any) -> dict[str, Any]:
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def make_unit(
    client: TestClient, headers: Headers, name: str, level: str = "province", parent_id: str | None = None
) -> str:
    body = {"name": name, "level": level, "parent_id": parent_id}
    return str(created(client.post("/api/v1/units", json=body, headers=headers))["id"])


def plan_body(**overrides: Any) -> dict[str, Any]:
    return {
        "number": "96-KH/TU",
        "title": "Kế hoạch lấy phiếu tín nhiệm giữa nhiệm kỳ",
        "issuing_body": "Ban Thường vụ Tỉnh ủy",
        "term_start": 2025,
        "term_end": 2030,
        "vote_year": 2027,
    } | overrides


def make_plan(client: TestClient, headers: Headers, **overrides: Any) -> str:
    return str(created(client.post("/api/v1/plans", json=plan_body(**overrides), headers=headers))["id"])


def post_body(unit_id: str, **overrides: Any) -> dict[str, Any]:
    return {
        "title": "Giám đốc Sở",
        "unit_id": unit_id,
        "filled_by": "appointed",
        "since": "2021-03-15",
    } | overrides


def make_cadre(
    client: TestClient, headers: Headers, name: str, posts: list[dict[str, Any]], **fields: Any
) -> dict[str, Any]:
    body = {"full_name": name, "posts": posts} | fields
    return created(client.post("/api/v1/cadres", json=body, headers=headers))


def count(client: TestClient, headers: Headers, path: str) -> int:
    sep = "&" if "?" in path else "?"
    return int(client.get(f"{path}{sep}include_archived=true", headers=headers).json()["total"])


def round_body(plan_id: str, unit_id: str, **overrides: Any) -> dict[str, Any]:
    return {
        "plan_id": plan_id,
        "unit_id": unit_id,
        "title": "Hội nghị lấy phiếu tín nhiệm",
        "vote_date": "2027-09-20",
        "rulebook": "qd96",
    } | overrides


def make_round(
    client: TestClient, headers: Headers, plan_id: str, unit_id: str, **overrides: Any
) -> dict[str, Any]:
    return created(
        client.post("/api/v1/rounds", json=round_body(plan_id, unit_id, **overrides), headers=headers)
    )


def propose(client: TestClient, headers: Headers, round_id: str, cadre_id: str, **extra: Any) -> Any:
    return client.post(
        f"/api/v1/rounds/{round_id}/candidates", json={"cadre_id": cadre_id} | extra, headers=headers
    )
