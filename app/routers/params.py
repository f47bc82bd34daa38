"""Query parameters shared by list endpoints."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from ..schemas.common import Day

Limit = Annotated[int, Query(ge=1, le=200, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="How many to skip.")]
IncludeArchived = Annotated[bool, Query(description="Also list archived entries.")]
Year = Annotated[int | None, Query(ge=1945, le=2200, description="A calendar year.")]
DayFilter = Annotated[Day | None, Query(description="A day written YYYY-MM-DD.")]
