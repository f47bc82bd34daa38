"""The plan dashboard: statuses, deadlines due soon or missed, exclusions, ordering problems.

Read from narrow rows in a fixed number of queries (rounds, candidates, document timings, the
units' tree), whatever the size of the plan; statuses come from the same ``lines`` as the calendar.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from ballots.calendar import Milestone, PlannedRound, deadline, ordering_problems

from ..models import Plan, Unit
from ..models.plan import RoundStatus
from ..repositories import dashboard as repo
from ..repositories import documents as documents_repo
from ..repositories import units as units_repo
from ..repositories.common import get_or_404
from ..repositories.dashboard import CandidateRow, RoundRow
from ..repositories.documents import Timing
from ..schemas.calendar import Counts, Dashboard, DueItem, ExcludedCandidate, OrderingProblemOut
from .calendar import Line, lines
from .eligibility import PREPARING

SOON_DAYS = 7


def planned(round_: RoundRow, candidates: Sequence[CandidateRow], units: dict[str, Unit]) -> PlannedRound:
    """The round as ballots/ compares rounds for the §1 order (also used by the plan's warnings).

    Only eligible candidates count: a standing-committee member excluded from the round is not voted
    on there, so the round need not wait for the council session.
    """
    unit = units[round_.unit_id]
    return PlannedRound(
        round_.id,
        round_.rulebook,
        unit.level,
        unit.locality.id,
        round_.vote_date,
        any(c.eligible and c.standing_committee_unit_id is not None for c in candidates),
        round_.title,
    )


def _by_round(candidates: Sequence[CandidateRow]) -> dict[str, list[CandidateRow]]:
    grouped: dict[str, list[CandidateRow]] = defaultdict(list)
    for c in candidates:
        grouped[c.round_id].append(c)
    return grouped


def planned_rounds(session: Session, plan_id: str) -> list[PlannedRound]:
    """The plan's live rounds as the §1 ordering check reads them."""
    rounds = repo.live_rounds(session, plan_id)
    by_round = _by_round(repo.live_candidates(session, plan_id))
    units = units_repo.with_ancestors(session, {r.unit_id for r in rounds})
    return [planned(r, by_round[r.id], units) for r in rounds]


def _due(round_: RoundRow, milestone: Milestone, today: date, line: Line[Timing]) -> DueItem:
    due = deadline(milestone, round_.vote_date)
    return DueItem(
        round_id=round_.id,
        round_title=round_.title,
        vote_date=round_.vote_date,
        milestone=milestone,
        label_vi=milestone.label_vi,
        deadline=due,
        days_left=(due - today).days,
        cadre_id=line.cadre[0] if line.cadre else None,
        cadre_name=line.cadre[1] if line.cadre else None,
    )


def _deadlines(
    rounds: Sequence[RoundRow],
    by_round: dict[str, list[CandidateRow]],
    timings: Sequence[Timing],
    today: date,
) -> tuple[list[DueItem], list[DueItem]]:
    """(due soon, overdue) over the rounds still being prepared: once voting opens, the preparation
    calendar is history."""
    documents: dict[str, list[Timing]] = defaultdict(list)
    for t in timings:
        documents[t.round_id].append(t)
    due_soon: list[DueItem] = []
    overdue: list[DueItem] = []
    # A deadline more than a week away is neither due soon nor missed; a missing clarification
    # request is never a fault (voters need not ask). Only the other lines are worth computing.
    horizon = today + timedelta(days=SOON_DAYS)
    for round_ in (r for r in rounds if r.status in PREPARING):
        wanted = [
            m
            for m in Milestone
            if m is not Milestone.CLARIFICATION_REQUEST and deadline(m, round_.vote_date) <= horizon
        ]
        if not wanted:
            continue
        # Only eligible candidates are voted on, so only they owe a report or answers.
        cadres = [(c.cadre_id, c.full_name) for c in by_round[round_.id] if c.eligible]
        found_lines = lines(round_.vote_date, cadres, documents[round_.id], today, wanted)
        for milestone, found in found_lines.items():
            days_left = (deadline(milestone, round_.vote_date) - today).days
            for line in found:
                if line.status == "overdue":
                    overdue.append(_due(round_, milestone, today, line))
                elif line.status == "pending" and days_left <= SOON_DAYS:
                    due_soon.append(_due(round_, milestone, today, line))

    def order(d: DueItem) -> tuple[date, str, str]:
        return d.deadline, d.round_title, d.cadre_name or ""

    return sorted(due_soon, key=order), sorted(overdue, key=order)


@dataclass(frozen=True)
class PlanRows:
    """Everything the dashboard reads of a plan, read once: the web page builds more views on it."""

    plan: Plan
    rounds: list[RoundRow]
    candidates: list[CandidateRow]
    by_round: dict[str, list[CandidateRow]]
    units: dict[str, Unit]
    timings: list[Timing]


def load(session: Session, plan_id: str) -> PlanRows:
    plan = get_or_404(session, Plan, plan_id, "plan")
    rounds = repo.live_rounds(session, plan.id)
    candidates = repo.live_candidates(session, plan.id)
    return PlanRows(
        plan,
        rounds,
        candidates,
        _by_round(candidates),
        units_repo.with_ancestors(session, {r.unit_id for r in rounds}),
        documents_repo.timings_of_plan(session, plan.id, PREPARING),
    )


def dashboard(session: Session, plan_id: str, today: date) -> Dashboard:
    return build(load(session, plan_id), today)


def build(rows: PlanRows, today: date) -> Dashboard:
    plan, rounds, candidates, by_round, units = (
        rows.plan,
        rows.rounds,
        rows.candidates,
        rows.by_round,
        rows.units,
    )
    due_soon, overdue = _deadlines(rounds, by_round, rows.timings, today)
    titles = {r.id: r.title for r in rounds}
    # Rounds come in date order, so a cadre excluded twice is listed by round date.
    place = {r.id: i for i, r in enumerate(rounds)}
    excluded = sorted(
        (c for c in candidates if not c.eligible), key=lambda c: (c.sort_key, place[c.round_id])
    )
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
                round_title=titles[c.round_id],
                cadre_id=c.cadre_id,
                cadre_name=c.full_name,
                reasons=c.reasons,
            )
            for c in excluded
        ],
        ordering_problems=[
            OrderingProblemOut(
                round_id=p.round_id,
                council_round_id=p.council_round_id,
                message=p.message,
                message_vi=p.message_vi,
            )
            for p in ordering_problems([planned(r, by_round[r.id], units) for r in rounds])
        ],
    )
