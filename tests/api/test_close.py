"""Closing a round: the figures, the quorum, and what no longer works once voting has ended."""

from __future__ import annotations

import pytest
from counting_builders import close, open_with_voters, refused
from fastapi.testclient import TestClient
from model_builders import make_round
from sqlalchemy.orm import Session
from voting_builders import cast, issue, open_round, prepared_round, voting_round

from app.models import RoundStatus
from app.services import closing
from ballots.errors import InvalidInput

Headers = dict[str, str]


def test_closing_records_the_figures_and_the_quorum(client: TestClient, organizer: Headers) -> None:
    vote = open_with_voters(client, organizer, summoned=6, slips=5)
    assert cast(client, vote, vote.codes[0], vote.ballot("high", "low")).status_code == 201
    paper = client.post(f"{vote.path}/slips/paper", json={"code": vote.codes[1]}, headers=organizer)
    assert paper.status_code == 200, paper.text
    # Slips: 5 made, 1 not handed out, 1 exchanged for a paper ballot (counted once, as paper).
    closed = close(client, organizer, vote.id, present=4, paper_issued=2, unused_codes=[vote.codes[4]])
    assert closed.status_code == 200, closed.text
    assert closed.json() == {
        "round_id": vote.id,
        "status": "closed",
        "summoned": 6,
        "present": 4,
        "quorum_met": True,  # 4 of 6 is exactly 2/3
        "paper_issued": 2,
        "unused_slips": 1,
        "ballots_issued": 5 - 1 - 1 + 2,
    }
    assert client.get(vote.path, headers=organizer).json()["status"] == "closed"


def test_below_two_thirds_the_round_is_marked_without_quorum(client: TestClient, organizer: Headers) -> None:
    vote = open_with_voters(client, organizer, summoned=6, slips=3)  # 3 present of 6
    closed = close(client, organizer, vote.id, present=3, unused_count=2)
    assert closed.status_code == 200, closed.text
    assert closed.json()["quorum_met"] is False and closed.json()["ballots_issued"] == 1


def test_after_closing_no_ballot_and_no_code_is_taken(client: TestClient, organizer: Headers) -> None:
    vote = voting_round(client, organizer, slips=2)
    assert close(client, organizer, vote.id, present=2).status_code == 200
    late = cast(client, vote, vote.codes[0], vote.ballot("high", "high"))
    assert refused(late, 409)["details"]["status"] == "closed"
    assert client.get(f"{vote.path}/ballot").status_code == 409
    spent = client.post(f"{vote.path}/slips/paper", json={"code": vote.codes[1]}, headers=organizer)
    assert spent.status_code == 409


def test_closing_twice_or_a_round_not_open_is_a_conflict(client: TestClient, organizer: Headers) -> None:
    round_id = prepared_round(client, organizer)
    assert refused(close(client, organizer, round_id, present=1), 409)["details"]["status"] == "scheduled"
    issue(client, organizer, round_id, 2)
    open_round(client, organizer, round_id)
    assert close(client, organizer, round_id, present=1).status_code == 200
    assert refused(close(client, organizer, round_id, present=1), 409)["details"]["status"] == "closed"
    refused(close(client, organizer, "no-such-round", present=1), 404)


def test_impossible_figures_are_refused_and_nothing_changes(client: TestClient, organizer: Headers) -> None:
    vote = voting_round(client, organizer, slips=3, cadres=2)  # 2 summoned
    assert cast(client, vote, vote.codes[0], vote.ballot("high", "low")).status_code == 201
    assert refused(close(client, organizer, vote.id, present=3), 422)["details"]["summoned"] == 2
    too_many = close(client, organizer, vote.id, present=2, unused_count=3)  # one slip was used
    assert refused(too_many, 422)["details"]["unused"] == 2
    spent = close(client, organizer, vote.id, present=2, unused_codes=[vote.codes[1], vote.codes[0]])
    error = refused(spent, 422)
    assert error["details"]["positions"] == [2] and vote.codes[0] not in str(error)
    both = close(client, organizer, vote.id, present=2, unused_codes=[vote.codes[1]], unused_count=1)
    refused(both, 422)
    twice = close(client, organizer, vote.id, present=2, unused_codes=[vote.codes[1], vote.codes[1]])
    refused(twice, 422)
    assert client.get(vote.path, headers=organizer).json()["status"] == "open"


def test_a_round_without_roster_cannot_be_closed(session: Session) -> None:
    # The API opens no round without a roster; a round opened before that rule still must not close.
    round_ = make_round(session, status=RoundStatus.OPEN)
    with pytest.raises(InvalidInput, match="no summoned voters"):
        closing.close(session, round_.id, closing.CloseIn(present=0, paper_issued=0), b"s" * 32)


def test_the_bare_status_change_points_to_close_count_and_publish(
    client: TestClient, organizer: Headers
) -> None:
    vote = voting_round(client, organizer, slips=1)

    def bare(status: str, path: str) -> None:
        answer = client.post(f"{vote.path}/status", json={"status": status}, headers=organizer)
        assert refused(answer, 422)["details"]["use"].endswith(f"/{path}")

    bare("closed", "close")
    assert close(client, organizer, vote.id, present=2).status_code == 200
    bare("counted", "count")
    assert client.post(f"{vote.path}/count", headers=organizer).status_code == 200
    bare("published", "publish")
