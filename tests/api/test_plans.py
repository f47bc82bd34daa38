"""Plans ("kế hoạch"): the frame of a campaign, its checks, warnings and life cycle."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

import pytest
from api_builders import count, make_plan, make_unit, plan_body
from fastapi.testclient import TestClient
from model_builders import make_round
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Plan, Round, Unit

Headers = dict[str, str]
PLANS = "/api/v1/plans"
UNKNOWN = "00000000-0000-4000-8000-000000000000"


def stored_plans(session: Session) -> list[tuple[str, int, int]]:
    """Every plan row as (number, vote year, publication days): enough to see any change."""
    rows = session.execute(select(Plan.number, Plan.vote_year, Plan.publication_days).order_by(Plan.number))
    return [(number, year, days) for number, year, days in rows]


def add_round(session: Session, plan_id: str, unit_id: str, vote_date: date = date(2027, 9, 20)) -> Round:
    """A round written straight to the database, so these tests do not depend on the rounds API."""
    return make_round(session, session.get(Plan, plan_id), session.get(Unit, unit_id), vote_date=vote_date)


def test_an_organizer_creates_a_plan_with_its_publication_settings(
    client: TestClient, organizer: Headers
) -> None:
    body = plan_body(publication_audience="Cấp ủy và người được lấy phiếu", publication_days=10)
    response = client.post(PLANS, json=body, headers=organizer)
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
    assert client.get(f"{PLANS}/{plan['id']}", headers=organizer).json()["number"] == "96-KH/TU"


def test_a_plan_without_publication_settings_gets_the_defaults_of_the_regulation(
    client: TestClient, organizer: Headers
) -> None:
    plan = client.post(PLANS, json=plan_body(), headers=organizer).json()
    assert (plan["publication_audience"], plan["ballot_retention_years"], plan["paper_retention_years"]) == (
        "",
        5,
        10,
    )
    assert plan["completion_date"] is None and plan["archived_at"] is None


def test_a_mid_term_plan_carries_no_warning(client: TestClient, organizer: Headers) -> None:
    plan_id = make_plan(client, organizer, term_start=2024, term_end=2029)
    assert client.get(f"{PLANS}/{plan_id}", headers=organizer).json()["warnings"] == []


def test_an_observer_reads_plans(client: TestClient, organizer: Headers, observer: Headers) -> None:
    plan_id = make_plan(client, organizer)
    assert client.get(f"{PLANS}/{plan_id}", headers=observer).status_code == 200
    assert client.get(PLANS, headers=observer).json()["total"] == 1


def test_plans_are_filtered_by_year_and_text(client: TestClient, organizer: Headers) -> None:
    make_plan(client, organizer, number="01-KH/TU")
    make_plan(client, organizer, number="02-KH/HU", vote_year=2026)
    by_year = client.get(f"{PLANS}?vote_year=2026", headers=organizer).json()
    assert [p["number"] for p in by_year["items"]] == ["02-KH/HU"]
    by_text = client.get(f"{PLANS}?q=TU", headers=organizer).json()
    assert [p["number"] for p in by_text["items"]] == ["01-KH/TU"]
    by_title = client.get(f"{PLANS}?q=giữa nhiệm kỳ", headers=organizer).json()
    assert by_title["total"] == 2


def test_a_percent_or_underscore_in_the_search_text_is_taken_literally(
    client: TestClient, organizer: Headers
) -> None:
    make_plan(client, organizer, number="01-KH/TU")
    make_plan(client, organizer, number="02_KH", title="Kế hoạch 100% cán bộ chủ chốt")
    assert [p["number"] for p in client.get(f"{PLANS}?q=_", headers=organizer).json()["items"]] == ["02_KH"]
    assert client.get(f"{PLANS}?q=%25", headers=organizer).json()["total"] == 1


def test_plans_come_in_pages(client: TestClient, organizer: Headers) -> None:
    for n in range(3):
        make_plan(client, organizer, number=f"0{n}-KH/TU")
    page = client.get(f"{PLANS}?limit=2&offset=1", headers=organizer).json()
    assert (page["total"], page["limit"], page["offset"]) == (3, 2, 1)
    assert [p["number"] for p in page["items"]] == ["01-KH/TU", "02-KH/TU"]


def test_archived_plans_are_listed_only_on_request(client: TestClient, organizer: Headers) -> None:
    plan_id = make_plan(client, organizer)
    first = client.post(f"{PLANS}/{plan_id}/archive", headers=organizer).json()["archived_at"]
    again = client.post(f"{PLANS}/{plan_id}/archive", headers=organizer).json()["archived_at"]
    assert first is not None and again == first
    assert client.get(PLANS, headers=organizer).json()["total"] == 0
    listed = client.get(f"{PLANS}?include_archived=true", headers=organizer).json()["items"]
    assert [p["id"] for p in listed] == [plan_id]


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"term_end": 2020}, "must end after"),
        ({"term_end": 2025}, "must end after"),
        ({"vote_year": 2031}, "outside the term"),
        ({"vote_year": 2024}, "outside the term"),
        ({"completion_date": "2028-01-10"}, "not in the vote year"),
        ({"completion_date": "30/09/2027"}, "completion_date"),
        ({"publication_days": -1}, "publication_days"),
        ({"ballot_retention_years": 0}, "ballot_retention_years"),
        ({"vote_year": "năm nay"}, "vote_year"),
        ({"term_start": 2025.5}, "term_start"),
        ({"title": "   "}, "title"),
        ({"number": None}, "number"),
        ({"colour": "đỏ"}, "colour"),
    ],
)
def test_a_bad_plan_is_refused_with_the_field_to_fix_and_nothing_is_saved(
    client: TestClient, organizer: Headers, session: Session, overrides: dict[str, Any], words: str
) -> None:
    make_plan(client, organizer, number="01-KH/TU")
    before = stored_plans(session)
    response = client.post(PLANS, json=plan_body(**overrides), headers=organizer)
    assert response.status_code == 422
    assert words in response.json()["error"]["message"]
    assert stored_plans(session) == before


def test_a_plan_without_a_body_is_refused(client: TestClient, organizer: Headers) -> None:
    response = client.post(PLANS, headers=organizer)
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_input"


@pytest.mark.parametrize("number", ["96-KH/TU", "96-kh/tu", "  96-KH/TU "])
def test_a_duplicate_plan_number_is_a_conflict_whatever_its_case(
    client: TestClient, organizer: Headers, number: str
) -> None:
    make_plan(client, organizer)
    response = client.post(PLANS, json=plan_body(number=number), headers=organizer)
    assert response.status_code == 409
    assert "'96-KH/TU' already exists" in response.json()["error"]["message"]
    assert count(client, organizer, PLANS) == 1


def test_decomposed_vietnamese_is_stored_composed(client: TestClient, organizer: Headers) -> None:
    typed = unicodedata.normalize("NFD", "Kế hoạch lấy phiếu tín nhiệm")
    plan = client.post(PLANS, json=plan_body(title=typed), headers=organizer).json()
    assert plan["title"] == unicodedata.normalize("NFC", typed) != typed


def test_a_plan_is_changed_within_the_same_checks(client: TestClient, organizer: Headers) -> None:
    plan_id = make_plan(client, organizer)
    ok = client.patch(f"{PLANS}/{plan_id}", json={"publication_days": 30}, headers=organizer)
    assert ok.status_code == 200 and ok.json()["publication_days"] == 30
    moved = client.patch(
        f"{PLANS}/{plan_id}", json={"vote_year": 2028, "completion_date": "2028-10-31"}, headers=organizer
    )
    assert moved.status_code == 200 and moved.json()["warnings"] == []
    cleared = client.patch(f"{PLANS}/{plan_id}", json={"completion_date": None}, headers=organizer)
    assert cleared.json()["completion_date"] is None


def test_a_plan_keeps_its_own_number_when_renumbered_to_the_same(
    client: TestClient, organizer: Headers
) -> None:
    plan_id = make_plan(client, organizer)
    response = client.patch(f"{PLANS}/{plan_id}", json={"number": "96-KH/TU"}, headers=organizer)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("change", "status", "words"),
    [
        ({"vote_year": 2040}, 422, "outside the term"),
        ({"term_end": 2026}, 422, "outside the term"),
        ({"term_start": 2031}, 422, "must end after"),
        ({"completion_date": "2026-12-31"}, 422, "not in the vote year"),
        ({"vote_year": 2028}, 422, "not in the vote year"),
        ({"number": "01-KH/TU"}, 409, "already exists"),
        ({"title": None}, 422, "cannot be emptied"),
        ({"publication_days": "mười"}, 422, "publication_days"),
        ({"round_count": 3}, 422, "round_count"),
    ],
)
def test_a_bad_change_is_refused_and_the_plan_stays_as_it_was(
    client: TestClient,
    organizer: Headers,
    session: Session,
    change: dict[str, Any],
    status: int,
    words: str,
) -> None:
    make_plan(client, organizer, number="01-KH/TU")
    plan_id = make_plan(client, organizer, completion_date="2027-11-30")
    before = client.get(f"{PLANS}/{plan_id}", headers=organizer).json()
    response = client.patch(f"{PLANS}/{plan_id}", json=change, headers=organizer)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]["message"]
    assert client.get(f"{PLANS}/{plan_id}", headers=organizer).json() == before


def test_the_vote_year_stays_while_rounds_are_dated_in_it(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    plan_id = make_plan(client, organizer)
    add_round(session, plan_id, make_unit(client, organizer, "Sở Tài chính"))
    response = client.patch(f"{PLANS}/{plan_id}", json={"vote_year": 2028}, headers=organizer)
    assert response.status_code == 409
    assert "1 round(s) dated in 2027" in response.json()["error"]["message"]
    assert client.get(f"{PLANS}/{plan_id}", headers=organizer).json()["vote_year"] == 2027


def test_a_plan_counts_its_rounds(client: TestClient, organizer: Headers, session: Session) -> None:
    plan_id = make_plan(client, organizer)
    unit_id = make_unit(client, organizer, "Sở Tài chính")
    add_round(session, plan_id, unit_id)
    add_round(session, plan_id, unit_id, date(2027, 10, 5))
    assert client.get(f"{PLANS}/{plan_id}", headers=organizer).json()["round_count"] == 2


def test_a_plan_without_rounds_is_deleted(client: TestClient, organizer: Headers) -> None:
    plan_id = make_plan(client, organizer)
    assert client.delete(f"{PLANS}/{plan_id}", headers=organizer).status_code == 204
    assert client.get(f"{PLANS}/{plan_id}", headers=organizer).status_code == 404


def test_a_plan_with_rounds_is_archived_not_deleted(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    plan_id = make_plan(client, organizer)
    add_round(session, plan_id, make_unit(client, organizer, "Sở Tài chính"))
    response = client.delete(f"{PLANS}/{plan_id}", headers=organizer)
    assert response.status_code == 409
    assert "archive it instead" in response.json()["error"]["message"]
    assert session.scalar(select(func.count()).select_from(Plan)) == 1
    assert client.post(f"{PLANS}/{plan_id}/archive", headers=organizer).status_code == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", f"{PLANS}/{UNKNOWN}"),
        ("PATCH", f"{PLANS}/{UNKNOWN}"),
        ("POST", f"{PLANS}/{UNKNOWN}/archive"),
        ("DELETE", f"{PLANS}/{UNKNOWN}"),
    ],
)
def test_an_unknown_plan_is_not_found(client: TestClient, organizer: Headers, method: str, path: str) -> None:
    body = {"publication_days": 3} if method == "PATCH" else None
    response = client.request(method, path, json=body, headers=organizer)
    assert response.status_code == 404
    assert response.json()["error"] == {
        "code": "not_found",
        "message": f"no plan with id '{UNKNOWN}'",
        "message_vi": f"Không tìm thấy kế hoạch có mã '{UNKNOWN}'",
        "details": {"id": UNKNOWN, "kind": "plan"},
    }


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("POST", "", plan_body(number="02-KH/TU")),
        ("PATCH", "/{id}", {"publication_days": 3}),
        ("POST", "/{id}/archive", None),
        ("DELETE", "/{id}", None),
    ],
)
def test_an_observer_cannot_change_plans(
    client: TestClient,
    organizer: Headers,
    observer: Headers,
    session: Session,
    method: str,
    suffix: str,
    body: dict[str, Any] | None,
) -> None:
    plan_id = make_plan(client, organizer)
    before = stored_plans(session)
    response = client.request(method, PLANS + suffix.format(id=plan_id), json=body, headers=observer)
    assert response.status_code == 403
    assert stored_plans(session) == before
    assert client.get(f"{PLANS}/{plan_id}", headers=organizer).json()["archived_at"] is None


def test_an_impossible_year_filter_is_refused_with_a_message(client: TestClient, observer: Headers) -> None:
    response = client.get(f"{PLANS}?vote_year=4607015204386943008768", headers=observer)
    assert response.status_code == 422 and "vote_year" in response.json()["error"]["message"]
