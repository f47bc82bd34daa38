from __future__ import annotations

from datetime import datetime

from pydantic import Field

from ballots.levels import UnitLevel

from .common import Orm, Strict


class UnitIn(Strict):
    name: str = Field(min_length=2, max_length=200, examples=["Sở Tài chính"])
    level: UnitLevel = Field(examples=["province"])
    parent_id: str | None = Field(default=None, description="The unit this one belongs to.")


class UnitPatch(Strict):
    name: str | None = Field(default=None, min_length=2, max_length=200, examples=["Sở Nội vụ"])
    level: UnitLevel | None = Field(default=None, examples=["province"])
    parent_id: str | None = Field(default=None, description="Move the unit under another one.")


class UnitOut(Orm):
    id: str
    name: str
    level: UnitLevel
    parent_id: str | None
    archived_at: datetime | None
