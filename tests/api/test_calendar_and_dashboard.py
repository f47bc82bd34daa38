from __future__ import annotations

from typing import Any

import pytest
from api_builders import make_cadre, make_plan, make_round, make_unit, post_body, propose
from fastapi.testclient import TestClient

Headers = dict[str, str]
SOON = "Ban Thường vụ quyết định tổ chức sớm"


def record(
    client: TestClient, headers: Headers, round_id: str, kind: str, when: str, cadre_id: str | None = None
) -> None:
    data = {"kind": kind, "title": kind, "body": "Nội dung", "submitted_at": f"{when}T09:00:00+07:00"}
    if cadre_id:
        data["cadre_id"] = cadre_id
    response = client.post(f"/api/v1/rounds/{round_id}/documents", data=data, headers=headers)
    assert response.status_code == 201, response.text


@pytest.fixture
def plan(client: TestClient, organizer: Headers) -> dict[str, Any]:
    """Today is 2027-06-01. Round A votes on 06-15 (report due 05-26), round B on 06-25 (report due 06-05)."""
    province = make_unit(client, organizer, "Tỉnh Hòa Bình")
    unit = make_unit(client, organizer, "Sở Tài chính", parent_id=province)
    plan_id = make_plan(client, organizer)
    a = make_round(client, organizer, plan_id, unit, vote_date="2027-06-15", override_reason=SOON)["id"]
    b = make_round(
        client, organizer, plan_id, unit, vote_date="2027-06-25", override_reason=SOON, title="Hội nghị B"
    )["id"]
    people = {
        name: make_cadre(client, organizer, name, [post_body(unit, title=f"Phó Giám đốc {i}")])["id"]
        for i, name in enumerate(["Nguyễn Văn Hùng", "Đặng Thị Lan", "Lê Minh Khoa"])
    }
    for cadre_id in people.values():
        assert propose(client, organizer, a, cadre_id).status_code == 201
    assert propose(client, organizer, b, people["Lê Minh Khoa"]).status_code == 201
    record(client, organizer, a, "report", "2027-05-20", people["Nguyễn Văn Hùng"])
    record(client, organizer, a, "report", "2027-05-28", people["Đặng Thị Lan"])
    record(client, organizer, a, "clarification_request", "2027-05-30", people["Nguyễn Văn Hùng"])
    return {"plan": plan_id, "a": a, "b": b, "people": people, "province": province}


def statuses(view: dict[str, Any]) -> dict[str | None, tuple[str, int]]:
    return {i["cadre_name"]: (i["status"], i["days_late"]) for i in view["items"]}


def test_the_calendar_shows_for_each_deadline_who_met_it(
    client: TestClient, organizer: Headers, plan: dict[str, Any]
) -> None:
    calendar = client.get(f"/api/v1/rounds/{plan['a']}/calendar", headers=organizer).json()
    assert (calendar["today"], calendar["days_until_vote"]) == ("2027-06-01", 14)
    report, dossier, requests, answers = calendar["milestones"]
    assert (report["milestone"], report["deadline"], report["days_left"]) == ("report", "2027-05-26", -6)
    assert report["label_vi"].startswith("Báo cáo")
    assert statuses(report) == {
        "Nguyễn Văn Hùng": ("done_on_time", 0),
        "Đặng Thị Lan": ("done_late", 2),
        "Lê Minh Khoa": ("overdue", 6),
    }
    assert statuses(dossier) == {None: ("overdue", 1)}
    assert statuses(requests) == {"Nguyễn Văn Hùng": ("done_on_time", 0)}
    assert statuses(answers) == {
        "Nguyễn Văn Hùng": ("pending", 0),
        "Đặng Thị Lan": ("not_required", 0),
        "Lê Minh Khoa": ("not_required", 0),
    }


def test_the_dashboard_shows_statuses_due_soon_overdue_and_exclusions(
    client: TestClient, organizer: Headers, plan: dict[str, Any]
) -> None:
    client.post(f"/api/v1/rounds/{plan['b']}/status", json={"status": "scheduled"}, headers=organizer)
    khoa = plan["people"]["Lê Minh Khoa"]
    client.patch(f"/api/v1/cadres/{khoa}", json={"retirement_notice_date": "2027-05-15"}, headers=organizer)
    board = client.get(f"/api/v1/plans/{plan['plan']}/dashboard", headers=organizer).json()
    assert (board["rounds"], board["candidates"], board["eligible_candidates"]) == (2, 4, 2)
    assert board["rounds_by_status"]["draft"] == 1 and board["rounds_by_status"]["scheduled"] == 1
    assert [(d["round_id"], d["milestone"], d["cadre_name"]) for d in board["overdue"]] == [
        (plan["a"], "dossier", None)
    ]
    soon = [(d["round_title"], d["milestone"], d["deadline"]) for d in board["due_soon"]]
    assert ("Hội nghị B", "report", "2027-06-05") not in soon  # Khoa is no longer eligible there
    assert ("Hội nghị lấy phiếu tín nhiệm", "answers", "2027-06-12") not in soon  # 11 days away
    assert ("Hội nghị B", "dossier", "2027-06-10") not in soon  # 9 days away
    excluded = {(e["round_id"], e["cadre_name"], e["reasons"][0]["code"]) for e in board["excluded"]}
    assert excluded == {
        (plan["a"], "Lê Minh Khoa", "retirement_pending"),
        (plan["b"], "Lê Minh Khoa", "retirement_pending"),
    }


def test_reports_due_within_a_week_are_listed_as_due_soon(
    client: TestClient, organizer: Headers, plan: dict[str, Any]
) -> None:
    board = client.get(f"/api/v1/plans/{plan['plan']}/dashboard", headers=organizer).json()
    soon = [(d["round_title"], d["milestone"], d["cadre_name"]) for d in board["due_soon"]]
    assert soon == [("Hội nghị B", "report", "Lê Minh Khoa")]


def test_a_standing_committee_round_before_the_council_round_is_reported(
    client: TestClient, organizer: Headers, plan: dict[str, Any]
) -> None:
    council_unit = make_unit(client, organizer, "HĐND tỉnh", parent_id=plan["province"])
    member = make_cadre(
        client,
        organizer,
        "Bùi Quang Vinh",
        [post_body(plan["province"], title="Phó Bí thư Tỉnh ủy", filled_by="party_elected")],
        standing_committee_unit_id=plan["province"],
    )
    party = make_round(
        client,
        organizer,
        plan["plan"],
        plan["province"],
        vote_date="2027-07-01",
        place_kind="party_committee",
    )["id"]
    council = make_round(
        client, organizer, plan["plan"], council_unit, vote_date="2027-07-10", rulebook="nq96"
    )["id"]
    assert propose(client, organizer, party, member["id"]).status_code == 201
    board = client.get(f"/api/v1/plans/{plan['plan']}/dashboard", headers=organizer).json()
    (problem,) = board["ordering_problems"]
    assert (problem["round_id"], problem["council_round_id"]) == (party, council)
    assert "HĐND" in problem["message_vi"]
    warnings = client.get(f"/api/v1/plans/{plan['plan']}", headers=organizer).json()["warnings"]
    assert problem["message"] in warnings


def test_an_unknown_plan_or_round_is_not_found(client: TestClient, observer: Headers) -> None:
    assert client.get("/api/v1/plans/nope/dashboard", headers=observer).status_code == 404
    assert client.get("/api/v1/rounds/nope/calendar", headers=observer).status_code == 404
