"""Counting: online and paper ballots together give exactly the hand-counted numbers, signed."""

from __future__ import annotations

from typing import Any

import pytest
from counting_builders import close, count, open_with_voters, refused, verify_from_outside, voted
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session
from voting_builders import cast

from app.models import Ballot, Role

Headers = dict[str, str]


def paper_entry(
    client: TestClient, headers: Headers, round_id: str, pass_: int, number: int, rows: Any
) -> None:
    body = {"pass": pass_, "number": number, "stamped": True, "rows": rows}
    answer = client.post(f"/api/v1/rounds/{round_id}/paper-ballots", json=body, headers=headers)
    assert answer.status_code == 200, answer.text


def level(count_: int, percent: str) -> dict[str, Any]:
    return {"count": count_, "percent": percent}


def test_online_and_paper_ballots_give_the_hand_counted_result(
    client: TestClient, organizer: Headers, headers_for: Any
) -> None:
    second = headers_for(Role.ORGANIZER)
    vote = open_with_voters(client, organizer, summoned=6, slips=5, cadres=3)
    a, b, c = vote.cadre_ids
    for code, choices in zip(
        vote.codes, [("high", "low", None), ("high", "low", "medium"), ("medium", "low", "low")], strict=False
    ):
        assert cast(client, vote, code, vote.ballot(*choices)).status_code == 201
    # Slip 4 is exchanged for a paper ballot: A has two marks (invalid row), B low, C high.
    assert (
        client.post(f"{vote.path}/slips/paper", json={"code": vote.codes[3]}, headers=organizer).status_code
        == 200
    )
    closed = close(client, organizer, vote.id, present=5, paper_issued=1, unused_codes=[vote.codes[4]])
    assert closed.status_code == 200 and closed.json()["ballots_issued"] == 4, closed.text
    rows = {a: {"marks": ["high", "low"], "struck": False}, b: {"marks": ["low"], "struck": False}}
    rows[c] = {"marks": ["high"], "struck": False}
    paper_entry(client, organizer, vote.id, 1, 1, rows)
    paper_entry(client, second, vote.id, 2, 1, rows)

    counted = count(client, organizer, vote.id)
    assert counted.status_code == 200, counted.text
    document = counted.json()
    verify_from_outside(client, document)
    assert {
        k: document[k] for k in ("summoned", "present", "quorum_met", "ballots_issued", "ballots_returned")
    } == {
        "summoned": 6,
        "present": 5,
        "quorum_met": True,
        "ballots_issued": 4,
        "ballots_returned": 4,
    }
    by_id = {row["cadre_id"]: row for row in document["candidates"]}
    assert [row["cadre_id"] for row in document["candidates"]] == [a, b, c]  # ballot order
    assert {k: by_id[a][k] for k in ("valid", "invalid", "high", "medium", "low", "band", "review")} == {
        "valid": 3,
        "invalid": 1,
        "high": level(2, "50.00"),
        "medium": level(1, "25.00"),
        "low": level(0, "0.00"),
        "band": "none",
        "review": False,
    }
    assert by_id[b]["low"] == level(4, "100.00") and by_id[b]["band"] == "two_thirds_low"
    assert by_id[c]["invalid"] == 1  # the blank row of the first ballot
    assert [by_id[c][k]["count"] for k in ("high", "medium", "low")] == [1, 1, 1]
    assert by_id[c]["posts"] and by_id[c]["name"]
    assert client.get(vote.path, headers=organizer).json()["status"] == "counted"


def test_exactly_two_thirds_low_is_flagged_for_review(client: TestClient, organizer: Headers) -> None:
    vote = voted(client, organizer, [("low",), ("low",), ("high",)], cadres=1)
    assert close(client, organizer, vote.id, present=3).status_code == 200
    row = count(client, organizer, vote.id).json()["candidates"][0]
    assert row["low"] == level(2, "66.67") and row["band"] == "two_thirds_low" and row["review"] is True


def test_counting_again_answers_the_same_signed_result(client: TestClient, organizer: Headers) -> None:
    vote = voted(client, organizer, [("high", "low"), ("medium", None)])
    assert close(client, organizer, vote.id, present=2).status_code == 200
    first = count(client, organizer, vote.id)
    again = count(client, organizer, vote.id)
    assert first.status_code == again.status_code == 200
    assert first.content == again.content


def test_no_count_before_close(client: TestClient, organizer: Headers) -> None:
    vote = voted(client, organizer, [("high", "low")])
    assert refused(count(client, organizer, vote.id), 409)["details"]["status"] == "open"
    refused(count(client, organizer, "no-such-round"), 404)
    assert client.get(f"{vote.path}/results", headers=organizer).status_code == 404


def test_without_quorum_a_written_reason_is_needed(client: TestClient, organizer: Headers) -> None:
    vote = voted(client, organizer, [("high", "low")], summoned=3)
    assert close(client, organizer, vote.id, present=1).json()["quorum_met"] is False
    assert refused(count(client, organizer, vote.id), 422)["details"]["field"] == "override_reason"
    refused(count(client, organizer, vote.id, "too short"), 422)
    counted = count(client, organizer, vote.id, "Hội nghị vẫn kiểm phiếu theo chỉ đạo của Thường trực")
    assert counted.status_code == 200 and counted.json()["quorum_met"] is False


def test_paper_ballots_not_agreed_stop_the_count_with_their_numbers(
    client: TestClient, organizer: Headers, headers_for: Any
) -> None:
    second = headers_for(Role.ORGANIZER)
    vote = voted(client, organizer, [("high", "low")], summoned=3)
    assert close(client, organizer, vote.id, present=3, paper_issued=2).status_code == 200
    a, b = vote.cadre_ids
    paper_entry(client, organizer, vote.id, 1, 1, {a: {"marks": ["high"], "struck": False}})
    paper_entry(client, second, vote.id, 2, 1, {a: {"marks": ["low"], "struck": False}})
    paper_entry(client, organizer, vote.id, 1, 2, {b: {"marks": ["low"], "struck": False}})
    error = refused(count(client, organizer, vote.id), 409)
    assert error["details"] == {"differing": [1], "one_pass": [2]}
    assert client.get(vote.path, headers=organizer).json()["status"] == "closed"


def test_a_sealed_ballot_that_does_not_open_stops_the_count(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    vote = voted(client, organizer, [("high", "low"), ("low", "low")])
    assert close(client, organizer, vote.id, present=2).status_code == 200
    session.execute(update(Ballot).where(Ballot.round_id == vote.id).values(sealed=b"\x00" * 80))
    session.commit()
    error = refused(count(client, organizer, vote.id), 400)  # SealBroken: never skipped, never a 500
    assert "does not open" in error["message"] and error["code"] == "seal_broken"
    assert client.get(vote.path, headers=organizer).json()["status"] == "closed"


@pytest.mark.parametrize("who", [Role.OBSERVER, Role.COMMITTEE])
def test_only_organizers_count(client: TestClient, organizer: Headers, headers_for: Any, who: Role) -> None:
    vote = voted(client, organizer, [("high", "low")])
    assert close(client, organizer, vote.id, present=2).status_code == 200
    refused(count(client, headers_for(who), vote.id), 403)
