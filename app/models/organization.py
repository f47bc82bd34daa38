"""Units (agencies, localities) and the cadres who hold posts in them."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from ballots.levels import FillMethod, Rulebook, UnitLevel
from ballots.records import name_key

from .base import (
    Base,
    archived_column,
    created_column,
    id_column,
    keep_search_key,
    keep_sort_key,
    search_key_column,
    sort_key_column,
    str_enum,
    updated_column,
)


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"


class Unit(Base):
    __tablename__ = "units"
    __table_args__ = (
        # Names are unique among siblings as people read them (ballots.records.name_key). NULLs never
        # clash in a unique index, so top-level units need an index of their own.
        UniqueConstraint("parent_id", "name_key"),
        Index(
            "uq_units_top_level_name_key",
            "name_key",
            unique=True,
            sqlite_where=text("parent_id IS NULL"),
            postgresql_where=text("parent_id IS NULL"),
        ),
    )

    id: Mapped[str] = id_column()
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    name_key: Mapped[str] = mapped_column(Text, nullable=False)
    search_key: Mapped[str] = search_key_column("name")
    level: Mapped[UnitLevel] = mapped_column(str_enum(UnitLevel, "unit_level"), nullable=False)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), nullable=True, index=True)
    created_at: Mapped[datetime] = created_column()
    updated_at: Mapped[datetime] = updated_column()
    archived_at: Mapped[datetime | None] = archived_column()

    parent: Mapped[Unit | None] = relationship(remote_side="Unit.id")

    @validates("name")
    def _keep_name_key(self, _attribute: str, name: str) -> str:
        self.name_key = name_key(name)
        return name

    @property
    def locality(self) -> Unit:
        """The province or district the unit belongs to: its topmost ancestor at the same level."""
        current = self
        while current.parent is not None and current.parent.level is self.level:
            current = current.parent
        return current


class Cadre(Base):
    __tablename__ = "cadres"
    __table_args__ = (Index("ix_cadres_sort_key", "sort_key"),)

    id: Mapped[str] = id_column()
    full_name: Mapped[str] = mapped_column(String(200), nullable=False, index=True)
    sort_key: Mapped[str] = sort_key_column()
    search_key: Mapped[str] = search_key_column("full_name")
    date_of_birth: Mapped[date | None] = mapped_column(Date, nullable=True)
    gender: Mapped[Gender | None] = mapped_column(str_enum(Gender, "cadre_gender"), nullable=True)
    retirement_notice_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    # The locality whose Party standing committee (Ban Thường vụ) the cadre sits on, if any.
    standing_committee_unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), nullable=True)
    created_at: Mapped[datetime] = created_column()
    updated_at: Mapped[datetime] = updated_column()
    archived_at: Mapped[datetime | None] = archived_column()

    posts: Mapped[list[Post]] = relationship(
        back_populates="cadre", cascade="all, delete-orphan", order_by="Post.since"
    )
    standing_committee_unit: Mapped[Unit | None] = relationship()


keep_sort_key(Cadre.full_name)
keep_search_key(Cadre.full_name)
keep_search_key(Unit.name)


class Post(Base):
    __tablename__ = "posts"
    __table_args__ = (
        UniqueConstraint("cadre_id", "title", "unit_id"),
        CheckConstraint("ended_on IS NULL OR ended_on >= since", name="ended_after_since"),
    )

    id: Mapped[str] = id_column()
    cadre_id: Mapped[str] = mapped_column(
        ForeignKey("cadres.id", ondelete="CASCADE"), nullable=False, index=True
    )
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), nullable=False, index=True)
    filled_by: Mapped[FillMethod] = mapped_column(str_enum(FillMethod, "post_filled_by"), nullable=False)
    since: Mapped[date] = mapped_column(Date, nullable=False)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    cadre: Mapped[Cadre] = relationship(back_populates="posts")
    unit: Mapped[Unit] = relationship()

    @property
    def unit_name(self) -> str:
        return self.unit.name

    @property
    def rulebook(self) -> Rulebook:
        """The regulation the post is voted on under (regulation.md §1)."""
        return self.filled_by.rulebook
