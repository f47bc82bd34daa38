"""Plans: the campaign frame every round belongs to (regulation.md §3, §8)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ballots.calendar import midterm_year, ordering_problems
from ballots.errors import Conflict, InvalidInput

from ..models import Plan
from ..repositories import common
from ..repositories import plans as repo
from ..repositories.common import archive as archive_entity
from ..repositories.common import get_or_404
from ..schemas.plans import PlanDetail, PlanIn, PlanOut, PlanPatch
from .dashboard import planned_rounds

# The only plan field that may be emptied; every other one a plan always has.
OPTIONAL = frozenset({"completion_date"})
TERM_FIELDS = ("term_start", "term_end", "vote_year", "completion_date")


# Listing needs no rule of its own; the router still goes through the service layer.
search = repo.search


def get(session: Session, plan_id: str) -> Plan:
    return get_or_404(session, Plan, plan_id, "plan")


def _validate(fields: dict[str, Any]) -> None:
    start, end, year = fields["term_start"], fields["term_end"], fields["vote_year"]
    if end <= start:
        raise InvalidInput(
            f"the term must end after it starts ({start}–{end}): give a term_end later than {start}",
            details={"field": "term_end", "term_start": start, "term_end": end},
        )
    if not start <= year <= end:
        raise InvalidInput(
            f"the vote year {year} is outside the term {start}–{end}: pick a year from {start} to {end}",
            details={"field": "vote_year", "term_start": start, "term_end": end},
        )
    completion = fields.get("completion_date")
    if completion is not None and completion.year != year:
        raise InvalidInput(
            f"the completion date {completion.isoformat()} is not in the vote year {year}",
            details={"field": "completion_date", "vote_year": year},
        )


def _check_number(session: Session, number: str, plan_id: str | None) -> None:
    twin = repo.by_number(session, number)
    if twin is not None and twin.id != plan_id:
        raise Conflict(
            f"a plan numbered '{twin.number}' already exists; give this one another number",
            details={"field": "number", "existing_id": twin.id},
        )


def _check_rounds_stay_in_the_vote_year(session: Session, plan: Plan, year: int) -> None:
    # Every round of a plan is dated in its vote year (rounds service); moving the year would
    # leave them outside it without anyone noticing.
    elsewhere = {y: n for y, n in repo.live_round_years(session, plan.id).items() if y != year}
    if elsewhere:
        total = sum(elsewhere.values())
        raise Conflict(
            f"plan '{plan.number}' has {total} round(s) dated in {', '.join(map(str, sorted(elsewhere)))}; "
            f"move or archive them before changing the vote year to {year}",
            details={"field": "vote_year", "round_years": elsewhere},
        )


def warnings(session: Session, plan: Plan) -> list[str]:
    """What deserves a second look on a plan, though the rules do not forbid saving it."""
    found = []
    if plan.vote_year != midterm_year(plan.term_start):
        found.append(
            f"the periodic vote falls in the mid-term year {midterm_year(plan.term_start)}, "
            f"not {plan.vote_year} (regulation.md §3)"
        )
    found += [p.message for p in ordering_problems(planned_rounds(session, plan.id))]
    return found


def detail(session: Session, plan: Plan) -> PlanDetail:
    return PlanDetail(
        **PlanOut.model_validate(plan).model_dump(),
        round_count=repo.round_count(session, plan.id),
        warnings=warnings(session, plan),
    )


def create(session: Session, data: PlanIn) -> Plan:
    fields = data.model_dump()
    _validate(fields)
    _check_number(session, data.number, None)
    return common.add(session, Plan(**fields))


def update(session: Session, plan_id: str, data: PlanPatch) -> Plan:
    plan = get(session, plan_id)
    changes = data.model_dump(exclude_unset=True)
    emptied = sorted(k for k, v in changes.items() if v is None and k not in OPTIONAL)
    if emptied:
        raise InvalidInput(
            f"{', '.join(emptied)} cannot be emptied; give a value or leave the field out",
            details={"fields": emptied},
        )
    _validate({c: getattr(plan, c) for c in TERM_FIELDS} | changes)
    if "number" in changes:
        _check_number(session, changes["number"], plan.id)
    if changes.get("vote_year", plan.vote_year) != plan.vote_year:
        _check_rounds_stay_in_the_vote_year(session, plan, changes["vote_year"])
    for key, value in changes.items():
        setattr(plan, key, value)
    session.flush()
    return plan


def archive(session: Session, plan_id: str, now: datetime) -> Plan:
    return archive_entity(session, get(session, plan_id), now)


def delete(session: Session, plan_id: str) -> None:
    plan = get(session, plan_id)
    rounds = repo.round_count(session, plan.id)
    if rounds:
        raise Conflict(
            f"plan '{plan.number}' has {rounds} round(s) and cannot be deleted; archive it instead",
            details={"id": plan.id, "round_count": rounds},
        )
    common.delete(session, plan)


def newest_id(session: Session) -> str | None:
    """The plan a logged-in person most likely wants: the newest vote year's first live plan."""
    items, _ = repo.search(session, vote_year=None, q=None, include_archived=False, limit=1, offset=0)
    return items[0].id if items else None
