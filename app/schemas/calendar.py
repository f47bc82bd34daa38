"""The calendar of a round and the dashboard of a plan (responses only)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field

from ballots.calendar import Milestone

from ..models.plan import RoundStatus
from .common import Orm

ItemStatus = Literal["done_on_time", "done_late", "overdue", "pending", "not_required", "none_received"]
STATUS_HELP = (
    "done_on_time / done_late: submitted (the earliest document counts); overdue: the deadline has "
    "passed with nothing submitted; pending: not yet due; not_required: answers when the cadre received "
    "no clarification request; none_received: no clarification request (they are optional)."
)


class Submission(Orm):
    document_id: str
    title: str = Field(examples=["Báo cáo tự kiểm điểm"])
    submitted_at: datetime = Field(description="In UTC.")
    on_time: bool
    days_late: int = Field(examples=[0])


class CalendarItem(Orm):
    cadre_id: str | None = Field(description="The cadre concerned; none for the round's dossier.")
    cadre_name: str | None = Field(examples=["Nguyễn Văn Hùng"])
    status: ItemStatus = Field(description=STATUS_HELP, examples=["done_late"])
    days_late: int = Field(description="Days late of a late submission, or days overdue.", examples=[2])
    documents: list[Submission]


class MilestoneView(Orm):
    milestone: Milestone = Field(examples=["report"])
    label_vi: str = Field(examples=["Báo cáo tự kiểm điểm của người được lấy phiếu"])
    deadline: date = Field(examples=["2027-05-26"])
    days_left: int = Field(description="Days from today to the deadline; negative once it has passed.")
    items: list[CalendarItem] = Field(
        description="One per eligible candidate (report, clarification requests, answers) or one for the "
        "round (dossier)."
    )


class RoundCalendar(Orm):
    round_id: str
    title: str
    status: RoundStatus
    vote_date: date = Field(examples=["2027-06-15"])
    today: date = Field(description="Today in Vietnam.", examples=["2027-06-01"])
    days_until_vote: int = Field(examples=[14])
    milestones: list[MilestoneView]


class DueItem(Orm):
    round_id: str
    round_title: str = Field(examples=["Hội nghị lấy phiếu tín nhiệm Sở Tài chính"])
    vote_date: date
    milestone: Milestone = Field(examples=["report"])
    label_vi: str
    deadline: date = Field(examples=["2027-06-05"])
    days_left: int = Field(description="Negative when overdue.", examples=[4])
    cadre_id: str | None = Field(description="None for a round's dossier.")
    cadre_name: str | None = Field(examples=["Lê Minh Khoa"])


class ExcludedCandidate(Orm):
    round_id: str
    round_title: str
    cadre_id: str
    cadre_name: str = Field(examples=["Lê Minh Khoa"])
    reasons: list[dict[str, object]] = Field(
        description="The stored verdict's reasons: code, message and message_vi."
    )


class OrderingProblemOut(Orm):
    round_id: str = Field(description="The qd96 round voting on standing-committee members.")
    council_round_id: str = Field(description="The nq96 council round it must follow.")
    message: str
    message_vi: str


class Counts(Orm):
    rounds: int = Field(description="Rounds not archived.", examples=[6])
    candidates: int = Field(examples=[33])
    eligible_candidates: int = Field(examples=[30])


class Dashboard(Orm):
    plan_id: str
    today: date = Field(examples=["2027-06-01"])
    counts: Counts
    rounds_by_status: dict[RoundStatus, int] = Field(description="Archived rounds are left out.")
    due_soon: list[DueItem] = Field(
        description="Deadlines from today to 7 days ahead not yet met, in draft or scheduled rounds."
    )
    overdue: list[DueItem] = Field(description="Deadlines passed without the required document.")
    excluded: list[ExcludedCandidate] = Field(description="Candidates found not eligible, with why.")
    ordering_problems: list[OrderingProblemOut]
