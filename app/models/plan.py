"""A campaign plan ("kế hoạch") and its rounds ("hội nghị lấy phiếu")."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from ballots.levels import PlaceKind, RoundKind, Rulebook
from ballots.records import name_key

from .base import (
    Base,
    archived_column,
    created_column,
    id_column,
    keep_sort_key,
    sort_key_column,
    str_enum,
    updated_column,
)
from .organization import Cadre, Unit
from .user import User
from .voting import SealingMode


class RoundStatus(StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    OPEN = "open"
    CLOSED = "closed"
    COUNTED = "counted"
    PUBLISHED = "published"


class Plan(Base):
    __tablename__ = "plans"
    __table_args__ = (
        CheckConstraint("term_end > term_start", name="term_order"),
        CheckConstraint("vote_year >= term_start AND vote_year <= term_end", name="vote_year_in_term"),
        CheckConstraint("publication_days >= 0", name="publication_days_positive"),
        CheckConstraint(
            "ballot_retention_years > 0 AND paper_retention_years > 0", name="retention_positive"
        ),
        # "96-KH/TU" and "96-kh/tu" are one number (ballots.records.name_key).
        UniqueConstraint("number_key"),
    )

    id: Mapped[str] = id_column()
    number: Mapped[str] = mapped_column(String(64), nullable=False)
    number_key: Mapped[str] = mapped_column(Text, nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    issuing_body: Mapped[str] = mapped_column(String(200), nullable=False)
    term_start: Mapped[int] = mapped_column(Integer, nullable=False)
    term_end: Mapped[int] = mapped_column(Integer, nullable=False)
    vote_year: Mapped[int] = mapped_column(Integer, nullable=False)
    completion_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    publication_audience: Mapped[str] = mapped_column(Text, default="", nullable=False)
    publication_days: Mapped[int] = mapped_column(Integer, default=15, nullable=False)
    ballot_retention_years: Mapped[int] = mapped_column(Integer, default=5, nullable=False)
    paper_retention_years: Mapped[int] = mapped_column(Integer, default=10, nullable=False)
    created_at: Mapped[datetime] = created_column()
    updated_at: Mapped[datetime] = updated_column()
    archived_at: Mapped[datetime | None] = archived_column()

    rounds: Mapped[list[Round]] = relationship(back_populates="plan", order_by="Round.vote_date")

    @validates("number")
    def _keep_number_key(self, _attribute: str, number: str) -> str:
        self.number_key = name_key(number)
        return number


class Round(Base):
    __tablename__ = "rounds"

    id: Mapped[str] = id_column()
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"), nullable=False, index=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), nullable=False, index=True)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    venue: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    vote_date: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    rulebook: Mapped[Rulebook] = mapped_column(str_enum(Rulebook, "round_rulebook"), nullable=False)
    place_kind: Mapped[PlaceKind] = mapped_column(str_enum(PlaceKind, "round_place_kind"), nullable=False)
    kind: Mapped[RoundKind] = mapped_column(
        str_enum(RoundKind, "round_kind"), default=RoundKind.CONFIDENCE, nullable=False
    )
    status: Mapped[RoundStatus] = mapped_column(
        str_enum(RoundStatus, "round_status"), default=RoundStatus.DRAFT, nullable=False
    )
    schedule_override_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Who keeps the round's private key once it opens (app/services/round_keys.py).
    sealing: Mapped[SealingMode] = mapped_column(
        str_enum(SealingMode, "round_sealing"), default=SealingMode.SERVER, nullable=False
    )
    sealing_threshold: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = created_column()
    updated_at: Mapped[datetime] = updated_column()
    archived_at: Mapped[datetime | None] = archived_column()

    plan: Mapped[Plan] = relationship(back_populates="rounds")
    unit: Mapped[Unit] = relationship()
    roster: Mapped[list[RosterEntry]] = relationship(
        back_populates="round", cascade="all, delete-orphan", order_by="RosterEntry.position"
    )
    candidates: Mapped[list[Candidate]] = relationship(
        back_populates="round", cascade="all, delete-orphan", order_by="Candidate.position"
    )
    committee: Mapped[list[CommitteeMember]] = relationship(
        back_populates="round", cascade="all, delete-orphan", order_by="CommitteeMember.position"
    )


class RosterEntry(Base):
    """A voter summoned to the round ("người được triệu tập")."""

    __tablename__ = "roster_entries"
    __table_args__ = (
        UniqueConstraint("round_id", "full_name", "contact"),
        # A page of a roster in name order is read straight off this index.
        Index("ix_roster_entries_round_id_sort_key", "round_id", "sort_key"),
    )

    id: Mapped[str] = id_column()
    round_id: Mapped[str] = mapped_column(
        ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    full_name: Mapped[str] = mapped_column(String(200), nullable=False)
    sort_key: Mapped[str] = sort_key_column()
    title: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    contact: Mapped[str] = mapped_column(String(200), default="", nullable=False)

    round: Mapped[Round] = relationship(back_populates="roster")


class Candidate(Base):
    """A cadre voted on in a round, with the eligibility verdict computed from ballots/."""

    __tablename__ = "candidates"
    __table_args__ = (UniqueConstraint("round_id", "cadre_id"),)

    id: Mapped[str] = id_column()
    round_id: Mapped[str] = mapped_column(
        ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False, index=True
    )
    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadres.id"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    post_ids: Mapped[list[str]] = mapped_column(JSON, nullable=False)
    eligible: Mapped[bool] = mapped_column(Boolean, nullable=False)
    reasons: Mapped[list[dict[str, object]]] = mapped_column(JSON, nullable=False)
    assessed_at: Mapped[datetime] = created_column()

    round: Mapped[Round] = relationship(back_populates="candidates")
    cadre: Mapped[Cadre] = relationship()


class CommitteeMember(Base):
    """A member of the round's counting committee ("ban kiểm phiếu")."""

    __tablename__ = "committee_members"
    __table_args__ = (
        UniqueConstraint("round_id", "full_name"),
        # One account per member within a round: the two passes of a paper ballot need two people.
        UniqueConstraint("round_id", "user_id"),
        Index("ix_committee_members_round_id_sort_key", "round_id", "sort_key"),
    )

    id: Mapped[str] = id_column()
    round_id: Mapped[str] = mapped_column(
        ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    full_name: Mapped[str] = mapped_column(String(200), nullable=False)
    sort_key: Mapped[str] = sort_key_column()
    role: Mapped[str] = mapped_column(String(100), default="Thành viên", nullable=False)
    cadre_id: Mapped[str | None] = mapped_column(ForeignKey("cadres.id"), nullable=True, index=True)
    # The member's account (role committee): it acts on this round's conference day and nowhere else.
    user_id: Mapped[str | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True
    )

    round: Mapped[Round] = relationship(back_populates="committee")
    user: Mapped[User | None] = relationship()

    @property
    def username(self) -> str | None:
        """The linked account's user name (the committee listing shows it)."""
        return self.user.username if self.user is not None else None


for _named in (RosterEntry, CommitteeMember):
    keep_sort_key(_named.full_name)
