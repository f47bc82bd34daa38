from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import Field

from ballots.levels import PlaceKind, Rulebook

from ..models.plan import RoundStatus
from .common import Orm, Strict

OVERRIDE = Field(
    default=None,
    max_length=2000,
    description="Why the vote may be held less than 20 days ahead (needed only then).",
    examples=["Ban Thường vụ Tỉnh ủy quyết định tổ chức sớm để kịp tiến độ"],
)


class RoundIn(Strict):
    plan_id: str
    unit_id: str = Field(description="The unit whose conference votes (the venue unit).")
    title: str = Field(min_length=5, max_length=300, examples=["Hội nghị lấy phiếu tín nhiệm Sở Tài chính"])
    venue: str = Field(default="", max_length=300, examples=["Hội trường Sở Tài chính, tầng 3"])
    vote_date: date = Field(examples=["2027-09-20"])
    rulebook: Rulebook = Field(examples=["qd96"])
    place_kind: PlaceKind | None = Field(
        default=None, description="Default: council for nq96, else workplace."
    )
    override_reason: str | None = OVERRIDE


class RoundPatch(Strict):
    title: str | None = Field(
        default=None, min_length=5, max_length=300, examples=["Hội nghị lấy phiếu (lần 1)"]
    )
    venue: str | None = Field(default=None, max_length=300, examples=["Hội trường tầng 2"])
    vote_date: date | None = Field(default=None, examples=["2027-09-25"])
    unit_id: str | None = None
    place_kind: PlaceKind | None = Field(default=None, examples=["workplace"])
    override_reason: str | None = OVERRIDE


class StatusChange(Strict):
    status: RoundStatus = Field(examples=["scheduled"])
    override_reason: str | None = OVERRIDE


class RoundOut(Orm):
    id: str
    plan_id: str
    plan_number: str
    unit_id: str
    unit_name: str
    title: str
    venue: str
    vote_date: date
    rulebook: Rulebook
    place_kind: PlaceKind
    status: RoundStatus
    schedule_override_reason: str | None
    archived_at: datetime | None
    roster_count: int
    candidate_count: int
    eligible_count: int
    committee_count: int
    deadlines: dict[str, date] = Field(description="D−20 report, D−15 dossier, D−10 requests, D−3 answers.")
    next_statuses: list[RoundStatus]
    warnings: list[str]


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
    cadre_id: str = Field(examples=["3f1c2b9e-6d1a-4c55-9a0e-2f6f7f3b8a10"])
    post_ids: list[str] | None = Field(
        default=None,
        description="Posts voted on here; default: the cadre's posts this round's rulebook covers.",
    )


class PostRef(Strict):
    id: str
    title: str


class CandidateOut(Strict):
    id: str
    round_id: str
    cadre_id: str
    cadre_name: str
    position: int
    posts: list[PostRef]
    eligible: bool
    reasons: list[dict[str, Any]]


class Displaced(Strict):
    round_id: str
    round_title: str
    reasons: list[dict[str, Any]]


class CandidateAdded(CandidateOut):
    displaced: list[Displaced] = Field(description="Other rounds where this cadre lost a place as a result.")


class CommitteeIn(Strict):
    full_name: str = Field(min_length=2, max_length=200, examples=["Phạm Thị Lan"])
    role: str = Field(default="Thành viên", max_length=100, examples=["Trưởng ban"])
    cadre_id: str | None = Field(default=None, description="When the member is a cadre in the system.")


class CommitteeOut(Orm):
    id: str
    position: int
    full_name: str
    role: str
    cadre_id: str | None
