from __future__ import annotations

from typing import Any

import pytest
from api_builders import count, make_cadre, make_plan, make_round, make_unit, post_body, propose, round_body
from fastapi.testclient import TestClient

Headers = dict[str, str]


@pytest.fixture
def setting(client: TestClient, organizer: Headers) -> dict[str, str]:
    province = make_unit(client, organizer, "Tỉnh Hòa Bình")
    return {
        "plan": make_plan(client, organizer),
        "unit": make_unit(client, organizer, "Sở Tài chính", parent_id=province),
    }


def test_a_round_shows_its_four_deadlines_and_counts(
    client: TestClient, organizer: Headers, setting: dict[str, str]
) -> None:
    round_ = make_round(client, organizer, setting["plan"], setting["unit"], venue="Hội trường tầng 3")
    assert (round_["status"], round_["place_kind"], round_["plan_number"]) == (
        "draft",
        "workplace",
        "96-KH/TU",
    )
    assert round_["deadlines"] == {
        "report": "2027-08-31",
        "dossier": "2027-09-05",
        "clarification_request": "2027-09-10",
        "answers": "2027-09-17",
    }
    assert round_["schedule_override_reason"] is None
    assert round_["next_statuses"] == ["scheduled"]


def test_a_council_round_defaults_to_a_council_session(
    client: TestClient, organizer: Headers, setting: dict[str, str]
) -> None:
    council = make_round(client, organizer, setting["plan"], setting["unit"], rulebook="nq96")
    assert council["place_kind"] == "council"
    wrong = client.post(
        "/api/v1/rounds",
        json=round_body(setting["plan"], setting["unit"], place_kind="council"),
        headers=organizer,
    )
    assert wrong.status_code == 422 and "People's Council" in wrong.json()["error"]["message"]


@pytest.mark.parametrize(
    ("overrides", "status", "words"),
    [
        ({"vote_date": "2027-05-30"}, 422, "in the past"),
        ({"vote_date": "2027-06-15"}, 422, "at least 20"),
        ({"vote_date": "2027-06-15", "override_reason": "gấp"}, 422, "at least 20"),
        ({"vote_date": "2028-01-15"}, 422, "vote year 2027"),
        ({"vote_date": "20/09/2027"}, 422, "vote_date"),
        ({"rulebook": "qd41"}, 422, "rulebook"),
        ({"plan_id": "missing"}, 404, "no plan"),
        ({"unit_id": "missing"}, 404, "no unit"),
    ],
)
def test_a_round_that_breaks_the_calendar_or_the_data_is_refused_and_not_saved(
    client: TestClient,
    organizer: Headers,
    setting: dict[str, str],
    overrides: dict[str, Any],
    status: int,
    words: str,
) -> None:
    before = count(client, organizer, "/api/v1/rounds")
    response = client.post(
        "/api/v1/rounds", json=round_body(setting["plan"], setting["unit"]) | overrides, headers=organizer
    )
    assert response.status_code == status, response.text
    assert words in response.json()["error"]["message"]
    assert count(client, organizer, "/api/v1/rounds") == before


def test_a_short_notice_round_is_accepted_with_a_written_reason_that_is_shown(
    client: TestClient, organizer: Headers, setting: dict[str, str]
) -> None:
    reason = "Ban Thường vụ Tỉnh ủy quyết định tổ chức sớm"
    round_ = make_round(
        client, organizer, setting["plan"], setting["unit"], vote_date="2027-06-15", override_reason=reason
    )
    assert (
        client.get(f"/api/v1/rounds/{round_['id']}", headers=organizer).json()["schedule_override_reason"]
        == reason
    )


def test_rounds_are_filtered_by_plan_status_and_dates(
    client: TestClient, organizer: Headers, setting: dict[str, str]
) -> None:
    make_round(client, organizer, setting["plan"], setting["unit"], vote_date="2027-08-01")
    late = make_round(client, organizer, setting["plan"], setting["unit"], vote_date="2027-10-01")
    client.post(f"/api/v1/rounds/{late['id']}/status", json={"status": "scheduled"}, headers=organizer)
    listed = client.get(
        f"/api/v1/rounds?plan_id={setting['plan']}&status=scheduled", headers=organizer
    ).json()
    assert [r["id"] for r in listed["items"]] == [late["id"]]
    ranged = client.get("/api/v1/rounds?date_from=2027-07-01&date_to=2027-08-31", headers=organizer).json()
    assert [r["vote_date"] for r in ranged["items"]] == ["2027-08-01"]


def test_moving_the_vote_date_applies_the_calendar_again(
    client: TestClient, organizer: Headers, setting: dict[str, str]
) -> None:
    round_ = make_round(client, organizer, setting["plan"], setting["unit"])
    path = f"/api/v1/rounds/{round_['id']}"
    too_soon = client.patch(path, json={"vote_date": "2027-06-10"}, headers=organizer)
    assert too_soon.status_code == 422
    assert client.get(path, headers=organizer).json()["vote_date"] == "2027-09-20"
    moved = client.patch(path, json={"vote_date": "2027-10-02", "venue": "Hội trường B"}, headers=organizer)
    assert moved.json()["deadlines"]["report"] == "2027-09-12"


def test_the_status_moves_only_along_the_workflow(
    client: TestClient, organizer: Headers, setting: dict[str, str]
) -> None:
    unit = setting["unit"]
    round_ = make_round(client, organizer, setting["plan"], unit)
    status = f"/api/v1/rounds/{round_['id']}/status"
    skip = client.post(status, json={"status": "open"}, headers=organizer)
    assert skip.status_code == 409 and "next: scheduled" in skip.json()["error"]["message"]
    assert client.post(status, json={"status": "scheduled"}, headers=organizer).status_code == 200
    empty = client.post(status, json={"status": "open"}, headers=organizer)
    assert empty.status_code == 422
    assert (
        "eligible candidate" in empty.json()["error"]["message"]
        and "roster" in empty.json()["error"]["message"]
    )
    cadre = make_cadre(client, organizer, "Nguyễn Văn Hùng", [post_body(unit)])
    assert propose(client, organizer, round_["id"], cadre["id"]).status_code == 201
    client.post(f"/api/v1/rounds/{round_['id']}/roster", json={"full_name": "Lê Thị Mai"}, headers=organizer)
    opened = client.post(status, json={"status": "open"}, headers=organizer)
    assert opened.status_code == 200 and opened.json()["next_statuses"] == ["closed"]
    client.patch(
        f"/api/v1/cadres/{cadre['id']}", json={"retirement_notice_date": "2027-06-01"}, headers=organizer
    )
    (printed,) = client.get(f"/api/v1/rounds/{round_['id']}/candidates", headers=organizer).json()
    assert printed["eligible"] is True  # the ballot of an open round is not rewritten
    frozen = client.patch(f"/api/v1/rounds/{round_['id']}", json={"venue": "Khác"}, headers=organizer)
    assert frozen.status_code == 409
    assert client.delete(f"/api/v1/rounds/{round_['id']}", headers=organizer).status_code == 409
    archived = client.post(f"/api/v1/rounds/{round_['id']}/archive", headers=organizer)
    assert archived.status_code == 200 and archived.json()["archived_at"] is not None


def test_a_draft_round_is_deleted(client: TestClient, organizer: Headers, setting: dict[str, str]) -> None:
    round_ = make_round(client, organizer, setting["plan"], setting["unit"])
    assert client.delete(f"/api/v1/rounds/{round_['id']}", headers=organizer).status_code == 204
    assert client.get(f"/api/v1/rounds/{round_['id']}", headers=organizer).status_code == 404


def test_a_plan_with_rounds_is_archived_not_deleted(
    client: TestClient, organizer: Headers, setting: dict[str, str]
) -> None:
    make_round(client, organizer, setting["plan"], setting["unit"])
    response = client.delete(f"/api/v1/plans/{setting['plan']}", headers=organizer)
    assert response.status_code == 409 and "archive it instead" in response.json()["error"]["message"]
