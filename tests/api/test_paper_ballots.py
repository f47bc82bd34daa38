"""Paper ballots: the number handed out, two entries per ballot by two operators, what is accepted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from voting_builders import cast, open_round, prepared_round, voting_round

from app.models import PaperEntry, Role, User

Headers = dict[str, str]


@pytest.fixture
def second(headers_for: Callable[[Role], Headers]) -> Headers:
    """Another organizer account: the operator of the other pass."""
    return headers_for(Role.ORGANIZER)


def paper_round(
    client: TestClient, headers: Headers, issued: int = 3, cadres: int = 2
) -> tuple[str, list[str]]:
    """A fully paper round (no slips at all), open, with ``issued`` paper ballots handed out."""
    round_id = prepared_round(client, headers, cadres=cadres)
    open_round(client, headers, round_id)
    answer = client.post(
        f"/api/v1/rounds/{round_id}/paper-ballots/issued", json={"count": issued}, headers=headers
    )
    assert answer.status_code == 200 and answer.json() == {"issued": issued}, answer.text
    rows = client.get(f"/api/v1/rounds/{round_id}/ballot").json()["rows"]
    return round_id, [r["cadre_id"] for r in rows]


def body(pass_: int, number: int, rows: dict[str, Any], stamped: bool = True) -> dict[str, Any]:
    return {"pass": pass_, "number": number, "stamped": stamped, "rows": rows}


def marks(cadres: list[str], *choices: list[str], struck: tuple[int, ...] = ()) -> dict[str, Any]:
    return {c: {"marks": choices[i], "struck": i in struck} for i, c in enumerate(cadres)}


def enter(client: TestClient, headers: Headers, round_id: str, entry: dict[str, Any]) -> Any:
    return client.post(f"/api/v1/rounds/{round_id}/paper-ballots", json=entry, headers=headers)


def refused(answer: Any, status: int) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    error: dict[str, Any] = answer.json()["error"]
    assert error["message"] and error["message_vi"]
    return error


def entries(session: Session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(PaperEntry)) or 0


def test_two_operators_who_agree_make_an_accepted_ballot(
    client: TestClient, organizer: Headers, second: Headers, session: Session
) -> None:
    round_id, cadres = paper_round(client, organizer)
    path = f"/api/v1/rounds/{round_id}"
    first = enter(client, organizer, round_id, body(1, 1, marks(cadres, ["high"], ["low"])))
    assert first.status_code == 200 and first.json()["status"] == "waiting", first.text
    waiting = client.get(f"{path}/paper-ballots/disagreements", headers=organizer).json()["items"]
    assert waiting == [{"number": 1, "passes": [1], "stamp_differs": False, "rows": []}]
    # The same marks in another order, and the second row spelled out as a blank row would be too.
    agreed = enter(client, second, round_id, body(2, 1, marks(cadres, ["high"], ["low"])))
    assert agreed.json() == {"number": 1, "pass": 2, "status": "accepted", "stamp_differs": False, "rows": []}
    assert client.get(f"{path}/paper-ballots/disagreements", headers=organizer).json() == {"items": []}
    summary = client.get(f"{path}/paper-ballots", headers=organizer).json()
    assert summary == {
        "issued": 3,
        "accepted": 1,
        "pending": 0,
        "disagreements": 0,
        "ballots": [{"number": 1, "valid_whole": True, "invalid_rows": {}}],
    }
    assert client.get(f"{path}/turnout").json() == {"issued": 3, "returned": 1}
    # Accepted: nobody enters it again, and nothing changes.
    refused(enter(client, organizer, round_id, body(1, 1, marks(cadres, ["low"], ["low"]))), 409)
    assert entries(session) == 2


def test_a_disagreement_is_listed_with_its_row_and_not_accepted_until_redone(
    client: TestClient, organizer: Headers, second: Headers
) -> None:
    round_id, cadres = paper_round(client, organizer)
    path = f"/api/v1/rounds/{round_id}"
    enter(client, organizer, round_id, body(1, 2, marks(cadres, ["high"], ["medium"])))
    differ = enter(client, second, round_id, body(2, 2, marks(cadres, ["high"], ["low"])))
    assert differ.json() == {
        "number": 2,
        "pass": 2,
        "status": "disagreement",
        "stamp_differs": False,
        "rows": [cadres[1]],
    }
    listed = client.get(f"{path}/paper-ballots/disagreements", headers=organizer).json()["items"]
    assert listed == [{"number": 2, "passes": [1, 2], "stamp_differs": False, "rows": [cadres[1]]}]
    assert client.get(f"{path}/turnout").json() == {"issued": 3, "returned": 0}
    # The committee reads the paper: the second operator mistyped, and redoes their own pass.
    redone = enter(client, second, round_id, body(2, 2, marks(cadres, ["high"], ["medium"])))
    assert redone.json()["status"] == "accepted"
    assert client.get(f"{path}/turnout").json() == {"issued": 3, "returned": 1}


def test_the_same_operator_may_not_enter_both_passes_nor_take_another_s_pass(
    client: TestClient, organizer: Headers, second: Headers, session: Session
) -> None:
    round_id, cadres = paper_round(client, organizer)
    entry = marks(cadres, ["high"], ["low"])
    assert enter(client, organizer, round_id, body(1, 1, entry)).status_code == 200
    error = refused(enter(client, organizer, round_id, body(2, 1, entry)), 409)
    assert "another operator" in error["message"] and error["details"] == {"number": 1, "pass": 2}
    error = refused(enter(client, second, round_id, body(1, 1, entry)), 409)
    assert "another operator" in error["message"]
    assert entries(session) == 1
    # Their own pass, typed again before acceptance, replaces their earlier entry.
    again = enter(client, organizer, round_id, body(1, 1, marks(cadres, ["medium"], ["low"])))
    assert again.status_code == 200 and again.json()["status"] == "waiting"
    assert entries(session) == 1
    # A third pass does not exist.
    error = refused(enter(client, second, round_id, body(3, 1, entry)), 422)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda b, c: b | {"number": 4}, "number"),  # 3 ballots were issued
        (lambda b, c: b | {"number": 0}, None),
        (lambda b, c: b | {"rows": {"not-a-cadre": {"marks": ["high"], "struck": False}}}, None),
        (lambda b, c: b | {"rows": {c[0]: {"marks": ["great"], "struck": False}}}, "rows"),
        (lambda b, c: b | {"rows": {c[0]: {"marks": ["high"], "struck": "yes"}}}, None),
        (lambda b, c: b | {"stamped": None}, None),
        (lambda b, c: {k: v for k, v in b.items() if k != "pass"}, None),
    ],
)
def test_malformed_entries_are_refused_clearly_and_store_nothing(
    client: TestClient,
    organizer: Headers,
    session: Session,
    change: Callable[[dict[str, Any], list[str]], dict[str, Any]],
    field: str | None,
) -> None:
    round_id, cadres = paper_round(client, organizer)
    error = refused(
        enter(client, organizer, round_id, change(body(1, 1, marks(cadres, ["high"], [])), cadres)), 422
    )
    if field is not None:
        assert error["details"]["field"] == field
    assert entries(session) == 0


def test_unknown_cadres_are_named(client: TestClient, organizer: Headers) -> None:
    round_id, _ = paper_round(client, organizer)
    error = refused(
        enter(client, organizer, round_id, body(1, 1, {"zz": {"marks": [], "struck": False}})), 422
    )
    assert error["details"]["cadre_ids"] == ["zz"]


def test_entries_are_refused_before_the_round_opens_and_without_rights(
    client: TestClient, organizer: Headers, observer: Headers, session: Session
) -> None:
    round_id = prepared_round(client, organizer)  # scheduled
    error = refused(
        client.post(f"/api/v1/rounds/{round_id}/paper-ballots/issued", json={"count": 2}, headers=organizer),
        409,
    )
    assert error["details"] == {"status": "scheduled"}
    refused(enter(client, organizer, round_id, body(1, 1, {})), 409)
    open_round(client, organizer, round_id)
    refused(enter(client, organizer, round_id, body(1, 1, {})), 422)  # nothing issued yet: no number 1
    assert (
        client.post(
            f"/api/v1/rounds/{round_id}/paper-ballots", json=body(1, 1, {}), headers=observer
        ).status_code
        == 403
    )
    assert client.post(f"/api/v1/rounds/{round_id}/paper-ballots", json=body(1, 1, {})).status_code == 401
    refused(
        client.post("/api/v1/rounds/nope/paper-ballots/issued", json={"count": 2}, headers=organizer), 404
    )
    refused(client.get("/api/v1/rounds/nope/paper-ballots", headers=organizer), 404)
    refused(client.get("/api/v1/rounds/nope/paper-ballots/disagreements", headers=organizer), 404)
    assert entries(session) == 0


def test_validity_of_accepted_ballots_is_what_the_rule_core_says(
    client: TestClient, organizer: Headers, second: Headers
) -> None:
    round_id, cadres = paper_round(client, organizer, issued=3, cadres=3)
    ballots = [
        (1, marks(cadres, ["high"], [], ["high", "low"]), True),  # no mark, several marks
        (2, marks(cadres, ["low"], ["low"], ["medium"], struck=(1,)), True),  # a struck name
        (3, marks(cadres, ["high"], ["high"], ["high"]), False),  # no stamp: invalid whole
    ]
    for number, rows, stamped in ballots:
        assert (
            enter(client, organizer, round_id, body(1, number, rows, stamped)).json()["status"] == "waiting"
        )
        assert enter(client, second, round_id, body(2, number, rows, stamped)).json()["status"] == "accepted"
    summary = client.get(f"/api/v1/rounds/{round_id}/paper-ballots", headers=organizer).json()
    assert summary["accepted"] == 3 and summary["pending"] == summary["disagreements"] == 0
    assert summary["ballots"] == [
        {
            "number": 1,
            "valid_whole": True,
            "invalid_rows": {cadres[1]: "no_mark", cadres[2]: "several_marks"},
        },
        {"number": 2, "valid_whole": True, "invalid_rows": {cadres[1]: "name_struck"}},
        {"number": 3, "valid_whole": False, "invalid_rows": dict.fromkeys(cadres, "ballot_not_issued")},
    ]
    assert client.get(f"/api/v1/rounds/{round_id}/turnout").json() == {"issued": 3, "returned": 3}


def test_a_differing_stamp_is_a_disagreement(client: TestClient, organizer: Headers, second: Headers) -> None:
    round_id, cadres = paper_round(client, organizer)
    rows = marks(cadres, ["high"], ["low"])
    enter(client, organizer, round_id, body(1, 1, rows, stamped=True))
    answer = enter(client, second, round_id, body(2, 1, rows, stamped=False)).json()
    assert answer["status"] == "disagreement" and answer["stamp_differs"] and answer["rows"] == []


def test_turnout_counts_a_slip_exchanged_for_paper_once_as_the_paper_ballot(
    client: TestClient, organizer: Headers, second: Headers
) -> None:
    vote = voting_round(client, organizer, slips=3)
    assert cast(client, vote, vote.codes[0], vote.ballot("high", "low")).status_code == 201
    spent = client.post(f"{vote.path}/slips/paper", json={"code": vote.codes[1]}, headers=organizer)
    assert spent.status_code == 200, spent.text
    # One paper ballot for the exchanged slip and one more for a voter without a slip; fewer than the
    # slips already exchanged is refused.
    refused(client.post(f"{vote.path}/paper-ballots/issued", json={"count": 0}, headers=organizer), 409)
    assert (
        client.post(f"{vote.path}/paper-ballots/issued", json={"count": 2}, headers=organizer).status_code
        == 200
    )
    assert client.get(f"{vote.path}/turnout").json() == {"issued": 4, "returned": 1}
    rows = marks(vote.cadre_ids, ["medium"], ["medium"])
    enter(client, organizer, vote.id, body(1, 2, rows))
    assert client.get(f"{vote.path}/turnout").json() == {"issued": 4, "returned": 1}  # one pass is not enough
    enter(client, second, vote.id, body(2, 2, rows))
    assert client.get(f"{vote.path}/turnout").json() == {"issued": 4, "returned": 2}
    # The issued figure cannot fall below a ballot number already entered.
    refused(client.post(f"{vote.path}/paper-ballots/issued", json={"count": 1}, headers=organizer), 409)


def test_entries_go_on_after_close_but_not_after_counting(
    client: TestClient, organizer: Headers, second: Headers
) -> None:
    round_id, cadres = paper_round(client, organizer, issued=1)
    closed = client.post(
        f"/api/v1/rounds/{round_id}/close", json={"present": 2, "paper_issued": 1}, headers=organizer
    )
    assert closed.status_code == 200, closed.text
    rows = marks(cadres, ["low"], ["high"])
    assert enter(client, organizer, round_id, body(1, 1, rows)).status_code == 200
    assert enter(client, second, round_id, body(2, 1, rows)).json()["status"] == "accepted"
    counted = client.post(f"/api/v1/rounds/{round_id}/count", headers=organizer)
    assert counted.status_code == 200, counted.text
    late = enter(client, organizer, round_id, body(1, 2, rows))
    assert late.status_code == 409 and late.json()["error"]["details"]["status"] == "counted"


def test_an_entry_keeps_no_time_and_no_link_to_a_slip_or_a_voter() -> None:
    columns = {c.name for c in PaperEntry.__table__.columns}
    assert columns == {"round_id", "number", "pass_no", "entered_by", "stamped", "rows"}
    assert {fk.column.table.name for fk in PaperEntry.__table__.foreign_keys} == {"rounds", "users"}


def test_the_database_itself_refuses_one_account_for_both_passes(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    round_id, _ = paper_round(client, organizer)
    user_id = session.scalars(select(User.id)).first()
    assert user_id is not None
    for pass_no in (1, 2):
        session.add(
            PaperEntry(
                round_id=round_id, number=1, pass_no=pass_no, entered_by=user_id, stamped=True, rows={}
            )
        )
    with pytest.raises(IntegrityError):
        session.flush()
    session.rollback()
