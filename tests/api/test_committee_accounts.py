"""Committee members as users: an account linked to a round's counting committee does that round's
conference-day work (slips, paper ballots) and reaches no other round, nor plans, units or cadres."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from api_builders import created
from fastapi.testclient import TestClient
from voting_builders import open_round, prepared_round

from app.models import Role

Headers = dict[str, str]


def members(client: TestClient, headers: Headers, round_id: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = client.get(f"/api/v1/rounds/{round_id}/committee", headers=headers).json()[
        "items"
    ]
    return items


def account(client: TestClient, headers: Headers, round_id: str, member_id: str, **body: str) -> Any:
    return client.post(f"/api/v1/rounds/{round_id}/committee/{member_id}/account", json=body, headers=headers)


def log_in(client: TestClient, username: str, password: str) -> Headers:
    login = client.post("/api/v1/auth/token", json={"username": username, "password": password})
    assert login.status_code == 201, login.text
    return {"Authorization": f"Bearer {login.json()['token']}"}


def committee_headers(client: TestClient, organizer: Headers, round_id: str) -> list[Headers]:
    """Every committee member of the round given a new account, signed in."""
    signed_in = []
    for member in members(client, organizer, round_id):
        given = created(account(client, organizer, round_id, member["id"]))
        signed_in.append(log_in(client, given["username"], given["password"]))
    return signed_in


def entry(cadres: list[str], number: int, pass_: int) -> dict[str, Any]:
    rows = {c: {"marks": ["high"], "struck": False} for c in cadres}
    return {"pass": pass_, "number": number, "stamped": True, "rows": rows}


@pytest.fixture
def two_rounds(client: TestClient, organizer: Headers) -> tuple[str, str]:
    """Two open rounds, each with a committee of two."""
    rounds = []
    for tag in ("", " 2"):
        round_id = prepared_round(client, organizer, committee=2, tag=tag)
        open_round(client, organizer, round_id)
        rounds.append(round_id)
    return rounds[0], rounds[1]


def test_a_member_gets_an_account_named_after_them_shown_in_the_listing(
    client: TestClient, organizer: Headers
) -> None:
    round_id = prepared_round(client, organizer, committee=1)
    member = members(client, organizer, round_id)[0]
    assert member["user"] is None
    given = account(client, organizer, round_id, member["id"])
    assert given.status_code == 201, given.text
    assert given.headers["cache-control"] == "no-store"
    body = given.json()
    # "Thành viên Nguyễn Văn Hùng 0": diacritics folded, as one types it at the login page.
    assert body["username"] == "thanh.vien.nguyen.van.hung.0" and len(body["password"]) >= 10
    assert members(client, organizer, round_id)[0]["user"] == body["username"]
    me = client.get("/api/v1/me", headers=log_in(client, body["username"], body["password"])).json()
    assert me["role"] == "committee"
    again = account(client, organizer, round_id, member["id"])
    assert again.status_code == 409 and body["username"] in again.json()["error"]["message"]


def test_the_same_name_in_another_round_gets_a_name_of_its_own(
    client: TestClient, organizer: Headers
) -> None:
    names = []
    for tag in ("", " 2"):
        round_id = prepared_round(client, organizer, committee=1, tag=tag)
        member_id = members(client, organizer, round_id)[0]["id"]
        names.append(created(account(client, organizer, round_id, member_id)))
    assert names[1]["username"] == names[0]["username"] + "-2"


def test_one_account_serves_one_member_per_round_and_can_be_linked_in_another(
    client: TestClient, organizer: Headers, two_rounds: tuple[str, str]
) -> None:
    first, second = two_rounds
    a, b = members(client, organizer, first)
    username = created(account(client, organizer, first, a["id"]))["username"]
    twice = account(client, organizer, first, b["id"], username=username)
    assert twice.status_code == 409 and twice.json()["error"]["message_vi"]
    other_id = members(client, organizer, second)[0]["id"]
    linked = account(client, organizer, second, other_id, username=username)
    assert linked.status_code == 201 and linked.json() == {
        "member_id": other_id,
        "username": username,
        "password": None,
    }


def test_only_committee_accounts_can_be_linked(
    client: TestClient, organizer: Headers, headers_for: Callable[[Role], Headers]
) -> None:
    round_id = prepared_round(client, organizer, committee=1)
    member_id = members(client, organizer, round_id)[0]["id"]
    me = client.get("/api/v1/me", headers=organizer).json()["username"]
    assert account(client, organizer, round_id, member_id, username=me).status_code == 422
    assert account(client, organizer, round_id, member_id, username="nobody-here").status_code == 404
    unknown = "00000000-0000-4000-8000-000000000000"
    assert account(client, organizer, round_id, unknown).status_code == 404
    observer = headers_for(Role.OBSERVER)
    assert account(client, observer, round_id, member_id).status_code == 403


def test_members_do_the_two_passes_of_their_round_and_are_refused_on_another(
    client: TestClient, organizer: Headers, observer: Headers, two_rounds: tuple[str, str]
) -> None:
    first, second = two_rounds
    one, two = committee_headers(client, organizer, first)
    path = f"/api/v1/rounds/{first}"
    assert client.post(f"{path}/paper-ballots/issued", json={"count": 3}, headers=one).status_code == 200
    cadres = [r["cadre_id"] for r in client.get(f"{path}/ballot").json()["rows"]]
    assert client.post(f"{path}/paper-ballots", json=entry(cadres, 1, 1), headers=one).json()["status"] == (
        "waiting"
    )
    # One account cannot do both passes; the other member can.
    assert client.post(f"{path}/paper-ballots", json=entry(cadres, 1, 2), headers=one).status_code == 409
    done = client.post(f"{path}/paper-ballots", json=entry(cadres, 1, 2), headers=two)
    assert done.status_code == 200 and done.json()["status"] == "accepted", done.text
    assert client.get(f"{path}/paper-ballots", headers=two).json()["accepted"] == 1
    # The organizer still can; an observer reads but cannot enter.
    by_organizer = client.post(f"{path}/paper-ballots", json=entry(cadres, 2, 1), headers=organizer)
    assert by_organizer.status_code == 200
    assert client.get(f"{path}/paper-ballots", headers=observer).status_code == 200
    refused = client.post(f"{path}/paper-ballots", json=entry(cadres, 2, 2), headers=observer)
    assert refused.status_code == 403
    # The other round is closed to them: its work, its reads, even its existence in the list.
    other = f"/api/v1/rounds/{second}"
    for method, url, body in [
        ("POST", f"{other}/paper-ballots", entry(cadres, 1, 1)),
        ("POST", f"{other}/paper-ballots/issued", {"count": 1}),
        ("POST", f"{other}/slips/paper", {"code": "K7QF-2M9X-RT4B-8HNW-Q"}),
        ("GET", f"{other}/paper-ballots", None),
        ("GET", other, None),
        ("GET", f"{other}/committee", None),
    ]:
        answer = client.request(method, url, json=body, headers=one)
        assert answer.status_code == 403, (method, url, answer.text)
        assert "not on the counting committee" in answer.json()["error"]["message"]
    listed = client.get("/api/v1/rounds", headers=one).json()
    assert [r["id"] for r in listed["items"]] == [first] and listed["total"] == 1
    assert client.get(path, headers=one).status_code == 200


def test_a_committee_account_writes_nothing_else_and_reads_no_catalogue(
    client: TestClient, organizer: Headers, two_rounds: tuple[str, str]
) -> None:
    first, _ = two_rounds
    one, _ = committee_headers(client, organizer, first)
    path = f"/api/v1/rounds/{first}"
    for method, url in [
        ("GET", "/api/v1/plans"),
        ("GET", "/api/v1/units"),
        ("GET", "/api/v1/cadres"),
        ("POST", "/api/v1/units"),
        ("POST", f"{path}/roster"),
        ("POST", f"{path}/committee"),
        ("POST", f"{path}/status"),
        ("PATCH", path),
    ]:
        answer = client.request(method, url, json={}, headers=one)
        assert answer.status_code == 403, (method, url, answer.text)


def test_a_member_issues_the_slips_of_their_round_and_unlinking_takes_the_round_away(
    client: TestClient, organizer: Headers
) -> None:
    round_id = prepared_round(client, organizer, committee=1)
    (one,) = committee_headers(client, organizer, round_id)
    path = f"/api/v1/rounds/{round_id}"
    slips = client.post(f"{path}/slips?format=json", json={"count": 2}, headers=one)
    assert slips.status_code == 201 and slips.json()["count"] == 2
    member_id = members(client, organizer, round_id)[0]["id"]
    removed = client.delete(f"{path}/committee/{member_id}/account", headers=organizer)
    assert removed.status_code == 204
    assert members(client, organizer, round_id)[0]["user"] is None
    assert client.post(f"{path}/slips?format=json", json={"count": 2}, headers=one).status_code == 403
    assert client.get("/api/v1/rounds", headers=one).json()["items"] == []


def test_members_close_and_count_their_round_and_read_other_results_only_once_published(
    client: TestClient, organizer: Headers, two_rounds: tuple[str, str]
) -> None:
    first, second = two_rounds
    one, _ = committee_headers(client, organizer, first)
    own, other = f"/api/v1/rounds/{first}", f"/api/v1/rounds/{second}"
    closed = client.post(f"{own}/close", json={"present": 2, "unused_count": 0}, headers=one)
    assert closed.status_code == 200, closed.text
    assert client.post(f"{own}/count", headers=one).status_code == 200
    assert client.get(f"{own}/results", headers=one).status_code == 200
    assert client.get(f"{own}/minutes.pdf", headers=one).content.startswith(b"%PDF")
    # Another round: its work is refused, its results are as unknown as for any outside system.
    refused = client.post(f"{other}/close", json={"present": 2, "unused_count": 0}, headers=one)
    assert refused.status_code == 403
    client.post(f"{other}/close", json={"present": 2, "unused_count": 0}, headers=organizer)
    assert client.post(f"{other}/count", headers=organizer).status_code == 200
    assert client.get(f"{other}/results", headers=one).status_code == 404
    assert client.post(f"{other}/publish", headers=one).status_code == 403
    assert client.post(f"{other}/publish", headers=organizer).status_code == 200
    assert client.get(f"{other}/results", headers=one).status_code == 200
