"""What the plan pages show, built on the rows the plan dashboard reads (one read for both).

The deadline board gives each preparing round one cell per milestone (D−20, D−15, D−10, D−3) with
a tone and a label: red when something is overdue, amber when due within a week, green when done.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy.orm import Session

from ballots.calendar import Milestone, deadline

from ..models.plan import RoundStatus
from ..repositories import plans as plans_repo
from ..repositories.documents import Timing
from ..schemas.calendar import Dashboard
from ..schemas.plans import PlanOut
from . import dashboard as dashboard_service
from .calendar import Line, lines
from .dashboard import SOON_DAYS, PlanRows
from .eligibility import PREPARING

Tone = Literal["bad", "warn", "good", "quiet"]
MAX_MONTHS = 12  # a plan's rounds all fall in its vote year


@dataclass(frozen=True)
class PlanLine:
    plan: PlanOut
    rounds: int


@dataclass(frozen=True)
class Cell:
    milestone: Milestone
    deadline: date
    tone: Tone
    label: str  # a phrase of the page's translation table; ``n`` fills it
    n: int = 0


@dataclass(frozen=True)
class RoundLine:
    id: str
    title: str
    vote_date: date
    status: RoundStatus
    candidates: int
    eligible: int
    cells: list[Cell]  # empty once the round is past preparation


@dataclass(frozen=True)
class Day:
    day: date
    in_month: bool
    today: bool
    rounds: list[RoundLine]


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    weeks: list[list[Day]]


@dataclass(frozen=True)
class Progress:
    voted: int
    total: int
    completion: date | None
    days_left: int | None
    after_completion: list[RoundLine]


@dataclass(frozen=True)
class PlanPage:
    plan: PlanOut
    dashboard: Dashboard
    rounds: list[RoundLine]
    months: list[Month]
    progress: Progress


def plan_list(session: Session) -> list[PlanLine]:
    plans, _ = plans_repo.search(session, vote_year=None, q=None, include_archived=False, limit=200, offset=0)
    counts = plans_repo.live_round_counts(session, [p.id for p in plans])
    return [PlanLine(PlanOut.model_validate(p), counts.get(p.id, 0)) for p in plans]


def cell(milestone: Milestone, vote_date: date, found: Sequence[Line[Timing]], today: date) -> Cell:
    due = deadline(milestone, vote_date)
    left = (due - today).days
    statuses = [line.status for line in found]
    if "overdue" in statuses:
        return Cell(milestone, due, "bad", "Quá hạn ({n})", statuses.count("overdue"))
    if "pending" in statuses:
        if left <= SOON_DAYS:
            return Cell(milestone, due, "warn", "Còn {n} ngày", left)
        return Cell(milestone, due, "quiet", "Chưa đến hạn")
    if left >= 0 and not any(s.startswith("done") for s in statuses):
        return Cell(milestone, due, "quiet", "Chưa đến hạn")  # e.g. no clarification asked for yet
    if "done_late" in statuses:
        return Cell(milestone, due, "good", "Đã xong, có nộp muộn")
    return Cell(milestone, due, "good", "Đã xong")


def _round_lines(rows: PlanRows, today: date) -> list[RoundLine]:
    timings: dict[str, list[Timing]] = {}
    for t in rows.timings:
        timings.setdefault(t.round_id, []).append(t)
    result = []
    for r in rows.rounds:
        candidates = rows.by_round[r.id]
        cadres = [(c.cadre_id, c.full_name) for c in candidates if c.eligible]
        cells: list[Cell] = []
        if r.status in PREPARING:
            found = lines(r.vote_date, cadres, timings.get(r.id, []), today)
            cells = [cell(m, r.vote_date, found[m], today) for m in Milestone]
        result.append(RoundLine(r.id, r.title, r.vote_date, r.status, len(candidates), len(cadres), cells))
    return result


def months(rounds: list[RoundLine], today: date) -> list[Month]:
    """Every month from the first round's to the last's (today's month when there is none)."""
    first = min((r.vote_date for r in rounds), default=today)
    last = max((r.vote_date for r in rounds), default=today)
    by_day: dict[date, list[RoundLine]] = {}
    for r in rounds:
        by_day.setdefault(r.vote_date, []).append(r)
    found: list[Month] = []
    year, month = first.year, first.month
    weeks_of = calendar.Calendar(firstweekday=0).monthdatescalendar  # weeks start on Monday (Thứ Hai)
    while (year, month) <= (last.year, last.month) and len(found) < MAX_MONTHS:
        weeks = [
            [
                Day(d, d.month == month, d == today, by_day.get(d, []) if d.month == month else [])
                for d in week
            ]
            for week in weeks_of(year, month)
        ]
        found.append(Month(year, month, weeks))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _progress(plan: PlanOut, rounds: list[RoundLine], today: date) -> Progress:
    completion = plan.completion_date
    return Progress(
        voted=sum(r.status not in PREPARING for r in rounds),
        total=len(rounds),
        completion=completion,
        days_left=(completion - today).days if completion else None,
        after_completion=[r for r in rounds if completion and r.vote_date > completion],
    )


def plan_page(session: Session, plan_id: str, today: date) -> PlanPage:
    rows = dashboard_service.load(session, plan_id)
    plan = PlanOut.model_validate(rows.plan)
    rounds = _round_lines(rows, today)
    return PlanPage(
        plan,
        dashboard_service.build(rows, today),
        rounds,
        months(rounds, today),
        _progress(plan, rounds, today),
    )
