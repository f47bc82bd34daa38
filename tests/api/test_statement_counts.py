"""Every organizer read and write runs the same number of SQL statements for a small and a large plan.

A count that grows with the rows (one query per candidate, per cadre, per round) is what made the
dashboard of a province-sized plan take 300 ms; see tests/benchmarks/organizer.py for the timings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, event
from sqlalchemy.orm import Session

from app.models import Cadre, Candidate, CommitteeMember, Document, Plan, Post, RosterEntry, Round, Unit
from ballots.calendar import Milestone
from ballots.levels import FillMethod, PlaceKind, Rulebook, UnitLevel

Headers = dict[str, str]
# (rounds in the plan, cadres per block): 2 rounds of 4 candidates vs 12 rounds of 30.
SMALL, LARGE = (2, 2), (12, 15)


@dataclass(frozen=True)
class World:
    plan_id: str
    round_id: str
    cadre_id: str
    newcomer_id: str


def build(session: Session, tag: str, rounds: int, block: int) -> World:
    """Round r votes on cadre blocks r and r+1, so every cadre holds two places (the most allowed)."""
    province = Unit(name=f"Tỉnh {tag}", level=UnitLevel.PROVINCE)
    session.add(province)
    session.flush()
    units = [
        Unit(name=f"Sở {tag} {r}", level=UnitLevel.PROVINCE, parent_id=province.id) for r in range(rounds)
    ]
    plan = Plan(
        number=f"KH-{tag}",
        title="Kế hoạch",
        issuing_body="Ban Thường vụ",
        term_start=2025,
        term_end=2030,
        vote_year=2027,
    )
    session.add_all([plan, *units])
    session.flush()

    def cadre(i: int) -> Cadre:
        post = Post(
            title="Giám đốc Sở",
            unit_id=units[i % rounds].id,
            filled_by=FillMethod.APPOINTED,
            since=date(2021, 3, 15),
        )
        return Cadre(
            full_name=f"Nguyễn Văn {tag} {i}",
            posts=[post],
            standing_committee_unit_id=province.id if i % 7 == 0 else None,
        )

    cadres = [cadre(i) for i in range(rounds * block + 1)]
    round_rows = [
        Round(
            plan_id=plan.id,
            unit_id=units[r].id,
            title=f"Hội nghị {tag} {r}",
            vote_date=date(2027, 6, 10) + timedelta(days=r),
            rulebook=Rulebook.QD96,
            place_kind=PlaceKind.WORKPLACE,
        )
        for r in range(rounds)
    ]
    session.add_all(cadres + round_rows)
    session.flush()
    for r, round_ in enumerate(round_rows):
        members = [cadres[(r * block + k) % (rounds * block)] for k in range(2 * block)]
        for k, c in enumerate(members):
            session.add(
                Candidate(
                    round_id=round_.id,
                    cadre_id=c.id,
                    position=k + 1,
                    post_ids=[c.posts[0].id],
                    eligible=True,
                    reasons=[],
                )
            )
            session.add(RosterEntry(round_id=round_.id, position=k + 1, full_name=f"Lê Thị {tag} {k}"))
            session.add(CommitteeMember(round_id=round_.id, position=k + 1, full_name=f"Phạm Văn {tag} {k}"))
            if k % 2:
                session.add(
                    Document(
                        round_id=round_.id,
                        cadre_id=c.id,
                        kind=Milestone.REPORT,
                        title="Báo cáo",
                        submitted_at=datetime(2027, 5, 20, tzinfo=UTC),
                    )
                )
    session.commit()
    return World(plan.id, round_rows[0].id, cadres[0].id, cadres[-1].id)


@contextmanager
def counted(connection: Connection) -> Iterator[list[str]]:
    """The statements run on the test's connection (the app's sessions join it) while inside."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(connection, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(connection, "before_cursor_execute", record)


Call = Callable[[TestClient, Headers, World], Any]
CALLS: dict[str, Call] = {
    "dashboard": lambda c, h, w: c.get(f"/api/v1/plans/{w.plan_id}/dashboard", headers=h),
    "rounds list": lambda c, h, w: c.get(f"/api/v1/rounds?plan_id={w.plan_id}", headers=h),
    "calendar": lambda c, h, w: c.get(f"/api/v1/rounds/{w.round_id}/calendar", headers=h),
    "candidates list": lambda c, h, w: c.get(f"/api/v1/rounds/{w.round_id}/candidates", headers=h),
    "roster list": lambda c, h, w: c.get(f"/api/v1/rounds/{w.round_id}/roster", headers=h),
    "committee list": lambda c, h, w: c.get(f"/api/v1/rounds/{w.round_id}/committee", headers=h),
    "cadre nominations": lambda c, h, w: c.get(f"/api/v1/cadres/{w.cadre_id}/nominations", headers=h),
    "round rename": lambda c, h, w: c.patch(
        f"/api/v1/rounds/{w.round_id}", json={"title": "Hội nghị đổi tên"}, headers=h
    ),
    "add committee member": lambda c, h, w: c.post(
        f"/api/v1/rounds/{w.round_id}/committee", json={"full_name": "Hoàng Thị Mới"}, headers=h
    ),
    "archive round": lambda c, h, w: c.post(f"/api/v1/rounds/{w.round_id}/archive", headers=h),
    "propose candidate": lambda c, h, w: c.post(
        f"/api/v1/rounds/{w.round_id}/candidates", json={"cadre_id": w.newcomer_id}, headers=h
    ),
}


@pytest.mark.parametrize("call", list(CALLS))
def test_statements_do_not_grow_with_the_plan(
    call: str, client: TestClient, organizer: Headers, session: Session, connection: Connection
) -> None:
    counts = []
    for tag, (rounds, block) in (("nhỏ", SMALL), ("lớn", LARGE)):
        world = build(session, tag, rounds, block)
        with counted(connection) as seen:
            response = CALLS[call](client, organizer, world)
        assert response.status_code in (200, 201), response.text
        counts.append(len(seen))
    assert counts[0] == counts[1], (
        f"{call}: {counts[0]} statements for the small plan, {counts[1]} for the large"
    )
