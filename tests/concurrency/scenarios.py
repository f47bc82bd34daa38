"""What the concurrency tests (and the before/after benchmark) do to a live server.

Each scenario builds what it needs under fresh names, fires its requests together and returns the
status codes it got, plus what was left in the database as the API reports it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx2 as httpx
from live import PASSWORD, client, concurrently, created, workbook

CADRE_HEADERS = [
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Chức vụ",
    "Đơn vị",
    "Hình thức",
    "Từ ngày",
    "Đến ngày",
    "Ủy viên BTV",
    "Ngày thông báo nghỉ hưu",
]


@dataclass(frozen=True)
class Outcome:
    statuses: list[int]
    left: int = 0  # what the scenario counts afterwards (places, people, ...)
    messages: list[str] = field(default_factory=list)  # of the refusals, where the scenario keeps them

    def count(self, status: int) -> int:
        return self.statuses.count(status)

    @property
    def failures(self) -> int:
        return sum(s >= 500 for s in self.statuses)


def _status_and_message(response: httpx.Response) -> tuple[int, str]:
    if not response.headers.get("content-type", "").startswith("application/json"):
        return response.status_code, response.text  # a 500 from the server's own error page
    body = response.json()
    return response.status_code, body["error"]["message"] if "error" in body else ""


def _tag() -> str:
    return uuid.uuid4().hex[:6]


def _unit(base: str, token: str, name: str) -> str:
    with client(base, token) as c:
        body = {"name": name, "level": "province", "parent_id": None}
        return str(created(c.post("/api/v1/units", json=body))["id"])


def _plan_body(number: str) -> dict[str, Any]:
    return {
        "number": number,
        "title": "Kế hoạch lấy phiếu tín nhiệm giữa nhiệm kỳ",
        "issuing_body": "Ban Thường vụ Tỉnh ủy",
        "term_start": 2025,
        "term_end": 2030,
        "vote_year": 2027,
    }


def _plan(base: str, token: str, number: str) -> str:
    with client(base, token) as c:
        return str(created(c.post("/api/v1/plans", json=_plan_body(number)))["id"])


def _round(base: str, token: str, plan_id: str, unit_id: str, day: int) -> str:
    body = {
        "plan_id": plan_id,
        "unit_id": unit_id,
        "title": f"Hội nghị lấy phiếu tín nhiệm {day}",
        "vote_date": f"2027-09-{day:02d}",
        "rulebook": "qd96",
    }
    with client(base, token) as c:
        return str(created(c.post("/api/v1/rounds", json=body))["id"])


def roster_additions(base: str, token: str, count: int = 40) -> Outcome:
    """``count`` different voters summoned to one round at once; ``left``: distinct positions."""
    tag = _tag()
    round_id = _round(base, token, _plan(base, token, f"R-{tag}"), _unit(base, token, f"Sở {tag}"), 20)

    def add(i: int) -> int:
        with client(base, token) as c:
            body = {"full_name": f"Người {i}", "title": "Chuyên viên", "contact": f"{i}@{tag}"}
            return c.post(f"/api/v1/rounds/{round_id}/roster", json=body).status_code

    statuses = concurrently(count, add)
    with client(base, token) as c:
        roster = c.get(f"/api/v1/rounds/{round_id}/roster", params={"limit": 200}).json()["items"]
    return Outcome(statuses, len({entry["position"] for entry in roster}))


def logins(base: str, usernames: list[str]) -> Outcome:
    """Each user asks for a token at the same moment."""

    def login(i: int) -> int:
        with client(base) as c:
            body = {"username": usernames[i], "password": PASSWORD}
            return c.post("/api/v1/auth/token", json=body).status_code

    return Outcome(concurrently(len(usernames), login))


def proposals(base: str, token: str, count: int = 20, rounds: int = 5) -> Outcome:
    """One cadre proposed ``count`` times, spread over ``rounds`` rounds of one plan, at once."""
    tag = _tag()
    plan_id = _plan(base, token, f"P-{tag}")
    units = [_unit(base, token, f"Sở {tag} {i}") for i in range(rounds)]
    round_ids = [_round(base, token, plan_id, unit_id, 10 + i) for i, unit_id in enumerate(units)]
    post = {"title": "Phó Giám đốc", "unit_id": _unit(base, token, f"Sở {tag}"), "filled_by": "appointed"}
    with client(base, token) as c:
        body = {"full_name": f"Nguyễn Văn {tag}", "posts": [post | {"since": "2021-03-15"}]}
        cadre_id = created(c.post("/api/v1/cadres", json=body))["id"]

    def propose(i: int) -> int:
        with client(base, token) as c:
            url = f"/api/v1/rounds/{round_ids[i % rounds]}/candidates"
            return c.post(url, json={"cadre_id": cadre_id}).status_code

    statuses = concurrently(count, propose)
    places = 0
    with client(base, token) as c:
        for round_id in round_ids:
            page = c.get(f"/api/v1/rounds/{round_id}/candidates", params={"limit": 200}).json()
            listed: list[dict[str, Any]] = page["items"]
            places += sum(1 for x in listed if x["cadre_id"] == cadre_id and x["eligible"])
    return Outcome(statuses, places)


def cadre_imports(base: str, token: str, count: int = 20, people: int = 3) -> Outcome:
    """One workbook of ``people`` cadres imported ``count`` times at once; ``left``: people stored."""
    tag = _tag()
    unit = f"Sở Tài chính {tag}"
    _unit(base, token, unit)
    rows = [
        [f"Trần Thị {tag} {i}", "14/05/1972", "Nữ", "Phó Giám đốc", unit, "Bổ nhiệm", "01/03/2021"]
        for i in range(people)
    ]
    content = workbook([CADRE_HEADERS, *[[*r, None, None, None] for r in rows]])

    def send(_: int) -> int:
        with client(base, token) as c:
            files = {"file": ("cadres.xlsx", content)}
            return c.post("/api/v1/spreadsheets/import/cadres", files=files).status_code

    statuses = concurrently(count, send)
    with client(base, token) as c:
        stored = c.get("/api/v1/cadres", params={"q": f"Trần Thị {tag}", "limit": 100}).json()["total"]
    return Outcome(statuses, int(stored))


def roster_imports(base: str, token: str, count: int = 10, people: int = 5) -> Outcome:
    """One roster file of ``people`` voters imported into one round ``count`` times at once;
    ``left``: voters on the roster."""
    tag = _tag()
    round_id = _round(base, token, _plan(base, token, f"RI-{tag}"), _unit(base, token, f"Sở {tag}"), 21)
    content = workbook(
        [["Họ và tên", "Chức vụ", "Liên hệ"], *[[f"Cử tri {i}", "", ""] for i in range(people)]]
    )

    def send(_: int) -> int:
        with client(base, token) as c:
            files = {"file": ("roster.xlsx", content)}
            url = "/api/v1/spreadsheets/import/roster"
            return c.post(url, files=files, params={"round_id": round_id}).status_code

    statuses = concurrently(count, send)
    with client(base, token) as c:
        roster = c.get(f"/api/v1/rounds/{round_id}/roster", params={"limit": 200}).json()["total"]
    return Outcome(statuses, roster)


def same_top_level_unit(base: str, token: str, count: int = 10) -> Outcome:
    """One new province-level unit without a parent, created at once under names differing in case."""
    tag = _tag()
    names = [f"Tỉnh Hà Sơn {tag}", f"TỈNH HÀ SƠN {tag}", f"tỉnh hà sơn {tag}"]

    def create(i: int) -> tuple[int, str]:
        with client(base, token) as c:
            body = {"name": names[i % len(names)], "level": "province", "parent_id": None}
            return _status_and_message(c.post("/api/v1/units", json=body))

    statuses, messages = zip(*concurrently(count, create), strict=True)
    with client(base, token) as c:
        found = c.get("/api/v1/units", params={"q": tag, "limit": 100}).json()["total"]
    return Outcome(list(statuses), int(found), list(messages))


def same_plan_number(base: str, token: str, count: int = 10) -> Outcome:
    """One plan number created at once in several letter cases."""
    tag = _tag()
    numbers = [f"96-KH/TU-{tag}", f"96-kh/tu-{tag}", f"96-Kh/Tu-{tag}"]

    def create(i: int) -> tuple[int, str]:
        with client(base, token) as c:
            return _status_and_message(c.post("/api/v1/plans", json=_plan_body(numbers[i % len(numbers)])))

    statuses, messages = zip(*concurrently(count, create), strict=True)
    with client(base, token) as c:
        found = c.get("/api/v1/plans", params={"q": tag, "limit": 100}).json()["total"]
    return Outcome(list(statuses), int(found), list(messages))
