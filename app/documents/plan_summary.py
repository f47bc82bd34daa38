"""A plan's results summary as data, and as the PDF the organizer files: every round with its
progress, and the cadres of each band (regulation.md §7) round by round, never summed (§2)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files
from typing import Any

from ballots.levels import Band

from .pdf import render_pdf

BANDS = ("two_thirds_low", "over_half_low")
TEMPLATE = files("app.documents") / "templates" / "plan_results.typ"


@dataclass(frozen=True)
class BandEntry:
    cadre_id: str
    name: str
    round_id: str
    round_title: str
    low: dict[str, Any]  # {"count", "percent"}
    review: bool


@dataclass(frozen=True)
class RoundLine:
    id: str
    title: str
    unit: str
    vote_date: date
    status: str
    counted: bool
    returned: int | None
    quorum_met: bool | None
    in_band: dict[str, int]  # band → cadres of this round in it


@dataclass(frozen=True)
class PlanResults:
    plan_id: str
    number: str
    title: str
    completion_date: date | None
    today: date
    rounds: list[RoundLine]
    bands: dict[str, list[BandEntry]] = field(default_factory=dict)

    @property
    def counted(self) -> int:
        return sum(1 for r in self.rounds if r.counted)

    @property
    def days_left(self) -> int | None:
        return (self.completion_date - self.today).days if self.completion_date else None

    @property
    def late(self) -> list[RoundLine]:
        """Rounds not counted by the completion date, once it has passed."""
        if self.completion_date is None or self.today <= self.completion_date:
            return []
        return [r for r in self.rounds if not r.counted]

    def as_json(self) -> dict[str, Any]:
        return {
            "plan": {"id": self.plan_id, "number": self.number, "title": self.title},
            "progress": {
                "rounds": len(self.rounds),
                "counted": self.counted,
                "completion_date": self.completion_date.isoformat() if self.completion_date else None,
                "days_left": self.days_left,
                "not_counted_after_completion": [r.id for r in self.late],
            },
            "rounds": [
                {
                    "id": r.id,
                    "title": r.title,
                    "unit": r.unit,
                    "vote_date": r.vote_date.isoformat(),
                    "status": r.status,
                    "counted": r.counted,
                    "ballots_returned": r.returned,
                    "quorum_met": r.quorum_met,
                    "cadres_in_band": r.in_band,
                }
                for r in self.rounds
            ],
            "bands": {
                band: [
                    {
                        "cadre_id": e.cadre_id,
                        "name": e.name,
                        "round_id": e.round_id,
                        "round_title": e.round_title,
                        "low": e.low,
                        "review": e.review,
                    }
                    for e in entries
                ]
                for band, entries in self.bands.items()
            },
        }


STATUS_VI = {
    "draft": "Dự thảo",
    "scheduled": "Đã lên lịch",
    "open": "Đang bỏ phiếu",
    "closed": "Đã đóng",
    "counted": "Đã kiểm phiếu",
    "published": "Đã công bố",
}


def progress_vi(summary: PlanResults) -> str:
    line = f"Đã kiểm phiếu {summary.counted}/{len(summary.rounds)} hội nghị."
    if summary.completion_date is None:
        return line + " Chưa đặt hạn hoàn thành."
    due = f"{summary.completion_date:%d/%m/%Y}"
    days = summary.days_left or 0
    if days >= 0:
        return line + f" Hạn hoàn thành {due}: còn {days} ngày."
    return line + f" Hạn hoàn thành {due}: đã quá {-days} ngày."


def _low(entry: BandEntry) -> str:
    return f"{entry.low['count']} ({entry.low['percent']}%)"


def render_plan_pdf(summary: PlanResults) -> bytes:
    data = {
        "number": summary.number,
        "title": summary.title,
        "today": f"{summary.today:%d/%m/%Y}",
        "progress": progress_vi(summary),
        "rounds": [
            [
                r.title,
                r.unit,
                f"{r.vote_date:%d/%m/%Y}",
                STATUS_VI.get(r.status, r.status),
                "—" if r.returned is None else str(r.returned),
                "—" if not r.counted else str(r.in_band.get("over_half_low", 0)),
                "—" if not r.counted else str(r.in_band.get("two_thirds_low", 0)),
            ]
            for r in summary.rounds
        ],
        "bands": [
            {
                "label": Band(band).label_vi,
                "entries": [
                    [
                        e.name,
                        e.round_title,
                        f"{e.low['count']} ({e.low['percent']}%)",
                        "Có" if e.review else "",
                    ]
                    for e in summary.bands.get(band, [])
                ],
            }
            for band in BANDS
        ],
    }
    return render_pdf(TEMPLATE, data)
