"""Committee sealing at the count: k members enter their shares on their own accounts."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest
from counting_builders import close, count, refused, verify_from_outside, voted
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import KeyShareEntry, Role
from app.sealing.shares import split_key

Headers = dict[str, str]
COMMITTEE: dict[str, Any] = {"sealing": "committee", "threshold": 2, "committee": 3}


def share(client: TestClient, headers: Headers, round_id: str, words: str) -> Any:
    return client.post(f"/api/v1/rounds/{round_id}/shares", json={"words": words}, headers=headers)


def stored(session: Session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(KeyShareEntry)) or 0


def test_k_shares_open_the_box_and_are_gone_after_the_count(
    client: TestClient, organizer: Headers, headers_for: Callable[[Role], Headers], session: Session
) -> None:
    vote = voted(client, organizer, [("high", "low"), ("low", "low")], **COMMITTEE)
    words = [s["words"] for s in vote.opened["key_shares"]]
    assert close(client, organizer, vote.id, present=2).status_code == 200
    second = headers_for(Role.ORGANIZER)
    path = f"{vote.path}/shares"
    assert client.get(path, headers=organizer).json() == {"entered": 0, "needed": 2}
    first = share(client, organizer, vote.id, words[0])
    assert first.json() == {"entered": 1, "needed": 2}
    # k - 1 shares do not open the box: the count says how many are missing.
    assert refused(count(client, organizer, vote.id), 409)["details"] == {"entered": 1, "needed": 2}
    assert share(client, second, vote.id, words[2]).json() == {"entered": 2, "needed": 2}
    assert stored(session) == 2
    counted = count(client, organizer, vote.id)
    assert counted.status_code == 200, counted.text
    verify_from_outside(client, counted.json())
    assert [c["low"]["count"] for c in counted.json()["candidates"]] == [1, 2]
    assert stored(session) == 0  # the shares (and so the key) leave nothing behind


def test_a_duplicate_a_second_share_of_one_account_and_a_foreign_share_are_refused(
    client: TestClient, organizer: Headers, headers_for: Callable[[Role], Headers]
) -> None:
    vote = voted(client, organizer, [("high", "low")], **COMMITTEE)
    words = [s["words"] for s in vote.opened["key_shares"]]
    assert close(client, organizer, vote.id, present=2).status_code == 200
    assert share(client, organizer, vote.id, words[0]).status_code == 200
    again = refused(share(client, organizer, vote.id, words[1]), 409)  # same account, another share
    assert again["details"] == {"entered": 1, "needed": 2}
    second = headers_for(Role.ORGANIZER)
    refused(share(client, second, vote.id, words[0].upper()), 409)  # the same share, typed again
    typed = words[1].split()
    wrong = "acid" if typed[-1] == "academic" else "academic"  # another word of the list: the checksum fails
    mistyped = " ".join([*typed[:-1], wrong])
    error = refused(share(client, second, vote.id, mistyped), 422)
    assert words[1].split()[0] not in error["message"]  # never the words back
    assert client.get(f"{vote.path}/shares", headers=organizer).json() == {"entered": 1, "needed": 2}


def test_shares_of_another_round_are_refused(
    client: TestClient, organizer: Headers, headers_for: Callable[[Role], Headers]
) -> None:
    vote = voted(client, organizer, [("high", "low")], **COMMITTEE)
    # Another round's set: a different key split with the same k-of-n.
    foreign = split_key(b"\x07" * 32, 2, 3)
    assert close(client, organizer, vote.id, present=2).status_code == 200
    share(client, organizer, vote.id, vote.opened["key_shares"][0]["words"])
    refused(share(client, headers_for(Role.ORGANIZER), vote.id, foreign[1]), 422)


def test_shares_only_for_a_closed_committee_round(client: TestClient, organizer: Headers) -> None:
    vote = voted(client, organizer, [("high", "low")], **COMMITTEE)
    words = vote.opened["key_shares"][0]["words"]
    assert refused(share(client, organizer, vote.id, words), 409)["details"]["status"] == "open"


def test_a_round_sealed_by_the_server_takes_no_share(client: TestClient, organizer: Headers) -> None:
    vote = voted(client, organizer, [("high", "low")])
    assert close(client, organizer, vote.id, present=2).status_code == 200
    assert (
        refused(client.get(f"{vote.path}/shares", headers=organizer), 409)["details"]["sealing"] == "server"
    )


def test_no_share_word_reaches_any_log(
    client: TestClient,
    organizer: Headers,
    headers_for: Callable[[Role], Headers],
    caplog: pytest.LogCaptureFixture,
) -> None:
    vote = voted(client, organizer, [("high", "low")], **COMMITTEE)
    words = [s["words"] for s in vote.opened["key_shares"]]
    assert close(client, organizer, vote.id, present=2).status_code == 200
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")
    share(client, organizer, vote.id, words[0])
    share(client, organizer, vote.id, words[1])  # refused: the same account
    share(client, headers_for(Role.ORGANIZER), vote.id, words[1][:-3] + "xyz")  # refused: mistyped
    share(client, headers_for(Role.ORGANIZER), vote.id, words[2])
    assert count(client, organizer, vote.id).status_code == 200
    logged = caplog.text
    assert logged  # the statements were logged
    for typed in words:
        assert " ".join(typed.split()[:3]) not in logged
