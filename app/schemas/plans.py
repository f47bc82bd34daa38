"""Bodies and answers of /plans."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import Any

from pydantic import Field, field_validator

from .common import Orm, Strict


class ComposedText(Strict):
    """Vietnamese text stored in composed (NFC) form, as a Vietnamese keyboard types it.

    Some input methods send "ệ" as "e" plus two combining marks; stored that way it would not match
    searches, the duplicate-number check or the printed documents.
    """

    @field_validator("*")
    @classmethod
    def _composed(cls, value: Any) -> Any:
        return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


# Stored moments come back in UTC on every database (models.base.UtcDateTime).
UtcTimestamp = datetime | None


class PlanFields(ComposedText):
    title: str = Field(
        min_length=5, max_length=300, examples=["Kế hoạch lấy phiếu tín nhiệm giữa nhiệm kỳ 2020-2025"]
    )
    issuing_body: str = Field(min_length=3, max_length=200, examples=["Ban Thường vụ Tỉnh ủy Bắc Giang"])
    term_start: int = Field(ge=1945, le=2200, examples=[2020])
    term_end: int = Field(ge=1945, le=2200, examples=[2025])
    vote_year: int = Field(ge=1945, le=2200, examples=[2023])
    completion_date: date | None = Field(default=None, examples=["2023-09-30"])
    publication_audience: str = Field(
        default="", max_length=2000, examples=["Cấp ủy, tập thể lãnh đạo cơ quan và người được lấy phiếu"]
    )
    publication_days: int = Field(default=15, ge=0, le=365, examples=[15])
    ballot_retention_years: int = Field(default=5, ge=1, le=100, examples=[5])
    paper_retention_years: int = Field(default=10, ge=1, le=100, examples=[10])


class PlanIn(PlanFields):
    number: str = Field(min_length=1, max_length=64, examples=["96-KH/TU"])


class PlanPatch(ComposedText):
    number: str | None = Field(default=None, min_length=1, max_length=64, examples=["96-KH/TU"])
    title: str | None = Field(
        default=None, min_length=5, max_length=300, examples=["Kế hoạch lấy phiếu tín nhiệm năm 2023"]
    )
    issuing_body: str | None = Field(
        default=None, min_length=3, max_length=200, examples=["Ban Thường vụ Tỉnh ủy Bắc Giang"]
    )
    term_start: int | None = Field(default=None, ge=1945, le=2200, examples=[2020])
    term_end: int | None = Field(default=None, ge=1945, le=2200, examples=[2025])
    vote_year: int | None = Field(default=None, ge=1945, le=2200, examples=[2023])
    completion_date: date | None = Field(default=None, examples=["2023-09-30"])
    publication_audience: str | None = Field(
        default=None, max_length=2000, examples=["Cấp ủy, tập thể lãnh đạo cơ quan và người được lấy phiếu"]
    )
    publication_days: int | None = Field(default=None, ge=0, le=365, examples=[30])
    ballot_retention_years: int | None = Field(default=None, ge=1, le=100, examples=[5])
    paper_retention_years: int | None = Field(default=None, ge=1, le=100, examples=[10])


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
