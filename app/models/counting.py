"""What closing and counting a round leave behind besides the results: the closing figures, and the
committee's key shares while they wait for the count.

A share is kept only between its entry and the count, encrypted under the service secret
(app/sealing/keystore.py), and deleted in the counting transaction: the private key it helps rebuild
exists only in memory during the count.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, Integer, LargeBinary, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UtcDateTime, created_column


class RoundClosing(Base):
    """The figures recorded when voting ends (regulation.md §6): who came, what was handed out."""

    __tablename__ = "round_closings"
    __table_args__ = (
        CheckConstraint("present >= 0 AND present <= summoned", name="present_within_summoned"),
        CheckConstraint("ballots_issued >= 0 AND unused_slips >= 0", name="figures_not_negative"),
    )

    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), primary_key=True)
    summoned: Mapped[int] = mapped_column(Integer, nullable=False)
    present: Mapped[int] = mapped_column(Integer, nullable=False)
    paper_issued: Mapped[int] = mapped_column(Integer, nullable=False)
    unused_slips: Mapped[int] = mapped_column(Integer, nullable=False)
    # Keyed hashes of the slips handed back by code: void, they may never vote (app/services/closing.py).
    voided: Mapped[list[str]] = mapped_column(JSON, nullable=False)
    ballots_issued: Mapped[int] = mapped_column(Integer, nullable=False)
    quorum_met: Mapped[bool] = mapped_column(Boolean, nullable=False)
    closed_at: Mapped[datetime] = created_column()


class KeyShareEntry(Base):
    """One committee member's share of a round's private key, as typed, until the count."""

    __tablename__ = "key_share_entries"
    # One share per account; the key (round, member index) makes a share typed twice one share.
    __table_args__ = (UniqueConstraint("round_id", "user_id"),)

    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), primary_key=True)
    member_index: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), nullable=False)
    wrapped_words: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    entered_at: Mapped[datetime] = mapped_column(UtcDateTime(), nullable=False)
