"""The vocabulary of a confidence vote: rulebooks, ballot levels, result bands (regulation.md §1, §5, §7)."""

from __future__ import annotations

from enum import StrEnum


class Rulebook(StrEnum):
    """Which regulation governs a round (regulation.md §1)."""

    QD96 = "qd96"  # Quy định 96-QĐ/TW: every post not elected by a People's Council
    NQ96 = "nq96"  # Nghị quyết 96/2023/QH15: posts elected or approved by a People's Council

    @property
    def label_vi(self) -> str:
        return _RULEBOOK_LABELS[self]


_RULEBOOK_LABELS = {
    Rulebook.QD96: "Quy định 96-QĐ/TW",
    Rulebook.NQ96: "Nghị quyết 96/2023/QH15",
}


class Level(StrEnum):
    """The three boxes of a confidence ballot, in the order printed."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def label_vi(self) -> str:
        return _LEVEL_LABELS[self]


_LEVEL_LABELS = {
    Level.HIGH: "Tín nhiệm cao",
    Level.MEDIUM: "Tín nhiệm",
    Level.LOW: "Tín nhiệm thấp",
}


class FollowUpLevel(StrEnum):
    """The two boxes of the ``nq96`` follow-up ballot ("bỏ phiếu tín nhiệm")."""

    TRUST = "trust"
    NO_TRUST = "no_trust"

    @property
    def label_vi(self) -> str:
        return "Tín nhiệm" if self is FollowUpLevel.TRUST else "Không tín nhiệm"


class RoundKind(StrEnum):
    """What a round votes on: the regular confidence vote, or the ``nq96`` follow-up vote."""

    CONFIDENCE = "confidence"  # three levels: high, medium, low confidence
    FOLLOW_UP = "follow_up"  # two levels: trust, no trust (Nghị quyết 96/2023/QH15, Article 13)


class Band(StrEnum):
    """What a result means (regulation.md §7)."""

    NONE = "none"
    OVER_HALF_LOW = "over_half_low"
    TWO_THIRDS_LOW = "two_thirds_low"

    @property
    def label_vi(self) -> str:
        return _BAND_LABELS[self]


_BAND_LABELS = {
    Band.NONE: "Không thuộc diện xem xét",
    Band.OVER_HALF_LOW: "Trên 1/2 đến dưới 2/3 phiếu tín nhiệm thấp",
    Band.TWO_THIRDS_LOW: "Từ 2/3 trở lên phiếu tín nhiệm thấp",
}


class FillMethod(StrEnum):
    """How a post was filled; decides the rulebook and the place priority."""

    COUNCIL_ELECTED = "council_elected"  # elected or approved by a People's Council (HĐND)
    PARTY_ELECTED = "party_elected"  # elected by a Party committee or congress
    APPOINTED = "appointed"

    @property
    def rulebook(self) -> Rulebook:
        return Rulebook.NQ96 if self is FillMethod.COUNCIL_ELECTED else Rulebook.QD96


class UnitLevel(StrEnum):
    PROVINCE = "province"
    DISTRICT = "district"

    @property
    def rank(self) -> int:
        """Lower is higher in the hierarchy."""
        return 0 if self is UnitLevel.PROVINCE else 1


class PlaceKind(StrEnum):
    """Where a round takes place, in the priority order of regulation.md §2."""

    PARTY_COMMITTEE = "party_committee"  # a Party committee's conference (its standing committee)
    COUNCIL = "council"  # a People's Council session
    WORKPLACE = "workplace"  # the unit where the cadre works and holds Party membership
