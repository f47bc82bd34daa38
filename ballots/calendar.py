"""The legal calendar of a round (regulation.md §1, §3). Dates are calendar days; "now" is passed in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from enum import StrEnum

from .errors import InvalidInput, SchedulingRefused
from .levels import Rulebook, UnitLevel

# Vietnam keeps UTC+7 all year; the legal day of a submission is the day in Vietnam.
VIETNAM_TZ = timezone(timedelta(hours=7), "ICT")
MIN_DAYS_AHEAD = 20
MIN_OVERRIDE_REASON = 10


class Milestone(StrEnum):
    REPORT = "report"  # the cadre's self-report reaches the personnel body
    DOSSIER = "dossier"  # the dossier goes to the voters
    CLARIFICATION_REQUEST = "clarification_request"  # a voter's written request reaches the cadre
    ANSWERS = "answers"  # the cadre's written answers are in

    @property
    def days_before(self) -> int:
        return _DAYS_BEFORE[self]

    @property
    def label_vi(self) -> str:
        return _LABELS_VI[self]


_DAYS_BEFORE = {
    Milestone.REPORT: 20,
    Milestone.DOSSIER: 15,
    Milestone.CLARIFICATION_REQUEST: 10,
    Milestone.ANSWERS: 3,
}
_LABELS_VI = {
    Milestone.REPORT: "Báo cáo tự kiểm điểm của người được lấy phiếu",
    Milestone.DOSSIER: "Gửi hồ sơ đến người ghi phiếu",
    Milestone.CLARIFICATION_REQUEST: "Yêu cầu làm rõ của người ghi phiếu",
    Milestone.ANSWERS: "Giải trình của người được lấy phiếu",
}


def deadline(milestone: Milestone, vote_date: date) -> date:
    """The last calendar day on which ``milestone`` is on time."""
    return vote_date - timedelta(days=milestone.days_before)


def deadlines(vote_date: date) -> dict[Milestone, date]:
    return {m: deadline(m, vote_date) for m in Milestone}


@dataclass(frozen=True)
class Timeliness:
    milestone: Milestone
    deadline: date
    submitted_on: date
    days_late: int

    @property
    def on_time(self) -> bool:
        return self.days_late == 0


def local_day(moment: datetime, tz: tzinfo = VIETNAM_TZ) -> date:
    # Naive by Python's definition: no tzinfo, or one that gives no offset (astimezone would then
    # read it in the host's zone, and the legal day would depend on the machine).
    if moment.utcoffset() is None:
        raise InvalidInput("a submission time must carry its time zone")
    return moment.astimezone(tz).date()


def timeliness(milestone: Milestone, vote_date: date, submitted_at: datetime) -> Timeliness:
    """Whether a submission at ``submitted_at`` met its deadline, and by how many days it missed."""
    submitted_on = local_day(submitted_at)
    due = deadline(milestone, vote_date)
    return Timeliness(milestone, due, submitted_on, max(0, (submitted_on - due).days))


@dataclass(frozen=True)
class ScheduleDecision:
    vote_date: date
    days_ahead: int
    override_reason: str | None

    @property
    def overridden(self) -> bool:
        return self.override_reason is not None


def check_schedule(vote_date: date, today: date, override_reason: str | None = None) -> ScheduleDecision:
    """Refuse a vote date in the past, or under 20 days ahead without a written override reason.

    An override is kept only when it was needed, so a stored reason always explains a short notice.
    """
    days_ahead = (vote_date - today).days
    if days_ahead < 0:
        raise SchedulingRefused(
            f"the vote date {vote_date.isoformat()} is in the past",
            details={"vote_date": vote_date.isoformat(), "today": today.isoformat()},
        )
    if days_ahead >= MIN_DAYS_AHEAD:
        return ScheduleDecision(vote_date, days_ahead, None)
    reason = (override_reason or "").strip()
    if not reason:
        raise SchedulingRefused(
            f"the vote date is {days_ahead} days ahead; at least {MIN_DAYS_AHEAD} are needed for the "
            f"D-20 report, unless an override reason of at least {MIN_OVERRIDE_REASON} characters "
            "is given",
            message_vi=(
                f"Ngày bỏ phiếu chỉ còn {days_ahead} ngày; cần ít nhất {MIN_DAYS_AHEAD} ngày cho mốc "
                f"D-20, trừ khi ghi lý do (ít nhất {MIN_OVERRIDE_REASON} ký tự)"
            ),
            details={"days_ahead": days_ahead, "minimum": MIN_DAYS_AHEAD, "field": "override_reason"},
        )
    if len(reason) < MIN_OVERRIDE_REASON:
        raise SchedulingRefused(
            f"the override reason is {len(reason)} characters long; write at least "
            f"{MIN_OVERRIDE_REASON} so the short notice ({days_ahead} days) is explained",
            message_vi=(
                f"Lý do tổ chức sớm mới có {len(reason)} ký tự; cần ít nhất {MIN_OVERRIDE_REASON} ký tự "
                f"để giải thích vì sao chỉ còn {days_ahead} ngày"
            ),
            details={
                "days_ahead": days_ahead,
                "minimum": MIN_DAYS_AHEAD,
                "field": "override_reason",
                "reason_length": len(reason),
                "minimum_reason_length": MIN_OVERRIDE_REASON,
            },
        )
    return ScheduleDecision(vote_date, days_ahead, reason)


@dataclass(frozen=True)
class PlannedRound:
    round_id: str
    rulebook: Rulebook
    level: UnitLevel
    locality_id: str
    vote_date: date
    has_standing_committee_candidates: bool
    label: str = ""  # how people name the round; the id when empty

    @property
    def name(self) -> str:
        return self.label or self.round_id


@dataclass(frozen=True)
class OrderingProblem:
    round_id: str
    council_round_id: str
    message: str
    message_vi: str


def ordering_problems(rounds: Sequence[PlannedRound]) -> tuple[OrderingProblem, ...]:
    """``qd96`` rounds voting on standing-committee members that are not after the ``nq96`` round
    of the same locality and level (regulation.md §1). Same-day rounds cannot be told apart by date,
    so they are reported too."""
    councils = [r for r in rounds if r.rulebook is Rulebook.NQ96]
    problems: list[OrderingProblem] = []
    for r in rounds:
        if r.rulebook is not Rulebook.QD96 or not r.has_standing_committee_candidates:
            continue
        for council in councils:
            same_place = council.locality_id == r.locality_id and council.level is r.level
            if same_place and r.vote_date <= council.vote_date:
                problems.append(
                    OrderingProblem(
                        r.round_id,
                        council.round_id,
                        f"{r.name} ({r.vote_date.isoformat()}) votes on standing-committee members "
                        f"and must come after the council session {council.name} "
                        f"({council.vote_date.isoformat()})",
                        f"{r.name} ({r.vote_date:%d/%m/%Y}) lấy phiếu Ủy viên Ban Thường vụ nên phải "
                        f"tổ chức sau kỳ họp HĐND {council.name} ({council.vote_date:%d/%m/%Y})",
                    )
                )
    return tuple(problems)


def midterm_year(term_start: int) -> int:
    """The periodic vote falls in the 3rd year of the term: 2023 for 2020–2025 (regulation.md §3)."""
    return term_start + 3
