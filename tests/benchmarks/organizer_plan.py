"""A province-sized plan written straight into a database for the organizer benchmark.

300 rounds, 1,500 cadres, 50,000 summoned voters: bulk INSERTs through the models (one executemany
per table), never the API, so building takes seconds instead of the hours 50,000 requests would.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.models import Cadre, Candidate, CommitteeMember, Document, Plan, Post, RosterEntry, Round, Unit
from app.models.plan import RoundStatus
from app.models.user import Role
from app.services import auth
from ballots.calendar import Milestone
from ballots.levels import FillMethod, PlaceKind, Rulebook, UnitLevel
from ballots.records import name_key

ROUNDS, CADRES, VOTERS, BIG_ROUND = 300, 1500, 50_000, 46
# The benchmark's fixed "today": some rounds have reports overdue, some due this week.
NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLES = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Hữu"]
GIVEN = ["An", "Bình", "Cúc", "Dũng", "Đạt", "Em", "Giang", "Hà", "Hùng", "Lan", "Mai", "Nga", "Sơn", "Yến"]


@dataclass(frozen=True)
class BuiltPlan:
    plan_id: str
    big_round_id: str
    token: str


def _id() -> str:
    return str(uuid.uuid4())


def name(i: int) -> str:
    return f"{SURNAMES[i % 12]} {MIDDLES[(i // 12) % 8]} {GIVEN[(i // 96) % 14]} {i}"


def _units() -> tuple[list[dict[str, Any]], list[str]]:
    """A province, 20 districts, and 280 departments under them; returns the rows and the venues."""
    province = {"id": _id(), "name": "Tỉnh Hà Sơn", "level": UnitLevel.PROVINCE, "parent_id": None}
    rows, venues = [province], []
    for d in range(20):
        district = {
            "id": _id(),
            "name": f"Huyện {d}",
            "level": UnitLevel.DISTRICT,
            "parent_id": province["id"],
        }
        rows.append(district)
        for k in range(7):
            for parent, level in ((province, UnitLevel.PROVINCE), (district, UnitLevel.DISTRICT)):
                unit = {"id": _id(), "name": f"Sở {d}-{k}", "level": level, "parent_id": parent["id"]}
                rows.append(unit)
                venues.append(unit["id"])
    return rows, venues


def build(session: Session) -> BuiltPlan:
    units, venues = _units()
    province_id = units[0]["id"]
    plan_id = _id()
    cadres = [
        {
            "id": _id(),
            "full_name": name(i),
            "date_of_birth": date(1970 + i % 20, 1 + i % 12, 1 + i % 28),
            # A few sit on the province standing committee: the dashboard's ordering check reads them.
            "standing_committee_unit_id": province_id if i % 50 == 0 else None,
        }
        for i in range(CADRES)
    ]
    posts = [
        {
            "id": _id(),
            "cadre_id": c["id"],
            "title": "Giám đốc Sở",
            "unit_id": venues[i % len(venues)],
            "filled_by": FillMethod.APPOINTED,
            "since": date(2021, 3, 15),
        }
        for i, c in enumerate(cadres)
    ]
    first_day = date(2026, 12, 1)
    rounds = [
        {
            "id": _id(),
            "plan_id": plan_id,
            "unit_id": venues[r % len(venues)],
            "title": f"Hội nghị lấy phiếu tín nhiệm {r:03d}",
            "vote_date": first_day + timedelta(days=r % 31),
            "rulebook": Rulebook.QD96,
            "place_kind": PlaceKind.WORKPLACE,
            "status": RoundStatus.SCHEDULED,
        }
        for r in range(ROUNDS)
    ]
    # The first round votes on 46 cadres, every other on 5; the last cadres wrap round to the
    # first ones, who then hold two places (the most the regulation allows).
    slots = [(0, k, k) for k in range(BIG_ROUND)] + [
        (r, k, (BIG_ROUND + (r - 1) * 5 + k) % CADRES) for r in range(1, ROUNDS) for k in range(5)
    ]
    candidates, documents = [], []
    for n, (r, k, cadre_i) in enumerate(slots):
        cadre = cadres[cadre_i]
        candidates.append(
            {
                "id": _id(),
                "round_id": rounds[r]["id"],
                "cadre_id": cadre["id"],
                "position": k + 1,
                "post_ids": [posts[cadre_i]["id"]],
                "eligible": True,
                "reasons": [],
                "assessed_at": NOW,
            }
        )
        if n % 2:
            documents.append(
                {
                    "id": _id(),
                    "round_id": rounds[r]["id"],
                    "cadre_id": cadre["id"],
                    "kind": Milestone.REPORT,
                    "title": "Bản tự kiểm điểm",
                    "submitted_at": NOW - timedelta(days=3),
                }
            )
    roster = [
        {
            "id": _id(),
            "round_id": rounds[i % ROUNDS]["id"],
            "position": i // ROUNDS + 1,
            "full_name": name(i),
            "contact": f"v{i}@example.vn",
        }
        for i in range(VOTERS)
    ]
    committee = [
        {"id": _id(), "round_id": rd["id"], "position": k + 1, "full_name": name(100_000 + 5 * r + k)}
        for r, rd in enumerate(rounds)
        for k in range(5)
    ]
    plan = {
        "id": plan_id,
        "number": f"BENCH-{plan_id[:8]}",
        "title": "Kế hoạch lấy phiếu tín nhiệm (benchmark)",
        "issuing_body": "Ban Thường vụ Tỉnh ủy",
        "term_start": 2025,
        "term_end": 2030,
        "vote_year": 2026,
    }
    # Bulk INSERTs skip the models' validators: the keys that make names unique are given here.
    for unit in units:
        unit["name_key"] = name_key(unit["name"])
    plan["number_key"] = name_key(plan["number"])
    for model, rows in (
        (Unit, units),
        (Cadre, cadres),
        (Post, posts),
        (Plan, [plan]),
        (Round, rounds),
        (Candidate, candidates),
        (Document, documents),
        (RosterEntry, roster),
        (CommitteeMember, committee),
    ):
        session.execute(insert(model), rows)
    auth.create_user(session, "bench", Role.ORGANIZER, password="x" * 12)
    _, token = auth.create_token(session, "bench", NOW, days=90)
    session.commit()
    return BuiltPlan(plan_id=plan_id, big_round_id=rounds[0]["id"], token=token)
