"""The calendar of a round: each milestone's deadline and, per cadre, whether it was met.

Statuses are computed on every read from the round's current vote date, so moving the vote
moves every deadline and status with it; nothing here is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from ballots.calendar import Milestone, deadline, timeliness

from ..models import Document, Round
from ..repositories import documents as documents_repo
from ..schemas.calendar import CalendarItem, ItemStatus, MilestoneView, RoundCalendar, Submission
from .rounds import get as get_round

Cadre = tuple[str, str]  # (id, full name)


def _submissions(round_: Round, documents: Sequence[Document]) -> list[Submission]:
    out = []
    for d in documents:
        timing = timeliness(d.kind, round_.vote_date, d.submitted_at)
        out.append(
            Submission(
                document_id=d.id,
                title=d.title,
                submitted_at=d.submitted_at,
                on_time=timing.on_time,
                days_late=timing.days_late,
            )
        )
    return out


def _item(
    round_: Round,
    milestone: Milestone,
    today: date,
    documents: Sequence[Document],
    cadre: Cadre | None,
    if_missing: ItemStatus | None = None,
) -> CalendarItem:
    """``if_missing`` replaces overdue/pending when nothing submitted is not a fault."""
    due = deadline(milestone, round_.vote_date)
    submissions = _submissions(round_, documents)
    status: ItemStatus
    if submissions:
        # A report sent again later does not undo the first one: the earliest counts.
        late = min(s.days_late for s in submissions)
        status = "done_late" if late else "done_on_time"
    elif if_missing is not None:
        status, late = if_missing, 0
    elif today > due:
        status, late = "overdue", (today - due).days
    else:
        status, late = "pending", 0
    return CalendarItem(
        cadre_id=cadre[0] if cadre else None,
        cadre_name=cadre[1] if cadre else None,
        status=status,
        days_late=late,
        documents=submissions,
    )


def build(round_: Round, documents: Sequence[Document], today: date) -> RoundCalendar:
    """The calendar from a round (with its candidates and their cadres) and its documents."""
    # Only eligible candidates are voted on, so only they owe a report or answers.
    cadres: list[Cadre] = [(c.cadre_id, c.cadre.full_name) for c in round_.candidates if c.eligible]

    def docs(kind: Milestone, cadre_id: str | None = None) -> list[Document]:
        return [d for d in documents if d.kind is kind and (cadre_id is None or d.cadre_id == cadre_id)]

    def item(milestone: Milestone, cadre: Cadre | None, if_missing: ItemStatus | None = None) -> CalendarItem:
        return _item(
            round_, milestone, today, docs(milestone, cadre[0] if cadre else None), cadre, if_missing
        )

    items: dict[Milestone, list[CalendarItem]] = {
        Milestone.REPORT: [item(Milestone.REPORT, c) for c in cadres],
        Milestone.DOSSIER: [item(Milestone.DOSSIER, None)],
        # Voters may ask for clarification, but need not.
        Milestone.CLARIFICATION_REQUEST: [
            item(Milestone.CLARIFICATION_REQUEST, c, "none_received") for c in cadres
        ],
        # Answers are owed only by the cadres who received a request.
        Milestone.ANSWERS: [
            item(
                Milestone.ANSWERS,
                c,
                None if docs(Milestone.CLARIFICATION_REQUEST, c[0]) else "not_required",
            )
            for c in cadres
        ],
    }
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
                items=items[m],
            )
            for m in Milestone
        ],
    )


def round_calendar(session: Session, round_id: str, today: date) -> RoundCalendar:
    round_ = get_round(session, round_id)
    return build(round_, documents_repo.of_round(session, round_.id), today)
