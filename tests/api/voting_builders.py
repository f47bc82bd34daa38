"""Builders for the voting tests: a round ready to vote on, its slips, and ballots for it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from api_builders import created, make_cadre, make_plan, make_round, make_unit, post_body, propose
from fastapi.testclient import TestClient

Headers = dict[str, str]
NAMES = ["Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Văn Tám", "Phạm Thị Mơ"]


@dataclass(frozen=True)
class VotingRound:
    id: str
    codes: list[str]
    cadre_ids: list[str]  # in ballot order
    opened: dict[str, Any]  # the answer that opened the round

    @property
    def path(self) -> str:
        return f"/api/v1/rounds/{self.id}"

    def ballot(self, *choices: str | None) -> dict[str, str | None]:
        """Choices for the ballot's rows in order; rows not given are left blank."""
        return {c: (choices[i] if i < len(choices) else None) for i, c in enumerate(self.cadre_ids)}


def prepared_round(
    client: TestClient,
    headers: Headers,
    *,
    cadres: int = 2,
    committee: int = 0,
    tag: str = "",
    **round_fields: Any,
) -> str:
    """A scheduled round with eligible candidates, one summoned voter per cadre, and its committee
    (``tag``: a second round in the same test gets a unit and a plan of its own)."""
    unit = make_unit(client, headers, f"Sở Tài chính{tag}")
    plan = make_plan(client, headers, number=f"96-KH/TU{tag}")
    round_id = str(make_round(client, headers, plan, unit, **round_fields)["id"])
    for name in NAMES[:cadres]:
        cadre = make_cadre(client, headers, name, [post_body(unit, title=f"Phó Giám đốc Sở ({name})")])
        assert propose(client, headers, round_id, cadre["id"]).status_code == 201
        voter = {"full_name": f"Cử tri {name}"}
        created(client.post(f"/api/v1/rounds/{round_id}/roster", json=voter, headers=headers))
    for i in range(committee):
        body = {"full_name": f"Thành viên {NAMES[i % 4]} {i}"}
        created(client.post(f"/api/v1/rounds/{round_id}/committee", json=body, headers=headers))
    status = client.post(f"/api/v1/rounds/{round_id}/status", json={"status": "scheduled"}, headers=headers)
    assert status.status_code == 200, status.text
    return round_id


def issue(client: TestClient, headers: Headers, round_id: str, count: int | None = 3) -> list[str]:
    body = None if count is None else {"count": count}
    answer = created(client.post(f"/api/v1/rounds/{round_id}/slips?format=json", json=body, headers=headers))
    codes: list[str] = answer["codes"]
    return codes


def open_round(client: TestClient, headers: Headers, round_id: str) -> dict[str, Any]:
    opened = client.post(f"/api/v1/rounds/{round_id}/status", json={"status": "open"}, headers=headers)
    assert opened.status_code == 200, opened.text
    body: dict[str, Any] = opened.json()
    return body


def voting_round(
    client: TestClient, headers: Headers, *, slips: int = 3, cadres: int = 2, **round_fields: Any
) -> VotingRound:
    """An open round with ``slips`` codes issued, ready for ballots."""
    round_id = prepared_round(client, headers, cadres=cadres, **round_fields)
    codes = issue(client, headers, round_id, slips)
    opened = open_round(client, headers, round_id)
    rows = client.get(f"/api/v1/rounds/{round_id}/ballot").json()["rows"]
    return VotingRound(round_id, codes, [r["cadre_id"] for r in rows], opened)


def cast(client: TestClient, vote: VotingRound, code: str, choices: dict[str, Any]) -> Any:
    return client.post(f"{vote.path}/ballots", json={"code": code, "choices": choices})
