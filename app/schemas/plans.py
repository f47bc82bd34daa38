"""Bodies and answers of /plans."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from .common import Day, Int, Orm, Patch, Strict

# Stored moments come back in UTC on every database (models.base.UtcDateTime).
UtcTimestamp = datetime | None


class PlanFields(Strict):
    title: str = Field(
        min_length=5, max_length=300, examples=["Kế hoạch lấy phiếu tín nhiệm giữa nhiệm kỳ 2020-2025"]
    )
    issuing_body: str = Field(min_length=3, max_length=200, examples=["Ban Thường vụ Tỉnh ủy Bắc Giang"])
    term_start: Int = Field(ge=1945, le=2200, examples=[2020])
    term_end: Int = Field(ge=1945, le=2200, examples=[2025])
    vote_year: Int = Field(ge=1945, le=2200, examples=[2023])
    completion_date: Day | None = Field(default=None, examples=["2023-09-30"])
    publication_audience: str = Field(
        default="", max_length=2000, examples=["Cấp ủy, tập thể lãnh đạo cơ quan và người được lấy phiếu"]
    )
    publication_days: Int = Field(default=15, ge=0, le=365, examples=[15])
    ballot_retention_years: Int = Field(default=5, ge=1, le=100, examples=[5])
    paper_retention_years: Int = Field(default=10, ge=1, le=100, examples=[10])


class PlanIn(PlanFields):
    number: str = Field(min_length=1, max_length=64, examples=["96-KH/TU"])


class PlanPatch(Patch):
    NULLABLE: ClassVar[frozenset[str]] = frozenset({"completion_date"})

    number: str | None = Field(default=None, min_length=1, max_length=64, examples=["96-KH/TU"])
    title: str | None = Field(
        default=None, min_length=5, max_length=300, examples=["Kế hoạch lấy phiếu tín nhiệm năm 2023"]
    )
    issuing_body: str | None = Field(
        default=None, min_length=3, max_length=200, examples=["Ban Thường vụ Tỉnh ủy Bắc Giang"]
    )
    term_start: Int | None = Field(default=None, ge=1945, le=2200, examples=[2020])
    term_end: Int | None = Field(default=None, ge=1945, le=2200, examples=[2025])
    vote_year: Int | None = Field(default=None, ge=1945, le=2200, examples=[2023])
    completion_date: Day | None = Field(default=None, examples=["2023-09-30"])
    publication_audience: str | None = Field(
        default=None, max_length=2000, examples=["Cấp ủy, tập thể lãnh đạo cơ quan và người được lấy phiếu"]
    )
    publication_days: Int | None = Field(default=None, ge=0, le=365, examples=[30])
    ballot_retention_years: Int | None = Field(default=None, ge=1, le=100, examples=[5])
    paper_retention_years: Int | None = Field(default=None, ge=1, le=100, examples=[10])


class PlanOut(Orm):
    id: str
    number: str
    title: str
    issuing_body: str
    term_start: int
    term_end: int
    vote_year: int
    completion_date: date | None
    publication_audience: str
    publication_days: int
    ballot_retention_years: int
    paper_retention_years: int
    archived_at: UtcTimestamp


class PlanDetail(PlanOut):
    round_count: int = Field(description="Rounds in the plan, archived ones included.", examples=[6])
    warnings: list[str] = Field(description="Things worth a second look that the rules do not forbid.")
