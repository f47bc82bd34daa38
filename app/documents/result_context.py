"""What every rendering of a round's results reads: the stored results document and its round's context.

The document is the results JSON of design.md ("Contracts") without its signature, exactly as the
count stored it; the renderers take their figures from it and nothing else, so a spreadsheet, the
minutes and the page can never disagree with the signed JSON. The ``digest`` printed on every page
of the minutes is the SHA-256 of the document's canonical JSON: anyone holding the signed JSON can
recompute it and see that the paper and the JSON are the same result.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ballots.levels import Band, FollowUpLevel, Level, Rulebook
from ballots.signing import canonical_json

CONFIDENCE_LEVELS = tuple(Level)
FOLLOW_UP_LEVELS = tuple(FollowUpLevel)
# What each band means (regulation.md §7), as the minutes and the page say it.
CONSEQUENCE_VI = {
    Band.NONE: "Không thuộc diện xem xét.",
    Band.OVER_HALF_LOW: (
        "Không quy hoạch lên chức vụ cao hơn; xem xét cho thôi giữ chức vụ, bố trí công tác khác, "
        "từ chức hoặc bỏ phiếu tín nhiệm (HĐND: có thể từ chức, nếu không thì bỏ phiếu tín nhiệm)."
    ),
    Band.TWO_THIRDS_LOW: "Cho thôi giữ chức vụ, bố trí công tác thấp hơn, không chờ hết nhiệm kỳ.",
}
REVIEW_VI = (
    "Đúng 2/3 số phiếu tín nhiệm thấp: Quy định 41 ghi “trên 2/3” khi cho thôi giữ chức vụ, "
    "nên kết quả này cần được xem xét lại."
)
NO_CONFIDENCE_MAJORITY_VI = "Quá nửa tổng số đại biểu HĐND bỏ phiếu không tín nhiệm."


@dataclass(frozen=True)
class CommitteeLine:
    full_name: str
    role: str


@dataclass(frozen=True)
class ResultContext:
    document: Mapping[str, Any]
    venue: str = ""
    committee: Sequence[CommitteeLine] = field(default_factory=tuple)
    override_reason: str | None = None
    counted_at: datetime | None = None
    published_at: datetime | None = None

    @property
    def digest(self) -> str:
        return results_digest(self.document)

    @property
    def round(self) -> Mapping[str, Any]:
        value: Mapping[str, Any] = self.document["round"]
        return value

    @property
    def follow_up(self) -> bool:
        return bool(self.round.get("kind") == "follow_up")

    @property
    def levels(self) -> tuple[Level, ...] | tuple[FollowUpLevel, ...]:
        return FOLLOW_UP_LEVELS if self.follow_up else CONFIDENCE_LEVELS

    @property
    def candidates(self) -> Sequence[Mapping[str, Any]]:
        value: Sequence[Mapping[str, Any]] = self.document["candidates"]
        return value

    @property
    def vote_date(self) -> date:
        return date.fromisoformat(str(self.round["vote_date"]))

    @property
    def rulebook_vi(self) -> str:
        return Rulebook(self.round["rulebook"]).label_vi


def results_digest(document: Mapping[str, Any]) -> str:
    """SHA-256 hex of the canonical JSON of the results (the signature left out)."""
    return hashlib.sha256(canonical_json(document)).hexdigest()


def band_label(candidate: Mapping[str, Any]) -> str:
    """The band as words; a follow-up vote has no band, only the NQ 96 majority test."""
    if "band" in candidate:
        return Band(candidate["band"]).label_vi
    return NO_CONFIDENCE_MAJORITY_VI if candidate.get("no_confidence_majority") else "Không"
