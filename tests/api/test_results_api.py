"""Publishing and reading results: who sees what when, the results scope, ETags, signing keys."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from counting_builders import closed_and_counted, refused, verify_from_outside, voted
from cryptography.exceptions import InvalidSignature
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.clock import Clock
from app.models import Role
from app.services import auth, signing_keys
from app.settings import Settings

Headers = dict[str, str]


@pytest.fixture
def results_only(session: Session, clock: Clock) -> Headers:
    """A token of another system: the 'results' scope and nothing else."""
    user, _ = auth.create_user(session, f"system-{uuid.uuid4().hex[:8]}", Role.OBSERVER, password="x" * 12)
    _, secret = auth.create_token(session, user.username, clock.now(), scopes=["results"])
    session.commit()
    return {"Authorization": f"Bearer {secret}"}


def publish(client: TestClient, headers: Headers, round_id: str) -> Any:
    return client.post(f"/api/v1/rounds/{round_id}/publish", headers=headers)


def test_results_are_seen_by_readers_once_counted_and_by_systems_once_published(
    client: TestClient, organizer: Headers, observer: Headers, results_only: Headers
) -> None:
    vote = voted(client, organizer, [("high", "low"), ("low", None)])
    path = f"{vote.path}/results"
    missing = client.get("/api/v1/rounds/no-such-round/results", headers=results_only)
    assert refused(missing, 404)
    closed_and_counted(client, organizer, vote, present=2)
    assert client.get(path, headers=observer).status_code == 200
    hidden = client.get(path, headers=results_only)
    # Exactly the answer of a round that does not exist, but for the id it names.
    assert hidden.status_code == 404
    assert hidden.text == missing.text.replace("no-such-round", vote.id)
    assert client.get("/api/v1/results", headers=results_only).json()["total"] == 0
    published = publish(client, organizer, vote.id)
    assert published.status_code == 200, published.text
    seen = client.get(path, headers=results_only)
    assert seen.status_code == 200 and seen.content == published.content
    verify_from_outside(client, seen.json())
    assert client.get(vote.path, headers=organizer).json()["status"] == "published"


def test_the_results_scope_reads_nothing_else(client: TestClient, results_only: Headers) -> None:
    for path in ("/api/v1/rounds", "/api/v1/plans", "/api/v1/units"):
        assert refused(client.get(path, headers=results_only), 403)
    refused(client.post("/api/v1/units", json={"name": "X", "level": "province"}, headers=results_only), 403)
    assert client.get("/api/v1/results", headers=results_only).status_code == 200


def test_publishing_needs_a_counted_round(client: TestClient, organizer: Headers, observer: Headers) -> None:
    vote = voted(client, organizer, [("high", "low")])
    assert refused(publish(client, organizer, vote.id), 409)["details"]["status"] == "open"
    closed_and_counted(client, organizer, vote, present=2)
    refused(publish(client, observer, vote.id), 403)
    assert publish(client, organizer, vote.id).status_code == 200
    assert refused(publish(client, organizer, vote.id), 409)["details"]["status"] == "published"


def test_etags_answer_304_when_nothing_changed(
    client: TestClient, organizer: Headers, results_only: Headers
) -> None:
    vote = voted(client, organizer, [("high", "low")])
    closed_and_counted(client, organizer, vote, present=2)
    publish(client, organizer, vote.id)
    for path in (f"{vote.path}/results", "/api/v1/results"):
        first = client.get(path, headers=results_only)
        tag = first.headers["etag"]
        again = client.get(path, headers=results_only | {"If-None-Match": tag})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
        other = client.get(path, headers=results_only | {"If-None-Match": '"something-else"'})
        assert other.status_code == 200


def test_the_list_filters_and_shows_the_plans_audience_and_deadline(
    client: TestClient, organizer: Headers, results_only: Headers
) -> None:
    vote = voted(client, organizer, [("low", "low"), ("low", "high")])
    closed_and_counted(client, organizer, vote, present=2)
    publish(client, organizer, vote.id)
    round_ = client.get(vote.path, headers=organizer).json()
    listed = client.get("/api/v1/results", headers=results_only).json()
    assert listed["total"] == 1 and listed["limit"] == 50 and listed["offset"] == 0
    item = listed["items"][0]
    assert item["round_id"] == vote.id and item["plan_id"] == round_["plan_id"]
    assert item["publication"]["deadline"] and item["publication"]["published_at"]
    assert "audience" in item["publication"]
    verify_from_outside(client, item["results"])
    found = {
        "plan_id": round_["plan_id"],
        "unit_id": round_["unit_id"],
        "rulebook": "qd96",
        "band": "two_thirds_low",
        "date_from": "2027-09-20",
        "date_to": "2027-09-20",
    }
    for key, value in found.items():
        assert (
            client.get("/api/v1/results", params={key: value}, headers=results_only).json()["total"] == 1
        ), key
    empty = {
        "rulebook": "nq96",
        "band": "over_half_low",
        "date_from": "2027-09-21",
        "plan_id": "x",
        "unit_id": "x",
    }
    for key, value in empty.items():
        assert (
            client.get("/api/v1/results", params={key: value}, headers=results_only).json()["total"] == 0
        ), key
    assert client.get("/api/v1/results", params={"offset": 1}, headers=results_only).json()["items"] == []
    swapped = {"date_from": "2027-09-21", "date_to": "2027-09-20"}
    refused(client.get("/api/v1/results", params=swapped, headers=results_only), 422)


def test_rotation_keeps_old_results_verifiable(
    client: TestClient, organizer: Headers, session: Session, settings: Settings, clock: Clock
) -> None:
    vote = voted(client, organizer, [("high", "low")])
    document = closed_and_counted(client, organizer, vote, present=2)
    old_id = document["signature"]["key_id"]
    retired, made = signing_keys.rotate(session, settings.secret_bytes(), clock.now())
    session.commit()
    assert retired == old_id and made.key_id != old_id
    keys = {k["key_id"]: k for k in client.get("/api/v1/keys").json()["keys"]}
    assert keys[old_id]["retired_at"] is not None and keys[made.key_id]["retired_at"] is None
    assert keys[old_id]["alg"] == "Ed25519"
    verify_from_outside(client, client.get(f"{vote.path}/results", headers=organizer).json())


def test_a_changed_document_fails_verification(client: TestClient, organizer: Headers) -> None:
    vote = voted(client, organizer, [("high", "low")])
    document = closed_and_counted(client, organizer, vote, present=2)
    document["candidates"][0]["high"]["count"] += 1
    with pytest.raises(InvalidSignature):
        verify_from_outside(client, document)


def test_signing_keys_are_made_once(session: Session, settings: Settings, clock: Clock) -> None:
    first = signing_keys.current(session, settings.secret_bytes(), clock.now())
    assert signing_keys.current(session, settings.secret_bytes(), clock.now()).key_id == first.key_id


def test_a_results_token_gets_the_files_of_published_rounds_only(
    client: TestClient, organizer: Headers, observer: Headers, results_only: Headers
) -> None:
    vote = voted(client, organizer, [("high", "low"), ("medium", "medium")])
    closed_and_counted(client, organizer, vote, present=2)
    files = [f"{vote.path}/results.csv", f"{vote.path}/results.xlsx", f"{vote.path}/minutes.pdf"]
    for path in files:
        assert client.get(path, headers=observer).status_code == 200
        # Unpublished: exactly as if the round did not exist.
        assert refused(client.get(path, headers=results_only), 404)
    assert refused(client.get(f"{vote.path}/record", headers=results_only), 403)
    assert publish(client, organizer, vote.id).status_code == 200
    csv = client.get(files[0], headers=results_only)
    assert csv.status_code == 200 and csv.content.startswith("\ufeff".encode())
    assert client.get(files[2], headers=results_only).content.startswith(b"%PDF")
