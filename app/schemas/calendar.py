from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from ballots.calendar import Milestone

from ..models.plan import RoundStatus
from .common import Strict

ItemStatus = Literal["done_on_time", "done_late", "overdue", "pending", "not_required"]


class CalendarItem(Strict):
    milestone: Milestone
    label_vi: str
    deadline: date
    cadre_id: str | None = Field(description="The cadre concerned; none for the round's dossier.")
    cadre_name: str | None
    status: ItemStatus
    days_late: int = Field(description="For a late submission, or days overdue.")
    document_ids: list[str]


class MilestoneView(Strict):
    milestone: Milestone
    label_vi: str
    deadline: date
    days_left: int = Field(description="Negative once the deadline has passed.")
    items: list[CalendarItem]


class RoundCalendar(Strict):
    round_id: str
    title: str
    vote_date: date
    today: date
    days_until_vote: int
    milestones: list[MilestoneView]


class DueItem(CalendarItem):
    round_id: str
    round_title: str


class ExcludedCandidate(Strict):
    round_id: str
    round_title: str
    cadre_id: str
    cadre_name: str
    reasons: list[dict[str, object]]


class OrderingProblemOut(Strict):
    round_id: str
    council_round_id: str
    message: str
    message_vi: str


class Dashboard(Strict):
    plan_id: str
    today: date
    rounds: int
    candidates: int
    eligible_candidates: int
    rounds_by_status: dict[RoundStatus, int]
    due_soon: list[DueItem] = Field(description="Unmet deadlines within the next 7 days.")
    overdue: list[DueItem]
    excluded: list[ExcludedCandidate]
    ordering_problems: list[OrderingProblemOut]
