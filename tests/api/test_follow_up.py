"""The nq96 follow-up vote of a People's Council: two boxes, voted, counted and reported the same way."""

from __future__ import annotations

from typing import Any

from api_builders import created, make_plan, make_unit
from counting_builders import close, count, follow_up_round, refused, verify_from_outside
from fastapi.testclient import TestClient
from voting_builders import cast

from app.models import Role

Headers = dict[str, str]


def test_a_follow_up_vote_end_to_end(client: TestClient, organizer: Headers) -> None:
    vote = follow_up_round(client, organizer, summoned=5, slips=4)
    ballot = client.get(f"{vote.path}/ballot").json()
    assert ballot["levels"] == [
        {"value": "trust", "label_vi": "Tín nhiệm"},
        {"value": "no_trust", "label_vi": "Không tín nhiệm"},
    ]
    wrong_box = cast(client, vote, vote.codes[0], vote.ballot("high", "low"))
    assert refused(wrong_box, 422)
    for code, choices in zip(
        vote.codes, [("no_trust", "trust"), ("no_trust", "trust"), ("no_trust", None)], strict=False
    ):
        assert cast(client, vote, code, vote.ballot(*choices)).status_code == 201
    assert close(client, organizer, vote.id, present=5, unused_count=1).status_code == 200
    counted = count(client, organizer, vote.id)
    assert counted.status_code == 200, counted.text
    document: dict[str, Any] = counted.json()
    verify_from_outside(client, document)
    assert document["round"]["kind"] == "follow_up" and document["deputies"] == 5
    first, second = document["candidates"]
    # 3 of 5 deputies voted "no confidence": more than half of all deputies.
    assert first["no_trust"] == {"count": 3, "percent": "100.00"} and first["no_confidence_majority"] is True
    assert second["trust"] == {"count": 2, "percent": "66.67"} and second["invalid"] == 1
    assert second["no_confidence_majority"] is False
    assert "band" not in first and "high" not in first


def test_a_follow_up_vote_is_held_only_under_nq96(client: TestClient, organizer: Headers) -> None:
    unit = make_unit(client, organizer, "Sở Tài chính")
    body = {
        "plan_id": make_plan(client, organizer),
        "unit_id": unit,
        "title": "Hội nghị lấy phiếu tín nhiệm",
        "vote_date": "2027-09-20",
        "rulebook": "qd96",
        "kind": "follow_up",
    }
    assert (
        refused(client.post("/api/v1/rounds", json=body, headers=organizer), 422)["details"]["field"]
        == "kind"
    )
    assert created(client.post("/api/v1/rounds", json=body | {"kind": "confidence"}, headers=organizer))


def test_a_follow_up_paper_ballot_is_entered_and_counted_with_its_two_boxes(
    client: TestClient, organizer: Headers, headers_for: Any
) -> None:
    vote = follow_up_round(client, organizer, summoned=3, slips=1)
    first, second = vote.cadre_ids
    paper = {first: {"marks": ["no_trust"], "struck": False}, second: {"marks": ["trust"], "struck": False}}
    path = f"{vote.path}/paper-ballots"
    wrong = {"pass": 1, "number": 1, "stamped": True, "rows": {first: {"marks": ["high"], "struck": False}}}
    assert close(client, organizer, vote.id, present=3, paper_issued=1).status_code == 200
    refused(client.post(path, json=wrong, headers=organizer), 422)
    for pass_, who in ((1, organizer), (2, headers_for(Role.ORGANIZER))):
        body = {"pass": pass_, "number": 1, "stamped": True, "rows": paper}
        assert client.post(path, json=body, headers=who).status_code == 200
    document = count(client, organizer, vote.id).json()
    assert document["ballots_returned"] == 1
    assert (
        document["candidates"][0]["no_trust"]["count"] == 1
        and document["candidates"][1]["trust"]["count"] == 1
    )
