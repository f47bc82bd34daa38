"""The plan dashboard: statuses, deadlines due soon or missed, exclusions, ordering problems."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy.orm import Session

from ballots.calendar import PlannedRound, ordering_problems

from ..models import Document, Plan, Round
from ..models.plan import RoundStatus
from ..repositories import dashboard as repo
from ..repositories import documents as documents_repo
from ..repositories.common import get_or_404
from ..schemas.calendar import (
    CalendarItem,
    Counts,
    Dashboard,
    DueItem,
    ExcludedCandidate,
    MilestoneView,
    OrderingProblemOut,
)
from .calendar import build
from .eligibility import PREPARING

SOON_DAYS = 7


def planned(round_: Round) -> PlannedRound:
    """The round as ballots/ compares rounds for the §1 order (also used by the plan's warnings).

    Only eligible candidates count: a standing-committee member excluded from the round is not voted
    on there, so the round need not wait for the council session.
    """
    return PlannedRound(
        round_.id,
        round_.rulebook,
        round_.unit.level,
        round_.unit.locality.id,
        round_.vote_date,
        any(c.eligible and c.cadre.standing_committee_unit_id is not None for c in round_.candidates),
        round_.title,
    )


def _due(round_: Round, view: MilestoneView, item: CalendarItem) -> DueItem:
    return DueItem(
        round_id=round_.id,
        round_title=round_.title,
        vote_date=round_.vote_date,
        milestone=view.milestone,
        label_vi=view.label_vi,
        deadline=view.deadline,
        days_left=view.days_left,
        cadre_id=item.cadre_id,
        cadre_name=item.cadre_name,
    )


def _deadlines(session: Session, rounds: list[Round], today: date) -> tuple[list[DueItem], list[DueItem]]:
    """(due soon, overdue) over the rounds still being prepared: once voting opens, the preparation
    calendar is history."""
    preparing = [r for r in rounds if r.status in PREPARING]
    by_round: dict[str, list[Document]] = defaultdict(list)
    for document in documents_repo.of_rounds(session, [r.id for r in preparing]):
        by_round[document.round_id].append(document)
    due_soon: list[DueItem] = []
    overdue: list[DueItem] = []
    for round_ in preparing:
        for view in build(round_, by_round[round_.id], today).milestones:
            for item in view.items:
                if item.status == "overdue":
                    overdue.append(_due(round_, view, item))
                elif item.status == "pending" and view.days_left <= SOON_DAYS:
                    due_soon.append(_due(round_, view, item))

    def order(d: DueItem) -> tuple[date, str, str]:
        return d.deadline, d.round_title, d.cadre_name or ""

    return sorted(due_soon, key=order), sorted(overdue, key=order)


def dashboard(session: Session, plan_id: str, today: date) -> Dashboard:
    plan = get_or_404(session, Plan, plan_id, "plan")
    rounds = repo.live_rounds(session, plan.id)
    candidates = [c for r in rounds for c in r.candidates]
    due_soon, overdue = _deadlines(session, rounds, today)
    return Dashboard(
        plan_id=plan.id,
        today=today,
        counts=Counts(
            rounds=len(rounds),
            candidates=len(candidates),
            eligible_candidates=sum(c.eligible for c in candidates),
        ),
        rounds_by_status={s: sum(r.status is s for r in rounds) for s in RoundStatus},
        due_soon=due_soon,
        overdue=overdue,
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
