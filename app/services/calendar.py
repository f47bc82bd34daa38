"""The calendar of a round: each milestone's deadline and, per cadre, whether it was met.

Statuses are computed on every read from the round's current vote date, so moving the vote
moves every deadline and status with it; nothing here is stored. ``lines`` is the one place that
decides a status: the round's calendar shows every line, the plan dashboard keeps the late and
the soon ones, from plain rows instead of whole rounds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from ballots.calendar import Milestone, deadline, timeliness

from ..models import Document, Round
from ..repositories import documents as documents_repo
from ..repositories import rounds as rounds_repo
from ..repositories.documents import Timing
from ..schemas.calendar import CalendarItem, ItemStatus, MilestoneView, RoundCalendar, Submission

Cadre = tuple[str, str]  # (id, full name)


# What a status needs of a document: the document itself, or the dashboard's narrow row of it.
D = TypeVar("D", Document, Timing)


@dataclass(frozen=True)
class Line(Generic[D]):
    """One row of a milestone: a cadre's (or, for the dossier, the round's) status."""

    cadre: Cadre | None
    status: ItemStatus
    days_late: int
    documents: list[D]


def _status(
    milestone: Milestone, vote_date: date, today: date, documents: Sequence[D], if_missing: ItemStatus | None
) -> tuple[ItemStatus, int]:
    """``if_missing`` replaces overdue/pending when nothing submitted is not a fault."""
    if documents:
        # A report sent again later does not undo the first one: the earliest counts.
        late = min(timeliness(milestone, vote_date, d.submitted_at).days_late for d in documents)
        return ("done_late" if late else "done_on_time"), late
    if if_missing is not None:
        return if_missing, 0
    due = deadline(milestone, vote_date)
    if today > due:
        return "overdue", (today - due).days
    return "pending", 0


def lines(
    vote_date: date,
    cadres: Sequence[Cadre],
    documents: Sequence[D],
    today: date,
    milestones: Collection[Milestone] = tuple(Milestone),
) -> dict[Milestone, list[Line[D]]]:
    """The lines of a round's calendar for ``milestones`` (all by default), from its eligible cadres
    and its documents."""
    by_key: dict[tuple[Milestone, str | None], list[D]] = defaultdict(list)
    for d in documents:
        by_key[(d.kind, None)].append(d)  # the round's dossier counts whoever sent it
        if d.cadre_id is not None:
            by_key[(d.kind, d.cadre_id)].append(d)

    def line(milestone: Milestone, cadre: Cadre | None) -> Line[D]:
        found = by_key.get((milestone, cadre[0] if cadre else None), [])
        if_missing: ItemStatus | None = None
        if milestone is Milestone.CLARIFICATION_REQUEST:
            if_missing = "none_received"  # voters may ask for clarification, but need not
        elif (
            milestone is Milestone.ANSWERS
            and cadre
            and not by_key.get((Milestone.CLARIFICATION_REQUEST, cadre[0]))
        ):
            if_missing = "not_required"  # answers are owed only by the cadres who received a request
        status, late = _status(milestone, vote_date, today, found, if_missing)
        return Line(cadre, status, late, found)

    # The dossier is the round's; every other milestone has a line per cadre.
    return {
        m: [line(m, None)] if m is Milestone.DOSSIER else [line(m, c) for c in cadres]
        for m in Milestone
        if m in milestones
    }


def _item(vote_date: date, milestone: Milestone, found: Line[Document]) -> CalendarItem:
    return CalendarItem(
        cadre_id=found.cadre[0] if found.cadre else None,
        cadre_name=found.cadre[1] if found.cadre else None,
        status=found.status,
        days_late=found.days_late,
        documents=[
            Submission(
                document_id=d.id,
                title=d.title,
                submitted_at=d.submitted_at,
                on_time=timing.on_time,
                days_late=timing.days_late,
            )
            for d in found.documents
            for timing in [timeliness(milestone, vote_date, d.submitted_at)]
        ],
    )


def build(round_: Round, documents: Sequence[Document], today: date) -> RoundCalendar:
    """The calendar from a round (with its candidates and their cadres) and its documents."""
    # Only eligible candidates are voted on, so only they owe a report or answers.
    cadres: list[Cadre] = [(c.cadre_id, c.cadre.full_name) for c in round_.candidates if c.eligible]
    found = lines(round_.vote_date, cadres, documents, today)
    return RoundCalendar(
        round_id=round_.id,
        title=round_.title,
        status=round_.status,
        vote_date=round_.vote_date,
        today=today,
        days_until_vote=(round_.vote_date - today).days,
        milestones=[
            MilestoneView(
                milestone=m,
                label_vi=m.label_vi,
                deadline=deadline(m, round_.vote_date),
                days_left=(deadline(m, round_.vote_date) - today).days,
                items=[_item(round_.vote_date, m, line) for line in found[m]],
            )
            for m in Milestone
        ],
    )


def round_calendar(session: Session, round_id: str, today: date) -> RoundCalendar:
    round_ = rounds_repo.with_candidates(session, round_id)
    return build(round_, documents_repo.of_round(session, round_.id), today)
