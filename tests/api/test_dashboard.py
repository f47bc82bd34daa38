"""The plan dashboard: where each round stands, what is due this week, what was missed (today 2027-06-01)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi.testclient import TestClient
from model_builders import RETIRING, make_candidate, make_document, make_plan, make_round, make_unit
from sqlalchemy.orm import Session

from app.clock import Clock
from app.models import Plan
from app.models.plan import RoundStatus
from ballots.calendar import Milestone
from ballots.levels import PlaceKind, Rulebook, UnitLevel

Headers = dict[str, str]


def dashboard(client: TestClient, headers: Headers, plan: Plan) -> dict[str, Any]:
    response = client.get(f"/api/v1/plans/{plan.id}/dashboard", headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def deadlines(items: list[dict[str, Any]]) -> list[tuple[str, str, str, str | None]]:
    return [(d["round_title"], d["milestone"], d["deadline"], d["cadre_name"]) for d in items]


# --- tests ----------------------------------------------------------------------------------------


def test_the_dashboard_counts_rounds_candidates_and_what_is_due_or_missed(
    client: TestClient, observer: Headers, session: Session, clock: Clock
) -> None:
    plan = make_plan(session)
    unit = make_unit(session, "Sở Tài chính")
    # Votes 06-15: report due 05-26, dossier 05-31, requests 06-05, answers 06-12.
    a = make_round(session, plan, unit, title="Hội nghị A", vote_date=date(2027, 6, 15))
    hung = make_candidate(session, a, "Nguyễn Văn Hùng")
    make_candidate(session, a, "Đặng Thị Lan")
    make_candidate(session, a, "Lê Minh Khoa", eligible=False)
    make_document(session, a, Milestone.REPORT, date(2027, 5, 20), hung)
    make_document(session, a, Milestone.CLARIFICATION_REQUEST, date(2027, 5, 30), hung)
    # Votes 06-25: report due 06-05 (in 4 days), dossier 06-10 (in 9 days).
    b = make_round(
        session, plan, unit, title="Hội nghị B", vote_date=date(2027, 6, 25), status=RoundStatus.DRAFT
    )
    make_candidate(session, b, "Trần Quốc Minh")
    # Voting has opened: its preparation calendar is history, even with no report.
    c = make_round(
        session, plan, unit, title="Hội nghị C", vote_date=date(2027, 6, 1), status=RoundStatus.OPEN
    )
    make_candidate(session, c, "Võ Thị Hạnh")
    # Archived rounds are left out of everything.
    d = make_round(
        session, plan, unit, title="Hội nghị D", vote_date=date(2027, 6, 20), archived_at=clock.now()
    )
    make_candidate(session, d, "Bùi Văn Cũ", eligible=False)
    other_plan = make_plan(session, "97-KH/TU")
    make_candidate(
        session,
        make_round(session, other_plan, unit, title="Kế hoạch khác", vote_date=date(2027, 6, 10)),
        "Hồ Văn Xa",
    )

    body = dashboard(client, observer, plan)
    assert (body["plan_id"], body["today"]) == (plan.id, "2027-06-01")
    assert body["counts"] == {"rounds": 3, "candidates": 5, "eligible_candidates": 4}
    assert body["rounds_by_status"] == {
        "draft": 1,
        "scheduled": 1,
        "open": 1,
        "closed": 0,
        "counted": 0,
        "published": 0,
    }
    assert deadlines(body["overdue"]) == [
        ("Hội nghị A", "report", "2027-05-26", "Đặng Thị Lan"),
        ("Hội nghị A", "dossier", "2027-05-31", None),
    ]
    assert [d["days_left"] for d in body["overdue"]] == [-6, -1]
    # Hùng's answers (06-12) and B's dossier (06-10) are more than a week away.
    assert deadlines(body["due_soon"]) == [("Hội nghị B", "report", "2027-06-05", "Trần Quốc Minh")]
    assert body["due_soon"][0]["round_id"] == b.id and body["due_soon"][0]["days_left"] == 4
    assert body["ordering_problems"] == []


def test_due_soon_runs_from_today_to_seven_days_ahead(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    plan = make_plan(session)
    unit = make_unit(session, "Sở Nội vụ")
    for title, vote_date in [
        ("Báo cáo hạn hôm nay", date(2027, 6, 21)),  # report due 06-01, dossier 06-06
        ("Báo cáo hạn sau 7 ngày", date(2027, 6, 28)),  # report due 06-08
        ("Báo cáo hạn sau 8 ngày", date(2027, 6, 29)),  # report due 06-09
    ]:
        make_candidate(
            session, make_round(session, plan, unit, title=title, vote_date=vote_date), "Nguyễn Văn An"
        )
    body = dashboard(client, organizer, plan)
    assert deadlines(body["due_soon"]) == [
        ("Báo cáo hạn hôm nay", "report", "2027-06-01", "Nguyễn Văn An"),
        ("Báo cáo hạn hôm nay", "dossier", "2027-06-06", None),
        ("Báo cáo hạn sau 7 ngày", "report", "2027-06-08", "Nguyễn Văn An"),
    ]
    assert body["overdue"] == []


def test_a_deadline_met_early_is_no_longer_due(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    plan = make_plan(session)
    round_ = make_round(
        session, plan, make_unit(session, "Sở Y tế"), title="Hội nghị Sở Y tế", vote_date=date(2027, 6, 25)
    )
    an = make_candidate(session, round_, "Nguyễn Văn An")
    assert len(dashboard(client, organizer, plan)["due_soon"]) == 1
    make_document(session, round_, Milestone.REPORT, date(2027, 5, 30), an)
    assert dashboard(client, organizer, plan)["due_soon"] == []


def test_excluded_candidates_are_listed_with_their_round_and_reasons(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    plan = make_plan(session)
    unit = make_unit(session, "Sở Tài chính")
    round_ = make_round(session, plan, unit, title="Hội nghị Sở Tài chính", vote_date=date(2027, 9, 20))
    make_candidate(session, round_, "Nguyễn Văn Hùng")
    khoa = make_candidate(session, round_, "Lê Minh Khoa", eligible=False)
    body = dashboard(client, organizer, plan)
    assert body["excluded"] == [
        {
            "round_id": round_.id,
            "round_title": "Hội nghị Sở Tài chính",
            "cadre_id": khoa.id,
            "cadre_name": "Lê Minh Khoa",
            "reasons": [RETIRING],
        }
    ]
    assert body["counts"] == {"rounds": 1, "candidates": 2, "eligible_candidates": 1}


def test_a_standing_committee_round_before_the_council_round_of_its_locality_is_a_problem(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    plan = make_plan(session)
    province = make_unit(session, "Tỉnh Hòa Bình")
    council_unit = make_unit(session, "HĐND tỉnh Hòa Bình", parent=province)
    district = make_unit(session, "Huyện Lạc Sơn", UnitLevel.DISTRICT, parent=province)
    council = make_round(
        session,
        plan,
        council_unit,
        title="Kỳ họp HĐND tỉnh",
        vote_date=date(2027, 7, 10),
        rulebook=Rulebook.NQ96,
        place_kind=PlaceKind.COUNCIL,
    )
    early = make_round(
        session,
        plan,
        province,
        title="Hội nghị BCH Tỉnh ủy",
        vote_date=date(2027, 7, 1),
        place_kind=PlaceKind.PARTY_COMMITTEE,
    )
    make_candidate(session, early, "Bùi Quang Vinh", standing_committee_unit_id=province.id)
    # Not problems: after the council; no standing-committee member; another locality and level;
    # a standing-committee member who is excluded there is not voted on.
    later = make_round(session, plan, province, title="Hội nghị sau kỳ họp", vote_date=date(2027, 7, 15))
    make_candidate(session, later, "Hà Văn Sau", standing_committee_unit_id=province.id)
    plain = make_round(session, plan, province, title="Hội nghị Sở", vote_date=date(2027, 7, 2))
    make_candidate(session, plain, "Ngô Văn Thường")
    elsewhere = make_round(session, plan, district, title="Hội nghị huyện", vote_date=date(2027, 7, 3))
    make_candidate(session, elsewhere, "Đinh Văn Huyện", standing_committee_unit_id=district.id)
    excluded = make_round(
        session, plan, province, title="Hội nghị có người bị loại", vote_date=date(2027, 7, 4)
    )
    make_candidate(session, excluded, "Lý Văn Loại", eligible=False, standing_committee_unit_id=province.id)

    (problem,) = dashboard(client, organizer, plan)["ordering_problems"]
    assert (problem["round_id"], problem["council_round_id"]) == (early.id, council.id)
    assert "Hội nghị BCH Tỉnh ủy" in problem["message_vi"] and "HĐND" in problem["message_vi"]
    assert "Kỳ họp HĐND tỉnh" in problem["message"]


def test_the_dashboard_of_an_unknown_plan_is_not_found(client: TestClient, observer: Headers) -> None:
    response = client.get("/api/v1/plans/no-such-plan/dashboard", headers=observer)
    assert response.status_code == 404 and "plan" in response.json()["error"]["message"]
    assert client.get("/api/v1/plans/no-such-plan/dashboard").status_code == 401
