from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from pydantic import Field

from ballots.levels import UnitLevel
from ballots.records import NAME_LENGTH

from .common import Orm, Patch, Strict


class UnitIn(Strict):
    name: str = Field(min_length=NAME_LENGTH[0], max_length=NAME_LENGTH[1], examples=["Sở Tài chính"])
    level: UnitLevel = Field(examples=["province"])
    parent_id: str | None = Field(default=None, description="The unit this one belongs to.")


class UnitPatch(Patch):
    NULLABLE: ClassVar[frozenset[str]] = frozenset({"parent_id"})

    name: str | None = Field(
        default=None, min_length=NAME_LENGTH[0], max_length=NAME_LENGTH[1], examples=["Sở Nội vụ"]
    )
    level: UnitLevel | None = Field(default=None, examples=["province"])
    parent_id: str | None = Field(default=None, description="Move the unit under another one.")


class UnitOut(Orm):
    id: str
    name: str
    level: UnitLevel
    parent_id: str | None
    archived_at: datetime | None
