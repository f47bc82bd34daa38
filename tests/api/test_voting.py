"""Voting with code slips: slips issued once, a ballot cast exactly once, refusals that change nothing."""

from __future__ import annotations

import os

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from voting_builders import cast, issue, open_round, prepared_round, voting_round

from app.models import Ballot, Credential, CredentialState
from ballots.codes import new_code
from ballots.sealing import board_digest

Headers = dict[str, str]


def stored(session: Session) -> tuple[int, list[str]]:
    """Ballots in the box, and the states of the credentials (sorted)."""
    session.expire_all()
    ballots = session.scalar(select(func.count()).select_from(Ballot)) or 0
    return ballots, sorted(s.value for s in session.scalars(select(Credential.state)))


def test_slips_come_out_once_and_only_keyed_hashes_of_them_are_stored(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    round_id = prepared_round(client, organizer, cadres=2)
    codes = issue(client, organizer, round_id, None)  # default: one per summoned voter
    assert len(codes) == 2 == len(set(codes))
    rows = session.scalars(select(Credential)).all()
    assert len(rows) == 2 and {r.state for r in rows} == {CredentialState.UNUSED}
    kept = repr([(r.round_id, r.code_digest, r.receipt_box) for r in rows])
    assert not any(code in kept or code.replace("-", "") in kept for code in codes)

    again = issue(client, organizer, round_id, 5)  # regenerating voids every earlier slip
    assert len(again) == 5 and not set(again) & set(codes)
    assert stored(session) == (0, ["unused"] * 5)


def test_a_cast_ballot_is_on_the_board_and_turnout_moves(client: TestClient, organizer: Headers) -> None:
    vote = voting_round(client, organizer, slips=3)
    assert client.get(f"{vote.path}/turnout").json() == {"issued": 3, "returned": 0}
    answer = cast(client, vote, vote.codes[0], vote.ballot("high", "low"))
    assert answer.status_code == 201, answer.text
    receipt = answer.json()["receipt"]
    board = client.get(f"{vote.path}/board").json()
    assert board == {"receipts": [receipt], "digest": board_digest([receipt])}
    assert client.get(f"{vote.path}/turnout").json() == {"issued": 3, "returned": 1}
    second = cast(client, vote, vote.codes[1].lower().replace("-", " "), vote.ballot(None, "medium"))
    assert second.status_code == 201  # typed in lower case with spaces: the same code
    receipts = client.get(f"{vote.path}/board").json()["receipts"]
    assert receipts == sorted([receipt, second.json()["receipt"]])


def test_the_identical_request_again_gets_the_same_receipt_and_stores_nothing(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    vote = voting_round(client, organizer)
    first = cast(client, vote, vote.codes[0], vote.ballot("high", None))
    retry = cast(client, vote, vote.codes[0], vote.ballot("high", None))
    assert (first.status_code, retry.status_code) == (201, 200)
    assert retry.json() == first.json()
    assert stored(session) == (1, ["online", "unused", "unused"])


def test_a_spent_code_with_other_choices_gets_exactly_the_answer_of_an_unknown_code(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    vote = voting_round(client, organizer)
    assert cast(client, vote, vote.codes[0], vote.ballot("high", "high")).status_code == 201
    spent = cast(client, vote, vote.codes[0], vote.ballot("low", "low"))
    unknown = cast(client, vote, new_code(os.urandom(10)), vote.ballot("low", "low"))
    assert spent.status_code == unknown.status_code == 403
    assert spent.json() == unknown.json()
    error = spent.json()["error"]
    assert error["code"] == "code_not_accepted" and error["message_vi"]
    assert stored(session) == (1, ["online", "unused", "unused"])


def test_a_mistyped_code_is_told_apart_clearly_and_spends_nothing(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    vote = voting_round(client, organizer)
    code = vote.codes[0]
    wrong_check = code[:-1] + ("0" if code[-1] != "0" else "1")
    answer = cast(client, vote, wrong_check, vote.ballot("high"))
    assert answer.status_code == 422
    assert answer.json()["error"]["details"]["field"] == "code"
    assert "check each character" in answer.json()["error"]["message"]
    assert stored(session) == (0, ["unused"] * 3)


def test_a_ballot_with_an_unknown_or_a_missing_row_is_refused_and_the_code_stays_usable(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    vote = voting_round(client, organizer)
    code = vote.codes[0]
    unknown = cast(client, vote, code, vote.ballot("high", "low") | {"someone-else": "high"})
    missing = cast(client, vote, code, {vote.cadre_ids[0]: "high"})
    bad_level = cast(client, vote, code, vote.ballot("very high"))
    assert [r.status_code for r in (unknown, missing, bad_level)] == [422, 422, 422]
    assert unknown.json()["error"]["details"]["unknown"] == ["someone-else"]
    assert missing.json()["error"]["details"]["missing"] == [vote.cadre_ids[1]]
    assert stored(session) == (0, ["unused"] * 3)
    assert cast(client, vote, code, vote.ballot("high", "low")).status_code == 201


def test_voting_before_opening_or_after_closing_is_refused_clearly(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    round_id = prepared_round(client, organizer)
    codes = issue(client, organizer, round_id, 2)
    early = client.get(f"/api/v1/rounds/{round_id}/ballot")
    assert early.status_code == 409 and "not opened yet" in early.json()["error"]["message"]
    open_round(client, organizer, round_id)
    rows = client.get(f"/api/v1/rounds/{round_id}/ballot").json()["rows"]
    # A ballot cast while open: this process now keeps the round's box, and still sees it close.
    in_time = client.post(
        f"/api/v1/rounds/{round_id}/ballots",
        json={"code": codes[1], "choices": {r["cadre_id"]: "low" for r in rows}},
    )
    assert in_time.status_code == 201
    client.post(f"/api/v1/rounds/{round_id}/close", json={"present": 2}, headers=organizer)
    late = client.post(
        f"/api/v1/rounds/{round_id}/ballots",
        json={"code": codes[0], "choices": {r["cadre_id"]: "high" for r in rows}},
    )
    assert late.status_code == 409 and "closed" in late.json()["error"]["message"]
    assert late.json()["error"]["message_vi"]
    assert stored(session) == (1, ["online", "unused"])
    nowhere = client.get("/api/v1/rounds/no-such-round/ballot")
    assert nowhere.status_code == 404


def test_slips_are_refused_once_the_round_is_open(client: TestClient, organizer: Headers) -> None:
    vote = voting_round(client, organizer)
    refused = client.post(f"{vote.path}/slips?format=json", json={"count": 2}, headers=organizer)
    assert refused.status_code == 409 and "before voting opens" in refused.json()["error"]["message"]
    assert client.get(f"{vote.path}/turnout").json()["issued"] == 3


def test_the_ballot_lists_each_eligible_cadre_with_posts_and_the_three_levels(
    client: TestClient, organizer: Headers
) -> None:
    vote = voting_round(client, organizer, cadres=3)
    paper = client.get(f"{vote.path}/ballot").json()
    assert [r["name"] for r in paper["rows"]] == ["Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Văn Tám"]
    assert paper["rows"][0]["posts"] == ["Phó Giám đốc Sở (Nguyễn Văn Hùng)"]
    assert paper["levels"] == [
        {"value": "high", "label_vi": "Tín nhiệm cao"},
        {"value": "medium", "label_vi": "Tín nhiệm"},
        {"value": "low", "label_vi": "Tín nhiệm thấp"},
    ]


def test_slips_issued_again_before_opening_void_the_earlier_ones(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    round_id = prepared_round(client, organizer)
    first = issue(client, organizer, round_id, 2)
    second = issue(client, organizer, round_id, 2)
    open_round(client, organizer, round_id)
    rows = client.get(f"/api/v1/rounds/{round_id}/ballot").json()["rows"]
    choices = {r["cadre_id"]: "medium" for r in rows}
    path = f"/api/v1/rounds/{round_id}/ballots"
    void = client.post(path, json={"code": first[0], "choices": choices})
    assert void.status_code == 403
    assert client.post(path, json={"code": second[0], "choices": choices}).status_code == 201
    assert stored(session) == (1, ["online", "unused"])


def test_a_scheduled_round_with_slips_can_still_be_deleted(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    round_id = prepared_round(client, organizer)
    issue(client, organizer, round_id, 4)
    assert client.delete(f"/api/v1/rounds/{round_id}", headers=organizer).status_code == 204
    assert stored(session) == (0, [])
