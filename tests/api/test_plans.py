from __future__ import annotations

from typing import Any

import pytest
from api_builders import count, make_plan, plan_body
from fastapi.testclient import TestClient


def test_an_organizer_creates_a_plan_with_its_publication_settings(
    client: TestClient, organizer: dict[str, str]
) -> None:
    body = plan_body(publication_audience="Cấp ủy và người được lấy phiếu", publication_days=10)
    response = client.post("/api/v1/plans", json=body, headers=organizer)
    assert response.status_code == 201
    plan = response.json()
    assert (plan["publication_days"], plan["ballot_retention_years"], plan["paper_retention_years"]) == (
        10,
        5,
        10,
    )
    assert plan["round_count"] == 0
    assert plan["warnings"] == [
        "the periodic vote falls in the mid-term year 2028, not 2027 (regulation.md §3)"
    ]
    assert client.get(f"/api/v1/plans/{plan['id']}", headers=organizer).json()["number"] == "96-KH/TU"


def test_a_mid_term_plan_carries_no_warning(client: TestClient, organizer: dict[str, str]) -> None:
    plan_id = make_plan(client, organizer, term_start=2024, term_end=2029)
    assert client.get(f"/api/v1/plans/{plan_id}", headers=organizer).json()["warnings"] == []


def test_plans_are_filtered_by_year_and_text(client: TestClient, organizer: dict[str, str]) -> None:
    make_plan(client, organizer, number="01-KH/TU")
    make_plan(client, organizer, number="02-KH/HU", vote_year=2026)
    by_year = client.get("/api/v1/plans?vote_year=2026", headers=organizer).json()
    assert [p["number"] for p in by_year["items"]] == ["02-KH/HU"]
    by_text = client.get("/api/v1/plans?q=TU", headers=organizer).json()
    assert [p["number"] for p in by_text["items"]] == ["01-KH/TU"]


@pytest.mark.parametrize(
    ("overrides", "status", "words"),
    [
        ({"term_end": 2020}, 422, "must end after"),
        ({"vote_year": 2031}, 422, "outside the term"),
        ({"completion_date": "2028-01-10"}, 422, "not in the vote year"),
        ({"publication_days": -1}, 422, "publication_days"),
        ({"vote_year": "năm nay"}, 422, "vote_year"),
        ({"colour": "đỏ"}, 422, "colour"),
    ],
)
def test_a_bad_plan_is_refused_and_nothing_is_saved(
    client: TestClient, organizer: dict[str, str], overrides: dict[str, Any], status: int, words: str
) -> None:
    before = count(client, organizer, "/api/v1/plans")
    response = client.post("/api/v1/plans", json=plan_body(**overrides), headers=organizer)
    assert response.status_code == status
    assert words in response.json()["error"]["message"]
    assert count(client, organizer, "/api/v1/plans") == before


def test_a_duplicate_plan_number_is_a_conflict(client: TestClient, organizer: dict[str, str]) -> None:
    make_plan(client, organizer)
    response = client.post("/api/v1/plans", json=plan_body(), headers=organizer)
    assert response.status_code == 409 and "already exists" in response.json()["error"]["message"]


def test_a_plan_is_changed_within_the_same_checks(client: TestClient, organizer: dict[str, str]) -> None:
    plan_id = make_plan(client, organizer)
    ok = client.patch(f"/api/v1/plans/{plan_id}", json={"publication_days": 30}, headers=organizer)
    assert ok.status_code == 200 and ok.json()["publication_days"] == 30
    bad = client.patch(f"/api/v1/plans/{plan_id}", json={"vote_year": 2040}, headers=organizer)
    assert bad.status_code == 422
    assert client.get(f"/api/v1/plans/{plan_id}", headers=organizer).json()["vote_year"] == 2027


def test_a_plan_without_rounds_is_deleted_and_any_plan_can_be_archived(
    client: TestClient, organizer: dict[str, str]
) -> None:
    plan_id = make_plan(client, organizer)
    archived = client.post(f"/api/v1/plans/{plan_id}/archive", headers=organizer).json()
    assert archived["archived_at"] is not None
    assert client.get("/api/v1/plans", headers=organizer).json()["total"] == 0
    assert client.delete(f"/api/v1/plans/{plan_id}", headers=organizer).status_code == 204
    assert client.get(f"/api/v1/plans/{plan_id}", headers=organizer).status_code == 404


def test_an_unknown_plan_is_not_found(client: TestClient, observer: dict[str, str]) -> None:
    response = client.get("/api/v1/plans/nope", headers=observer)
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_an_impossible_year_filter_is_refused_with_a_message(
    client: TestClient, observer: dict[str, str]
) -> None:
    response = client.get("/api/v1/plans?vote_year=4607015204386943008768", headers=observer)
    assert response.status_code == 422 and "vote_year" in response.json()["error"]["message"]
