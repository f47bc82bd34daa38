"""Builders for the counting tests: a voted round closed and counted through the API, and a check of
a results signature made with ``cryptography`` alone (as another system would)."""

from __future__ import annotations

import base64
import json
from typing import Any

from api_builders import make_cadre, make_plan, make_round, make_unit, post_body, propose
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from fastapi.testclient import TestClient
from voting_builders import VotingRound, cast, issue, open_round, prepared_round

Headers = dict[str, str]


def add_voters(client: TestClient, headers: Headers, round_id: str, count: int) -> None:
    """More summoned voters than the builder's one per cadre (the roster is the quorum's base)."""
    for i in range(max(count, 0)):
        body = {"full_name": f"Đại biểu bổ sung {i}"}
        answer = client.post(f"/api/v1/rounds/{round_id}/roster", json=body, headers=headers)
        assert answer.status_code == 201, answer.text


def open_with_voters(
    client: TestClient, headers: Headers, *, summoned: int, slips: int, cadres: int = 2, **round_fields: Any
) -> VotingRound:
    """An open round with ``summoned`` voters on its roster (at least one per cadre) and ``slips`` codes."""
    round_id = prepared_round(client, headers, cadres=cadres, **round_fields)
    add_voters(client, headers, round_id, summoned - cadres)
    codes = issue(client, headers, round_id, slips)
    opened = open_round(client, headers, round_id)
    rows = client.get(f"/api/v1/rounds/{round_id}/ballot").json()["rows"]
    return VotingRound(round_id, codes, [r["cadre_id"] for r in rows], opened)


def voted(
    client: TestClient,
    headers: Headers,
    ballots: list[tuple[str | None, ...]],
    *,
    cadres: int = 2,
    summoned: int | None = None,
    **round_fields: Any,
) -> VotingRound:
    """An open round with one slip per ballot given, each cast with those choices in ballot order."""
    slips = max(len(ballots), 1)
    vote = open_with_voters(
        client, headers, summoned=summoned or max(slips, cadres), slips=slips, cadres=cadres, **round_fields
    )
    for code, choices in zip(vote.codes, ballots, strict=False):
        answer = cast(client, vote, code, vote.ballot(*choices))
        assert answer.status_code == 201, answer.text
    return vote


def close(client: TestClient, headers: Headers, round_id: str, **body: Any) -> Any:
    return client.post(f"/api/v1/rounds/{round_id}/close", json=body, headers=headers)


def count(client: TestClient, headers: Headers, round_id: str, reason: str | None = None) -> Any:
    body = None if reason is None else {"override_reason": reason}
    return client.post(f"/api/v1/rounds/{round_id}/count", json=body, headers=headers)


def closed_and_counted(
    client: TestClient, headers: Headers, vote: VotingRound, present: int
) -> dict[str, Any]:
    closed = close(client, headers, vote.id, present=present, unused_count=0)
    assert closed.status_code == 200, closed.text
    counted = count(client, headers, vote.id)
    assert counted.status_code == 200, counted.text
    document: dict[str, Any] = counted.json()
    return document


def verify_from_outside(client: TestClient, document: dict[str, Any]) -> None:
    """What any other system does: the public key by id from /keys, the canonical JSON, verify."""
    keys = {k["key_id"]: k for k in client.get("/api/v1/keys").json()["keys"]}
    signature = document["signature"]
    assert signature["alg"] == "Ed25519"
    public = Ed25519PublicKey.from_public_bytes(base64.b64decode(keys[signature["key_id"]]["public_key"]))
    unsigned = {k: v for k, v in document.items() if k != "signature"}
    canonical = json.dumps(unsigned, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    public.verify(base64.b64decode(signature["value"]), canonical)  # raises InvalidSignature otherwise


def refused(answer: Any, status: int) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    error: dict[str, Any] = answer.json()["error"]
    assert error["message"] and error["message_vi"]
    return error


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
