"""The calendar of a round: D−20 report, D−15 dossier, D−10 requests, D−3 answers; today is 2027-06-01."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from model_builders import make_candidate, make_document, make_round
from sqlalchemy.orm import Session

from ballots.calendar import Milestone

Headers = dict[str, str]


def calendar(client: TestClient, headers: Headers, round_id: str) -> dict[str, Any]:
    response = client.get(f"/api/v1/rounds/{round_id}/calendar", headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def milestone(body: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(m for m in body["milestones"] if m["milestone"] == kind)


def statuses(body: dict[str, Any], kind: str) -> dict[str | None, tuple[str, int]]:
    return {i["cadre_name"]: (i["status"], i["days_late"]) for i in milestone(body, kind)["items"]}


# --- tests ----------------------------------------------------------------------------------------


def test_the_calendar_counts_the_four_deadlines_back_from_the_vote(
    client: TestClient, observer: Headers, session: Session
) -> None:
    round_ = make_round(session, vote_date=date(2027, 6, 15))
    body = calendar(client, observer, round_.id)
    assert (body["vote_date"], body["today"], body["days_until_vote"]) == ("2027-06-15", "2027-06-01", 14)
    assert [(m["milestone"], m["deadline"], m["days_left"]) for m in body["milestones"]] == [
        ("report", "2027-05-26", -6),
        ("dossier", "2027-05-31", -1),
        ("clarification_request", "2027-06-05", 4),
        ("answers", "2027-06-12", 11),
    ]
    assert [m["label_vi"] for m in body["milestones"]] == [m.label_vi for m in Milestone]


def test_each_eligible_candidates_report_is_on_time_late_or_overdue(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    round_ = make_round(session, vote_date=date(2027, 6, 15))  # report due 2027-05-26
    hung = make_candidate(session, round_, "Nguyễn Văn Hùng")
    lan = make_candidate(session, round_, "Đặng Thị Lan")
    make_candidate(session, round_, "Lê Minh Khoa")
    make_candidate(session, round_, "Phạm Văn Loại", eligible=False)
    make_document(session, round_, Milestone.REPORT, date(2027, 5, 20), hung)
    make_document(session, round_, Milestone.REPORT, date(2027, 5, 28), lan)
    body = calendar(client, organizer, round_.id)
    assert statuses(body, "report") == {
        "Nguyễn Văn Hùng": ("done_on_time", 0),
        "Đặng Thị Lan": ("done_late", 2),
        "Lê Minh Khoa": ("overdue", 6),
    }  # the ineligible candidate is not voted on and owes nothing
    (late,) = next(i for i in milestone(body, "report")["items"] if i["cadre_id"] == lan.id)["documents"]
    assert (late["on_time"], late["days_late"]) == (False, 2)


def test_a_report_sent_again_late_does_not_undo_the_first_on_time(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    round_ = make_round(session, vote_date=date(2027, 6, 15))
    hung = make_candidate(session, round_, "Nguyễn Văn Hùng")
    make_document(session, round_, Milestone.REPORT, date(2027, 5, 29), hung)
    make_document(session, round_, Milestone.REPORT, date(2027, 5, 20), hung)
    (item,) = milestone(calendar(client, organizer, round_.id), "report")["items"]
    assert (item["status"], [d["on_time"] for d in item["documents"]]) == ("done_on_time", [True, False])


def test_deadlines_still_ahead_are_pending(client: TestClient, organizer: Headers, session: Session) -> None:
    round_ = make_round(session, vote_date=date(2027, 6, 21))  # report due today, 2027-06-01
    make_candidate(session, round_, "Nguyễn Văn Hùng")
    body = calendar(client, organizer, round_.id)
    assert statuses(body, "report") == {"Nguyễn Văn Hùng": ("pending", 0)}
    assert milestone(body, "report")["days_left"] == 0
    assert statuses(body, "dossier") == {None: ("pending", 0)}


def test_the_dossier_is_one_entry_for_the_round(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    round_ = make_round(session, vote_date=date(2027, 6, 15))  # dossier due 2027-05-31
    make_candidate(session, round_, "Nguyễn Văn Hùng")
    assert statuses(calendar(client, organizer, round_.id), "dossier") == {None: ("overdue", 1)}
    make_document(session, round_, Milestone.DOSSIER, date(2027, 6, 1))
    assert statuses(calendar(client, organizer, round_.id), "dossier") == {None: ("done_late", 1)}


def test_clarification_requests_are_optional_and_each_shows_whether_it_was_on_time(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    round_ = make_round(session, vote_date=date(2027, 6, 8))  # requests due 2027-05-29, answers 2027-06-05
    hung = make_candidate(session, round_, "Nguyễn Văn Hùng")
    make_candidate(session, round_, "Đặng Thị Lan")
    make_document(session, round_, Milestone.CLARIFICATION_REQUEST, date(2027, 5, 25), hung)
    make_document(session, round_, Milestone.CLARIFICATION_REQUEST, date(2027, 5, 31), hung)
    body = calendar(client, organizer, round_.id)
    # The deadline has passed, but no request is not a fault: nobody had to ask.
    assert statuses(body, "clarification_request") == {
        "Nguyễn Văn Hùng": ("done_on_time", 0),
        "Đặng Thị Lan": ("none_received", 0),
    }
    hung_requests = milestone(body, "clarification_request")["items"][0]["documents"]
    assert [(d["on_time"], d["days_late"]) for d in hung_requests] == [(True, 0), (False, 2)]
    assert statuses(body, "answers") == {
        "Nguyễn Văn Hùng": ("pending", 0),
        "Đặng Thị Lan": ("not_required", 0),
    }


@pytest.mark.parametrize(
    ("answered_on", "expected"),
    [(None, ("overdue", 1)), (date(2027, 5, 30), ("done_on_time", 0)), (date(2027, 6, 1), ("done_late", 1))],
    ids=["unanswered", "answered-in-time", "answered-late"],
)
def test_answers_to_a_request_are_due_three_days_before_the_vote(
    client: TestClient,
    organizer: Headers,
    session: Session,
    answered_on: date | None,
    expected: tuple[str, int],
) -> None:
    round_ = make_round(session, vote_date=date(2027, 6, 3))  # answers due 2027-05-31
    hung = make_candidate(session, round_, "Nguyễn Văn Hùng")
    make_document(session, round_, Milestone.CLARIFICATION_REQUEST, date(2027, 5, 20), hung)
    if answered_on is not None:
        make_document(session, round_, Milestone.ANSWERS, answered_on, hung)
    assert statuses(calendar(client, organizer, round_.id), "answers") == {"Nguyễn Văn Hùng": expected}


def test_moving_the_vote_date_moves_every_status(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    round_ = make_round(session, vote_date=date(2027, 6, 15))
    lan = make_candidate(session, round_, "Đặng Thị Lan")
    make_document(session, round_, Milestone.REPORT, date(2027, 5, 28), lan)
    assert statuses(calendar(client, organizer, round_.id), "report") == {"Đặng Thị Lan": ("done_late", 2)}
    round_.vote_date = date(2027, 6, 25)
    session.commit()
    body = calendar(client, organizer, round_.id)
    assert statuses(body, "report") == {"Đặng Thị Lan": ("done_on_time", 0)}
    assert statuses(body, "dossier") == {None: ("pending", 0)}  # due 2027-06-10 now


def test_the_calendar_of_an_unknown_round_is_not_found(client: TestClient, observer: Headers) -> None:
    response = client.get("/api/v1/rounds/no-such-round/calendar", headers=observer)
    assert response.status_code == 404 and "round" in response.json()["error"]["message"]
    assert client.get("/api/v1/rounds/no-such-round/calendar").status_code == 401
