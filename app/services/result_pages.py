"""What the results page shows: per cadre a stacked bar (levels, then invalid rows) and the band's
consequence, the quorum line, and the digest. The bar's geometry is computed here, on the server,
as fractions of the ballots returned, so the page needs no script and no inline style (SVG
presentation attributes only, which the page's Content-Security-Policy allows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ballots.levels import Band
from ballots.tally import percent

from ..documents.result_context import (
    CONSEQUENCE_VI,
    NO_CONFIDENCE_MAJORITY_VI,
    REVIEW_VI,
    ResultContext,
    band_label,
)
from .results import context

# Colours of the bar's parts; the legend and each row's figures repeat them in words.
COLOURS = {
    "high": "#1b5e2f",
    "medium": "#4f86c6",
    "low": "#a4161a",
    "trust": "#1b5e2f",
    "no_trust": "#a4161a",
    "invalid": "#8a8a8a",
}
BAR_WIDTH = 1000  # viewBox units; each part's width is its share of the ballots returned


@dataclass(frozen=True)
class Segment:
    key: str
    label: str
    count: int
    percent: str
    x: float
    width: float
    colour: str


@dataclass(frozen=True)
class CadreBar:
    name: str
    posts: str
    segments: list[Segment]
    valid: int
    invalid: int
    band: str  # "none", "over_half_low", "two_thirds_low", or "majority" / "no_majority" (follow-up)
    band_label: str
    consequence: str
    review: str  # the note at exactly 2/3, or ""

    @property
    def description(self) -> str:
        parts = ", ".join(f"{s.label}: {s.count} ({s.percent}%)" for s in self.segments)
        return f"{self.name} — {parts}"


@dataclass(frozen=True)
class ResultsPage:
    round_id: str
    title: str
    unit: str
    vote_date: date
    rulebook: str
    venue: str
    summoned: int
    present: int
    quorum_met: bool
    issued: int
    returned: int
    override_reason: str | None
    follow_up: bool
    deputies: int | None
    bars: list[CadreBar]
    digest: str
    legend: list[tuple[str, str]]  # (label, colour)


def _segments(ctx: ResultContext, candidate: dict[str, Any], returned: int) -> list[Segment]:
    parts = [
        (lv.value, lv.label_vi, candidate[lv.value]["count"], candidate[lv.value]["percent"])
        for lv in ctx.levels
    ]
    invalid = int(candidate["invalid"])
    parts.append(("invalid", "Không hợp lệ", invalid, percent(invalid, returned)))
    segments, x = [], 0.0
    for key, label, count, share in parts:
        width = BAR_WIDTH * int(count) / returned if returned else 0.0
        segments.append(
            Segment(key, label, int(count), str(share), round(x, 3), round(width, 3), COLOURS[key])
        )
        x += width
    return segments


def _bar(ctx: ResultContext, candidate: dict[str, Any], returned: int) -> CadreBar:
    if ctx.follow_up:
        majority = bool(candidate.get("no_confidence_majority"))
        band, consequence = ("majority", NO_CONFIDENCE_MAJORITY_VI) if majority else ("no_majority", "")
    else:
        band = str(candidate["band"])
        consequence = CONSEQUENCE_VI[Band(band)] if band != Band.NONE else ""
    return CadreBar(
        name=str(candidate["name"]),
        posts="; ".join(candidate.get("posts", [])),
        segments=_segments(ctx, candidate, returned),
        valid=int(candidate["valid"]),
        invalid=int(candidate["invalid"]),
        band=band,
        band_label=band_label(candidate),
        consequence=consequence,
        review=REVIEW_VI if candidate.get("review") else "",
    )


def results_page(session: Session, round_id: str) -> ResultsPage:
    ctx = context(session, round_id)
    d = ctx.document
    returned = int(d["ballots_returned"])
    legend = [(lv.label_vi, COLOURS[lv.value]) for lv in ctx.levels] + [("Không hợp lệ", COLOURS["invalid"])]
    return ResultsPage(
        round_id=round_id,
        title=str(ctx.round["title"]),
        unit=str(ctx.round["unit"]),
        vote_date=ctx.vote_date,
        rulebook=ctx.rulebook_vi,
        venue=ctx.venue,
        summoned=int(d["summoned"]),
        present=int(d["present"]),
        quorum_met=bool(d["quorum_met"]),
        issued=int(d["ballots_issued"]),
        returned=returned,
        override_reason=ctx.override_reason,
        follow_up=ctx.follow_up,
        deputies=int(d["deputies"]) if ctx.follow_up else None,
        bars=[_bar(ctx, dict(c), returned) for c in ctx.candidates],
        digest=ctx.digest,
        legend=legend,
    )
