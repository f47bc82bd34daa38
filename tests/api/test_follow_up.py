"""The nq96 follow-up vote of a People's Council: two boxes, voted, counted and reported the same way."""

from __future__ import annotations

from typing import Any

from api_builders import created, make_cadre, make_plan, make_round, make_unit, post_body, propose
from counting_builders import add_voters, close, count, refused, verify_from_outside
from fastapi.testclient import TestClient
from voting_builders import VotingRound, cast, issue, open_round

Headers = dict[str, str]
DEPUTIES = ["Nguyễn Văn Hùng", "Trần Thị Lan"]


def follow_up_round(client: TestClient, headers: Headers, *, summoned: int, slips: int) -> VotingRound:
    unit = make_unit(client, headers, "HĐND tỉnh")
    fields = {"rulebook": "nq96", "kind": "follow_up", "title": "Kỳ họp HĐND tỉnh: bỏ phiếu tín nhiệm"}
    round_ = make_round(client, headers, make_plan(client, headers), unit, **fields)
    assert round_["kind"] == "follow_up"
    for name in DEPUTIES:
        post = post_body(unit, title=f"Phó Chủ tịch HĐND ({name})", filled_by="council_elected")
        cadre = make_cadre(client, headers, name, [post])
        assert propose(client, headers, round_["id"], cadre["id"]).status_code == 201
    add_voters(client, headers, round_["id"], summoned)
    scheduled = client.post(
        f"/api/v1/rounds/{round_['id']}/status", json={"status": "scheduled"}, headers=headers
    )
    assert scheduled.status_code == 200, scheduled.text
    codes = issue(client, headers, round_["id"], slips)
    opened = open_round(client, headers, round_["id"])
    rows = client.get(f"/api/v1/rounds/{round_['id']}/ballot").json()["rows"]
    return VotingRound(round_["id"], codes, [r["cadre_id"] for r in rows], opened)


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
