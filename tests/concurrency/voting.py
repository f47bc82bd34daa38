"""Voting against a live server: a round opened through the API, then one code cast by many at once."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from live import client, concurrently, created


@dataclass(frozen=True)
class Casts:
    statuses: list[int]
    receipts: list[str | None]  # per request: the receipt answered, if any
    board: list[str]
    turnout: dict[str, int]


def open_voting_round(
    base: str, token: str, slips: int = 2, cadres: int = 2
) -> tuple[str, list[str], list[str]]:
    """A round with ``cadres`` eligible cadres, open, with ``slips`` codes; its id, codes and rows."""
    tag = uuid.uuid4().hex[:6]
    with client(base, token) as c:
        unit = created(c.post("/api/v1/units", json={"name": f"Sở {tag}", "level": "province"}))["id"]
        plan_body = {
            "number": f"V-{tag}",
            "title": "Kế hoạch lấy phiếu tín nhiệm",
            "issuing_body": "Ban Thường vụ Tỉnh ủy",
            "term_start": 2025,
            "term_end": 2030,
            "vote_year": 2027,
        }
        plan = created(c.post("/api/v1/plans", json=plan_body))["id"]
        body = {
            "plan_id": plan,
            "unit_id": unit,
            "title": f"Hội nghị bỏ phiếu {tag}",
            "vote_date": "2027-09-24",
            "rulebook": "qd96",
        }
        round_id = created(c.post("/api/v1/rounds", json=body))["id"]
        names = ["Nguyễn Văn Hùng", "Trần Thị Lan"][:cadres]
        names += [f"Lê Văn Cán Bộ {i}" for i in range(len(names), cadres)]
        for name in names:
            post = {
                "title": f"Phó Giám đốc ({name})",
                "unit_id": unit,
                "filled_by": "appointed",
                "since": "2021-03-15",
            }
            cadre = created(c.post("/api/v1/cadres", json={"full_name": f"{name} {tag}", "posts": [post]}))
            created(c.post(f"/api/v1/rounds/{round_id}/candidates", json={"cadre_id": cadre["id"]}))
            created(c.post(f"/api/v1/rounds/{round_id}/roster", json={"full_name": f"Cử tri {name}"}))
        c.post(f"/api/v1/rounds/{round_id}/status", json={"status": "scheduled"}).raise_for_status()
        codes = created(c.post(f"/api/v1/rounds/{round_id}/slips?format=json", json={"count": slips}))
        c.post(f"/api/v1/rounds/{round_id}/status", json={"status": "open"}).raise_for_status()
        rows = c.get(f"/api/v1/rounds/{round_id}/ballot").json()["rows"]
    return round_id, codes["codes"], [r["cadre_id"] for r in rows]


def one_code_cast_at_once(base: str, token: str, count: int = 50) -> Casts:
    """``count`` casts of one code at the same moment: half with one ballot, half with another."""
    round_id, codes, rows = open_voting_round(base, token)
    ballots = [dict.fromkeys(rows, "high"), dict.fromkeys(rows, "low")]

    def send(i: int) -> tuple[int, str | None]:
        with client(base) as c:
            body = {"code": codes[0], "choices": ballots[i % 2]}
            answer = c.post(f"/api/v1/rounds/{round_id}/ballots", json=body)
            found: Any = answer.json() if answer.headers.get("content-type") == "application/json" else {}
            return answer.status_code, found.get("receipt")

    statuses, receipts = zip(*concurrently(count, send), strict=True)
    with client(base) as c:
        board = c.get(f"/api/v1/rounds/{round_id}/board").json()["receipts"]
        turnout = c.get(f"/api/v1/rounds/{round_id}/turnout").json()
    return Casts(list(statuses), list(receipts), board, turnout)
