from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from ballots.levels import FillMethod, Rulebook

from ..models.organization import Gender
from .common import Orm, Strict


class PostIn(Strict):
    title: str = Field(min_length=2, max_length=200, examples=["Giám đốc Sở Tài chính"])
    unit_id: str = Field(description="The unit where the post is held.")
    filled_by: FillMethod = Field(examples=["appointed"])
    since: date = Field(examples=["2021-03-15"])
    ended_on: date | None = Field(default=None, examples=[None])


class PostPatch(Strict):
    title: str | None = Field(default=None, min_length=2, max_length=200, examples=["Phó Giám đốc Sở"])
    unit_id: str | None = None
    filled_by: FillMethod | None = Field(default=None, examples=["appointed"])
    since: date | None = Field(default=None, examples=["2021-03-15"])
    ended_on: date | None = Field(default=None, examples=["2026-01-31"])


class PostOut(Orm):
    id: str
    title: str
    unit_id: str
    unit_name: str
    filled_by: FillMethod
    rulebook: Rulebook = Field(description="The regulation the post is voted on under.")
    since: date
    ended_on: date | None


class CadreFields(Strict):
    date_of_birth: date | None = Field(default=None, examples=["1972-05-14"])
    gender: Gender | None = Field(default=None, examples=["male"])
    retirement_notice_date: date | None = Field(
        default=None, description="Date of the notice of retirement, if one is pending.", examples=[None]
    )
    standing_committee_unit_id: str | None = Field(
        default=None, description="The province or district whose Party standing committee the cadre sits on."
    )


class CadreIn(CadreFields):
    full_name: str = Field(min_length=2, max_length=200, examples=["Nguyễn Văn Hùng"])
    posts: list[PostIn] = Field(default_factory=list)


class CadrePatch(CadreFields):
    full_name: str | None = Field(default=None, min_length=2, max_length=200, examples=["Nguyễn Văn Hùng"])


class CadreOut(Orm):
    id: str
    full_name: str
    date_of_birth: date | None
    gender: Gender | None
    retirement_notice_date: date | None
    standing_committee_unit_id: str | None
    archived_at: datetime | None
    posts: list[PostOut]
