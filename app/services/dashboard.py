"""The plan dashboard: statuses, deadlines due soon or missed, exclusions, ordering problems."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from ballots.calendar import PlannedRound, ordering_problems

from ..models import Plan, Round
from ..models.plan import RoundStatus
from ..repositories import dashboard as repo
from ..repositories.common import get_or_404
from ..schemas.calendar import Dashboard, DueItem, ExcludedCandidate, OrderingProblemOut
from .calendar import round_calendar

SOON = timedelta(days=7)


def planned(round_: Round) -> PlannedRound:
    return PlannedRound(
        round_.id,
        round_.rulebook,
        round_.unit.level,
        round_.unit.locality.id,
        round_.vote_date,
        any(c.eligible and c.cadre.standing_committee_unit_id is not None for c in round_.candidates),
        round_.title,
    )


def dashboard(session: Session, plan_id: str, today: date) -> Dashboard:
    plan = get_or_404(session, Plan, plan_id, "plan")
    rounds = repo.live_rounds(session, plan.id)
    due_soon: list[DueItem] = []
    overdue: list[DueItem] = []
    for round_ in rounds:
        if round_.status not in (RoundStatus.DRAFT, RoundStatus.SCHEDULED):
            continue  # once voting starts, the preparation calendar is history
        for view in round_calendar(session, round_, today).milestones:
            for item in view.items:
                due = DueItem(**item.model_dump(), round_id=round_.id, round_title=round_.title)
                if item.status == "overdue":
                    overdue.append(due)
                elif item.status == "pending" and item.deadline <= today + SOON:
                    due_soon.append(due)
    candidates = [c for r in rounds for c in r.candidates]
    return Dashboard(
        plan_id=plan.id,
        today=today,
        rounds=len(rounds),
        candidates=len(candidates),
        eligible_candidates=sum(c.eligible for c in candidates),
        rounds_by_status={s: sum(r.status is s for r in rounds) for s in RoundStatus},
        due_soon=sorted(due_soon, key=lambda d: (d.deadline, d.round_title)),
        overdue=sorted(overdue, key=lambda d: (d.deadline, d.round_title)),
        excluded=[
            ExcludedCandidate(
                round_id=c.round_id,
                round_title=c.round.title,
                cadre_id=c.cadre_id,
                cadre_name=c.cadre.full_name,
                reasons=c.reasons,
            )
            for c in candidates
            if not c.eligible
        ],
        ordering_problems=[
            OrderingProblemOut(
                round_id=p.round_id,
                council_round_id=p.council_round_id,
                message=p.message,
                message_vi=p.message_vi,
            )
            for p in ordering_problems([planned(r) for r in rounds])
        ],
    )
