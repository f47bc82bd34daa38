"""Bodies and answers of /cadres and their posts."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import Field

from ballots.levels import FillMethod, Rulebook
from ballots.records import NAME_LENGTH, TITLE_LENGTH

from ..models.organization import Gender
from .common import Day, Orm, Patch, Strict
from .plans import UtcTimestamp

UNIT_ID_EXAMPLE = "6f1c2a9e-3b7d-4e2a-9c1f-0d5e8b7a4c21"


class PostIn(Strict):
    title: str = Field(
        min_length=TITLE_LENGTH[0], max_length=TITLE_LENGTH[1], examples=["Giám đốc Sở Tài chính"]
    )
    unit_id: str = Field(
        min_length=1,
        max_length=64,
        description="The unit where the post is held.",
        examples=[UNIT_ID_EXAMPLE],
    )
    filled_by: FillMethod = Field(
        description="council_elected posts are voted on under nq96, all others under qd96.",
        examples=["appointed"],
    )
    since: Day = Field(description="Not in the future.", examples=["2021-03-15"])
    ended_on: Day | None = Field(default=None, description="On or after `since`.", examples=[None])


class PostPatch(Patch):
    NULLABLE: ClassVar[frozenset[str]] = frozenset({"ended_on"})

    title: str | None = Field(
        default=None, min_length=TITLE_LENGTH[0], max_length=TITLE_LENGTH[1], examples=["Phó Giám đốc Sở"]
    )
    unit_id: str | None = Field(default=None, min_length=1, max_length=64, examples=[UNIT_ID_EXAMPLE])
    filled_by: FillMethod | None = Field(default=None, examples=["appointed"])
    since: Day | None = Field(default=None, examples=["2021-03-15"])
    ended_on: Day | None = Field(default=None, examples=["2026-01-31"])


class PostOut(Orm):
    id: str
    title: str
    unit_id: str
    unit_name: str = Field(examples=["Sở Tài chính"])
    filled_by: FillMethod
    rulebook: Rulebook = Field(description="The regulation the post is voted on under.", examples=["qd96"])
    since: date
    ended_on: date | None


class CadreFields(Strict):
    date_of_birth: Day | None = Field(
        default=None, description="In the past; an age of 18 to 100.", examples=["1972-05-14"]
    )
    gender: Gender | None = Field(default=None, examples=["male"])
    retirement_notice_date: Day | None = Field(
        default=None,
        description="Date of the notice of retirement (đã có thông báo nghỉ công tác chờ nghỉ hưu), if any.",
        examples=[None],
    )
    standing_committee_unit_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=64,
        description="The province or district whose Party standing committee the cadre sits on.",
        examples=[UNIT_ID_EXAMPLE],
    )


class CadreIn(CadreFields):
    full_name: str = Field(min_length=NAME_LENGTH[0], max_length=NAME_LENGTH[1], examples=["Nguyễn Văn Hùng"])
    posts: list[PostIn] = Field(default_factory=list, max_length=50)


class CadrePatch(CadreFields, Patch):
    NULLABLE: ClassVar[frozenset[str]] = frozenset(CadreFields.model_fields)

    full_name: str | None = Field(
        default=None, min_length=NAME_LENGTH[0], max_length=NAME_LENGTH[1], examples=["Nguyễn Văn Hùng"]
    )


class CadreOut(Orm):
    id: str
    full_name: str
    date_of_birth: date | None
    gender: Gender | None
    retirement_notice_date: date | None
    standing_committee_unit_id: str | None
    archived_at: UtcTimestamp
    posts: list[PostOut]
