"""Bodies of the rounds API: a round, its roster, candidates (with verdicts) and counting committee."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar, Self

from pydantic import Field, model_validator

from ballots.levels import PlaceKind, RoundKind, Rulebook

from ..models.plan import RoundStatus as RoundStatus  # the API's vocabulary, for routers too
from ..models.voting import SealingMode
from .common import Day, Int, Orm, Patch, Strict

ID_EXAMPLE = "3f1c2b9e-6d1a-4c55-9a0e-2f6f7f3b8a10"
OVERRIDE = Field(
    default=None,
    max_length=2000,
    description="Why the vote may be held less than 20 days ahead (at least 10 characters; read only "
    "when a vote date is set and it is that close).",
    examples=["Ban Thường vụ Tỉnh ủy quyết định tổ chức sớm để kịp tiến độ"],
)


def _sealing(default: SealingMode | None) -> Any:
    return Field(
        default=default,
        description="Who keeps the round's private key once voting opens: 'server' (wrapped under the "
        "service secret) or 'committee' (split among the counting committee; needs 'threshold').",
        examples=["server"],
    )


THRESHOLD = Field(
    default=None,
    ge=1,
    le=16,
    description="Committee sealing: how many committee members must meet to open the ballot box.",
    examples=[3],
)


def _id(description: str) -> Any:
    return Field(min_length=1, max_length=64, description=description, examples=[ID_EXAMPLE])


class RoundIn(Strict):
    plan_id: str = _id("The plan the round belongs to.")
    unit_id: str = _id("The unit whose conference votes (the venue unit).")
    title: str = Field(min_length=5, max_length=300, examples=["Hội nghị lấy phiếu tín nhiệm Sở Tài chính"])
    venue: str = Field(default="", max_length=300, examples=["Hội trường Sở Tài chính, tầng 3"])
    vote_date: Day = Field(description="Must lie in the plan's vote year.", examples=["2027-09-20"])
    rulebook: Rulebook = Field(examples=["qd96"])
    place_kind: PlaceKind | None = Field(
        default=None,
        description="Default: council for nq96, else workplace. An nq96 round is always a council session.",
        examples=["workplace"],
    )
    override_reason: str | None = OVERRIDE
    sealing: SealingMode = _sealing(SealingMode.SERVER)
    threshold: Int | None = THRESHOLD
    kind: RoundKind = Field(
        default=RoundKind.CONFIDENCE,
        description="'confidence' (high / medium / low), or 'follow_up': the nq96 two-level vote "
        "(trust / no trust) of a People's Council; follow_up needs rulebook nq96.",
    )


class RoundPatch(Patch):
    NULLABLE: ClassVar[frozenset[str]] = frozenset({"override_reason", "threshold"})

    title: str | None = Field(
        default=None, min_length=5, max_length=300, examples=["Hội nghị lấy phiếu (lần 1)"]
    )
    venue: str | None = Field(default=None, max_length=300, examples=["Hội trường tầng 2"])
    vote_date: Day | None = Field(default=None, examples=["2027-09-25"])
    unit_id: str | None = Field(default=None, min_length=1, max_length=64, examples=[ID_EXAMPLE])
    place_kind: PlaceKind | None = Field(default=None, examples=["workplace"])
    override_reason: str | None = OVERRIDE
    sealing: SealingMode | None = _sealing(None)
    threshold: Int | None = THRESHOLD


class StatusChange(Strict):
    status: RoundStatus = Field(
        description="draft → scheduled → open → closed → counted → published; scheduled → draft.",
        examples=["scheduled"],
    )
    override_reason: str | None = OVERRIDE


class RoundOut(Orm):
    id: str
    plan_id: str
    plan_number: str = Field(examples=["96-KH/TU"])
    unit_id: str
    unit_name: str = Field(examples=["Sở Tài chính"])
    title: str
    venue: str
    vote_date: date
    rulebook: Rulebook
    kind: RoundKind = RoundKind.CONFIDENCE
    place_kind: PlaceKind
    status: RoundStatus
    override_reason: str | None = Field(description="The written reason for a short notice.")
    sealing: SealingMode
    threshold: int | None = Field(description="Committee sealing: members needed to open the box.")
    archived_at: datetime | None
    roster_count: int
    candidate_count: int
    eligible_count: int
    committee_count: int
    deadlines: dict[str, date] = Field(
        description="D−20 report, D−15 dossier, D−10 clarification requests, D−3 answers.",
        examples=[
            {
                "report": "2027-08-31",
                "dossier": "2027-09-05",
                "clarification_request": "2027-09-10",
                "answers": "2027-09-17",
            }
        ],
    )
    next_statuses: list[RoundStatus]
    warnings: list[str] = Field(description="What is allowed but worth a second look.")


class RosterIn(Strict):
    full_name: str = Field(min_length=2, max_length=200, examples=["Lê Thị Mai"])
    title: str = Field(default="", max_length=200, examples=["Trưởng phòng Ngân sách"])
    contact: str = Field(default="", max_length=200, examples=["mai.lt@example.vn"])


class RosterBulk(Strict):
    entries: list[RosterIn] = Field(
        min_length=1,
        max_length=5000,
        examples=[[{"full_name": "Lê Thị Mai", "title": "Trưởng phòng"}, {"full_name": "Đỗ Văn Bình"}]],
    )


class RosterOut(Orm):
    id: str
    position: int
    full_name: str
    title: str
    contact: str


class CandidateIn(Strict):
    cadre_id: str = _id("The cadre to vote on.")
    post_ids: list[str] | None = Field(
        default=None,
        max_length=50,
        description="Posts voted on here; default: the cadre's posts this round's rulebook covers "
        "and that are held on the vote date.",
        examples=[[ID_EXAMPLE]],
    )


class PostRef(Orm):
    id: str
    title: str = Field(examples=["Giám đốc Sở"])


class ReasonOut(Orm):
    code: str = Field(examples=["filled_in_vote_year"])
    message: str
    message_vi: str
    post_id: str | None = Field(description="Set when only that post is excluded.")
    details: dict[str, Any]


class CandidateOut(Orm):
    id: str
    round_id: str
    cadre_id: str
    cadre_name: str = Field(examples=["Nguyễn Văn Hùng"])
    position: int
    posts: list[PostRef]
    eligible: bool
    reasons: list[ReasonOut] = Field(description="Why a post or the whole place is excluded.")


class Displaced(Orm):
    round_id: str
    round_title: str
    vote_date: date
    candidate_id: str
    reasons: list[ReasonOut]


class Displacement(Orm):
    """What accepting a proposal cost elsewhere: stated first, because the organizer must act on it."""

    warnings: list[str] = Field(
        default_factory=list,
        description="One sentence per candidacy this proposal displaced; empty when it displaced none.",
    )
    displaced: list[Displaced] = Field(
        description="Other rounds of the plan where this cadre lost a place because the regulation "
        "ranks this one higher (regulation §2); an equal or lower place is refused instead."
    )

    @model_validator(mode="after")
    def _state_each_displacement(self) -> Self:
        if not self.warnings:
            self.warnings = [
                f"displaced from '{d.round_title}' ({d.vote_date.isoformat()}): "
                + "; ".join(r.message for r in d.reasons)
                for d in self.displaced
            ]
        return self


# The displacement comes first in the body: bases' fields are laid out from the last base up.
class CandidateAdded(CandidateOut, Displacement):
    pass


class CommitteeIn(Strict):
    full_name: str = Field(min_length=2, max_length=200, examples=["Phạm Thị Lan"])
    role: str = Field(default="Thành viên", min_length=2, max_length=100, examples=["Trưởng ban"])
    cadre_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=64,
        description="When the member is a cadre in the system.",
        examples=[ID_EXAMPLE],
    )


class CommitteeOut(Orm):
    id: str
    position: int
    full_name: str
    role: str
    cadre_id: str | None
    user: str | None = Field(
        default=None,
        validation_alias="username",
        description="The member's account (role committee), if given one.",
        examples=["pham.thi.lan"],
    )
