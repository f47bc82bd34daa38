"""The count minutes ("Biên bản kiểm phiếu") of one round as an A4 PDF made with typst.

Every figure comes from the stored results document (``ResultContext``), and the SHA-256 of that
document's canonical JSON is printed in the footer of every page, so a page torn out of the minutes
can still be matched to the signed JSON. The same input gives the same bytes (``timestamp=0``, no
system fonts: typst's own fonts cover Vietnamese).
"""

from __future__ import annotations

from datetime import UTC, timedelta, timezone
from importlib.resources import files
from typing import Any

from ballots.levels import Band, Rulebook

from .pdf import render_pdf
from .result_context import CONSEQUENCE_VI, REVIEW_VI, ResultContext, band_label, results_digest
from .result_table import summary

TEMPLATE = files("app.documents") / "templates" / "minutes.typ"
VIETNAM = timezone(timedelta(hours=7))
HEADINGS = {
    Rulebook.QD96: ("ĐẢNG CỘNG SẢN VIỆT NAM", ""),
    Rulebook.NQ96: ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
}
# Who signs when the committee was never entered: the chair's line, to be filled in by hand.
BLANK_SIGNER = {"full_name": "", "role": "Trưởng Ban kiểm phiếu"}


def _outcome(ctx: ResultContext, candidate: dict[str, Any]) -> str:
    if ctx.follow_up:
        return "Quá nửa không tín nhiệm" if candidate.get("no_confidence_majority") else "Không"
    text = band_label(candidate)
    return text + (" (cần xem xét lại)" if candidate.get("review") else "")


def _meanings(ctx: ResultContext) -> list[str]:
    lines = []
    for c in ctx.candidates:
        if ctx.follow_up:
            if c.get("no_confidence_majority"):
                lines.append(f"{c['name']}: quá nửa tổng số đại biểu HĐND bỏ phiếu không tín nhiệm.")
            continue
        band = Band(c["band"])
        if band is not Band.NONE:
            lines.append(f"{c['name']}: {band.label_vi}. {CONSEQUENCE_VI[band]}")
        if c.get("review"):
            lines.append(f"{c['name']}: {REVIEW_VI}")
    if not lines:
        lines.append("Không có trường hợp nào thuộc diện xem xét.")
    if not ctx.follow_up:
        lines += [
            f"{Band.OVER_HALF_LOW.label_vi}: {CONSEQUENCE_VI[Band.OVER_HALF_LOW]}",
            f"{Band.TWO_THIRDS_LOW.label_vi}: {CONSEQUENCE_VI[Band.TWO_THIRDS_LOW]}",
        ]
    return lines


def minutes_data(ctx: ResultContext) -> dict[str, Any]:
    """Everything the template prints, in its final words (also what the tests compare against)."""
    rulebook = Rulebook(ctx.round["rulebook"])
    counted = ctx.counted_at.replace(tzinfo=ctx.counted_at.tzinfo or UTC) if ctx.counted_at else None
    return {
        "title": str(ctx.round["title"]),
        "unit": str(ctx.round["unit"]),
        "heading": HEADINGS[rulebook],
        "rulebook": rulebook.label_vi,
        "vote_date": f"{ctx.vote_date:%d/%m/%Y}",
        "venue": ctx.venue.strip() or "địa điểm theo giấy triệu tập",
        "committee": [{"full_name": m.full_name, "role": m.role} for m in ctx.committee],
        "summary": [
            [label, value if isinstance(value, str) else str(value)] for label, value in summary(ctx)
        ],
        "override_reason": ctx.override_reason,
        "returned": ctx.document["ballots_returned"],
        "levels": [lv.label_vi for lv in ctx.levels],
        "rows": [
            {
                "number": i,
                "name": str(c["name"]),
                "posts": "; ".join(c.get("posts", [])),
                "levels": [c[lv.value] for lv in ctx.levels],
                "valid": c["valid"],
                "invalid": c["invalid"],
                "outcome": _outcome(ctx, dict(c)),
            }
            for i, c in enumerate(ctx.candidates, start=1)
        ],
        "meanings": _meanings(ctx),
        "counted_at": f"{counted.astimezone(VIETNAM):%H:%M ngày %d/%m/%Y}" if counted else "—",
        "signers": [{"full_name": m.full_name, "role": m.role} for m in ctx.committee] or [BLANK_SIGNER],
        "digest": results_digest(ctx.document),
    }


def render_minutes(ctx: ResultContext) -> bytes:
    return render_pdf(TEMPLATE, minutes_data(ctx))
