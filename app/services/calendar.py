"""The calendar of a round: each milestone's deadline and, per cadre, whether it was met."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ballots.calendar import Milestone, deadline, local_day

from ..models import Document, Round
from ..repositories import documents as repo
from ..schemas.calendar import CalendarItem, ItemStatus, MilestoneView, RoundCalendar
from .documents import aware


def _item(
    milestone: Milestone,
    due: date,
    today: date,
    documents: list[Document],
    cadre: tuple[str, str] | None,
    required: bool = True,
) -> CalendarItem:
    days = [local_day(aware(d.submitted_at)) for d in documents]
    status: ItemStatus
    if days:
        late = max(0, (min(days) - due).days)
        status = "done_late" if late else "done_on_time"
    elif not required:
        status, late = "not_required", 0
    elif today > due:
        status, late = "overdue", (today - due).days
    else:
        status, late = "pending", 0
    return CalendarItem(
        milestone=milestone,
        label_vi=milestone.label_vi,
        deadline=due,
        cadre_id=cadre[0] if cadre else None,
        cadre_name=cadre[1] if cadre else None,
        status=status,
        days_late=late,
        document_ids=[d.id for d in documents],
    )


def round_calendar(session: Session, round_: Round, today: date) -> RoundCalendar:
    documents = repo.of_round(session, round_.id)
    cadres = [(c.cadre_id, c.cadre.full_name) for c in round_.candidates if c.eligible]

    def docs(kind: Milestone, cadre_id: str | None = None) -> list[Document]:
        return [d for d in documents if d.kind is kind and (cadre_id is None or d.cadre_id == cadre_id)]

    views = []
    for milestone in Milestone:
        due = deadline(milestone, round_.vote_date)
        if milestone is Milestone.DOSSIER:
            items = [_item(milestone, due, today, docs(milestone), None)]
        elif milestone is Milestone.CLARIFICATION_REQUEST:
            # Voters may ask, but need not: only the requests received are listed.
            items = [
                _item(milestone, due, today, docs(milestone, c[0]), c)
                for c in cadres
                if docs(milestone, c[0])
            ]
        elif milestone is Milestone.ANSWERS:
            # Answers are owed only to the cadres who received a request.
            items = [
                _item(
                    milestone,
                    due,
                    today,
                    docs(milestone, c[0]),
                    c,
                    bool(docs(Milestone.CLARIFICATION_REQUEST, c[0])),
                )
                for c in cadres
            ]
        else:
            items = [_item(milestone, due, today, docs(milestone, c[0]), c) for c in cadres]
        views.append(
            MilestoneView(
                milestone=milestone,
                label_vi=milestone.label_vi,
                deadline=due,
                days_left=(due - today).days,
                items=items,
            )
        )
    return RoundCalendar(
        round_id=round_.id,
        title=round_.title,
        vote_date=round_.vote_date,
        today=today,
        days_until_vote=(round_.vote_date - today).days,
        milestones=views,
    )
