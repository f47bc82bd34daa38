"""Builders that write rows straight into the database, so a test of one endpoint needs no other API.

Each commits what it builds (the test's outer transaction still rolls it all back) and returns it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from app.models import Cadre, Candidate, Document, Plan, Post, Round, Unit
from app.models.plan import RoundStatus
from ballots.calendar import VIETNAM_TZ, Milestone
from ballots.levels import FillMethod, PlaceKind, Rulebook, UnitLevel

T = TypeVar("T")
RETIRING = {
    "code": "retirement_pending",
    "message": "a retirement notice is pending",
    "message_vi": "đã có thông báo nghỉ hưu",
}


def saved(session: Session, entity: T, *more: object) -> T:
    session.add_all([entity, *more])
    session.commit()
    return entity


def make_unit(
    session: Session, name: str, level: UnitLevel = UnitLevel.PROVINCE, parent: Unit | None = None
) -> Unit:
    return saved(session, Unit(name=name, level=level, parent_id=parent.id if parent else None))


def make_plan(session: Session, number: str = "96-KH/TU", **fields: Any) -> Plan:
    values: dict[str, Any] = {
        "title": "Kế hoạch lấy phiếu tín nhiệm giữa nhiệm kỳ",
        "issuing_body": "Ban Thường vụ Tỉnh ủy",
        "term_start": 2025,
        "term_end": 2030,
        "vote_year": 2027,
    }
    return saved(session, Plan(number=number, **(values | fields)))


def post(
    unit: Unit,
    title: str = "Giám đốc Sở",
    filled_by: FillMethod = FillMethod.APPOINTED,
    since: date = date(2021, 3, 15),
) -> Post:
    return Post(title=title, unit_id=unit.id, filled_by=filled_by, since=since)


def make_cadre(session: Session, name: str, posts: list[Post] | None = None, **fields: Any) -> Cadre:
    return saved(session, Cadre(full_name=name, posts=posts or [], **fields))


def make_round(
    session: Session,
    plan: Plan | None = None,
    unit: Unit | None = None,
    *,
    vote_date: date = date(2027, 6, 15),
    title: str = "Hội nghị lấy phiếu tín nhiệm Sở Tài chính",
    status: RoundStatus = RoundStatus.SCHEDULED,
    rulebook: Rulebook = Rulebook.QD96,
    place_kind: PlaceKind = PlaceKind.WORKPLACE,
    **fields: Any,
) -> Round:
    """A round (of a new plan and of the Sở Tài chính unless given); by default the report is due
    2027-05-26, a few days before the tests' today (2027-06-01)."""
    round_ = Round(
        plan_id=(plan or make_plan(session)).id,
        unit_id=(unit or make_unit(session, "Sở Tài chính")).id,
        title=title,
        vote_date=vote_date,
        rulebook=rulebook,
        place_kind=place_kind,
        status=status,
        **fields,
    )
    return saved(session, round_)


def make_candidate(
    session: Session, round_: Round, name: str, eligible: bool = True, **cadre_fields: Any
) -> Cadre:
    """A new cadre proposed in ``round_``, last on its ballot; an ineligible one waits on a retirement."""
    cadre = make_cadre(session, name, **cadre_fields)
    candidate = Candidate(
        round_id=round_.id,
        cadre_id=cadre.id,
        position=len(round_.candidates) + 1,
        post_ids=[],
        eligible=eligible,
        reasons=[] if eligible else [RETIRING],
    )
    saved(session, candidate)
    session.refresh(round_)
    return cadre


def make_document(
    session: Session,
    round_: Round,
    kind: Milestone,
    day: date,
    cadre: Cadre | None = None,
    title: str | None = None,
) -> Document:
    """A document that arrived at 09:00 Vietnam time on ``day``."""
    document = Document(
        round_id=round_.id,
        cadre_id=cadre.id if cadre else None,
        kind=kind,
        title=title or f"{kind.label_vi} ({day:%d/%m})",
        body="Nội dung",
        submitted_at=datetime.combine(day, time(9), VIETNAM_TZ).astimezone(UTC),
    )
    return saved(session, document)
