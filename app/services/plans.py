"""Plans: the campaign frame every round belongs to (regulation.md §3, §8)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ballots.calendar import midterm_year, ordering_problems
from ballots.errors import Conflict, InvalidInput

from ..models import Plan
from ..repositories import common
from ..repositories import dashboard as dashboard_repo
from ..repositories import plans as repo
from ..repositories.common import archive as archive_entity
from ..repositories.common import get_or_404
from ..schemas.plans import PlanIn, PlanPatch
from .dashboard import planned


def get(session: Session, plan_id: str) -> Plan:
    return get_or_404(session, Plan, plan_id, "plan")


def _validate(fields: dict[str, Any]) -> None:
    start, end, year = fields["term_start"], fields["term_end"], fields["vote_year"]
    if end <= start:
        raise InvalidInput(
            f"the term must end after it starts ({start}–{end})", details={"field": "term_end"}
        )
    if not start <= year <= end:
        raise InvalidInput(
            f"the vote year {year} is outside the term {start}–{end}", details={"field": "vote_year"}
        )
    completion = fields.get("completion_date")
    if completion is not None and completion.year != year:
        raise InvalidInput(
            f"the completion date {completion.isoformat()} is not in the vote year {year}",
            details={"field": "completion_date"},
        )


def _check_number(session: Session, number: str, plan_id: str | None) -> None:
    twin = repo.by_number(session, number)
    if twin is not None and twin.id != plan_id:
        raise Conflict(f"a plan numbered '{number}' already exists", details={"existing_id": twin.id})


def warnings(session: Session, plan: Plan) -> list[str]:
    """What deserves a second look on a plan, though the rules do not forbid saving it."""
    found = []
    if plan.vote_year != midterm_year(plan.term_start):
        found.append(
            f"the periodic vote falls in the mid-term year {midterm_year(plan.term_start)}, "
            f"not {plan.vote_year} (regulation.md §3)"
        )
    rounds = dashboard_repo.live_rounds(session, plan.id)
    found += [p.message for p in ordering_problems([planned(r) for r in rounds])]
    return found


def create(session: Session, data: PlanIn) -> Plan:
    fields = data.model_dump()
    _validate(fields)
    _check_number(session, data.number, None)
    return common.add(session, Plan(**fields))


def update(session: Session, plan_id: str, data: PlanPatch) -> Plan:
    plan = get(session, plan_id)
    changes = {
        k: v
        for k, v in data.model_dump(exclude_unset=True).items()
        if v is not None or k == "completion_date"
    }
    current = {c: getattr(plan, c) for c in ("term_start", "term_end", "vote_year", "completion_date")}
    _validate({**current, **changes})
    if "number" in changes:
        _check_number(session, changes["number"], plan.id)
    for key, value in changes.items():
        setattr(plan, key, value)
    session.flush()
    return plan


def archive(session: Session, plan_id: str, now: datetime) -> Plan:
    return archive_entity(session, get(session, plan_id), now)


def delete(session: Session, plan_id: str) -> None:
    plan = get(session, plan_id)
    if repo.round_count(session, plan.id):
        raise Conflict(f"plan '{plan.number}' has rounds; archive it instead", details={"id": plan.id})
    common.delete(session, plan)
