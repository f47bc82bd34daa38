"""The round's keys, made when voting opens: wrapped by the service, or split among the committee."""

from __future__ import annotations

from itertools import combinations

import pytest
from api_builders import round_body
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from voting_builders import cast, issue, open_round, prepared_round, voting_round

from app.models import Ballot, RoundKey
from app.repositories.voting import sealed_ballots
from app.sealing.keystore import unwrap_private_key
from app.sealing.shares import recover_key
from app.settings import Settings
from ballots.errors import InvalidInput
from ballots.levels import Level
from ballots.sealing import decode_ballot, round_keys, unseal_all

Headers = dict[str, str]


def test_a_round_opened_with_server_sealing_keeps_only_the_wrapped_key_and_its_ballots_open_with_it(
    client: TestClient, organizer: Headers, session: Session, settings: Settings
) -> None:
    vote = voting_round(client, organizer, slips=2)
    assert vote.opened["sealing"] == "server" and vote.opened["key_shares"] == []
    for code, choices in zip(vote.codes, [("high", None), ("low", "medium")], strict=True):
        assert cast(client, vote, code, vote.ballot(*choices)).status_code == 201
    key = session.scalars(select(RoundKey)).one()
    assert key.layout == vote.cadre_ids and key.threshold is None
    assert key.wrapped_private_key is not None
    private = unwrap_private_key(
        key.wrapped_private_key, settings.secret_key.get_secret_value().encode(), vote.id
    )
    assert round_keys(private).public_key == key.public_key
    opened = unseal_all(sealed_ballots(session, vote.id), private, vote.id)
    counted = sorted(sorted((c, str(v)) for c, v in decode_ballot(key.layout, b).items()) for b in opened)
    first, second = vote.cadre_ids
    assert counted == sorted(
        [
            sorted([(first, str(Level.HIGH)), (second, "None")]),
            sorted([(first, str(Level.LOW)), (second, str(Level.MEDIUM))]),
        ]
    )


def test_a_round_opened_with_committee_sealing_hands_out_k_of_n_shares_once_and_keeps_no_private_key(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    round_id = prepared_round(client, organizer, committee=3, sealing="committee", threshold=2)
    issue(client, organizer, round_id, 2)
    opened = open_round(client, organizer, round_id)
    shares = opened["key_shares"]
    assert (opened["sealing"], opened["threshold"], len(shares)) == ("committee", 2, 3)
    assert [s["position"] for s in shares] == [1, 2, 3] and all(len(s["words"].split()) == 33 for s in shares)
    key = session.scalars(select(RoundKey)).one()
    assert key.wrapped_private_key is None and key.threshold == 2
    for pair in combinations([s["words"] for s in shares], 2):
        assert round_keys(recover_key(list(pair), key.public_key)).public_key == key.public_key
    with pytest.raises(InvalidInput):
        recover_key([shares[0]["words"]], key.public_key)
    # Nothing of the shares stays in the service: the round's answer no longer carries them.
    assert "key_shares" not in client.get(f"/api/v1/rounds/{round_id}", headers=organizer).json()
    assert session.scalars(select(Ballot)).all() == []


def test_committee_sealing_needs_a_threshold_and_enough_members_to_open(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    round_id = prepared_round(client, organizer, committee=1, sealing="committee", threshold=2)
    planned = client.get(f"/api/v1/rounds/{round_id}", headers=organizer).json()
    body = round_body(planned["plan_id"], planned["unit_id"], vote_date="2027-09-21", sealing="committee")
    without_k = client.post("/api/v1/rounds", json=body, headers=organizer)
    assert without_k.status_code == 422 and "threshold" in without_k.json()["error"]["message"]
    refused = client.post(f"/api/v1/rounds/{round_id}/status", json={"status": "open"}, headers=organizer)
    assert refused.status_code == 422 and refused.json()["error"]["details"]["members"] == 1
    assert refused.json()["error"]["message_vi"]
    assert session.scalars(select(RoundKey)).all() == []
    path = f"/api/v1/rounds/{round_id}"
    no_k = client.patch(path, json={"threshold": None}, headers=organizer)
    assert no_k.status_code == 422 and no_k.json()["error"]["details"]["field"] == "threshold"
    server_k = client.patch(path, json={"sealing": "server", "threshold": 2}, headers=organizer)
    assert server_k.status_code == 422
    back = client.patch(path, json={"sealing": "server"}, headers=organizer)
    assert (back.json()["sealing"], back.json()["threshold"]) == ("server", None)
    assert (
        client.patch(path, json={"sealing": "committee", "threshold": 1}, headers=organizer).json()[
            "threshold"
        ]
        == 1
    )
    assert open_round(client, organizer, round_id)["key_shares"][0]["words"]
