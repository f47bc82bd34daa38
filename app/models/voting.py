"""The sealed box of a round: its keys, its code slips (credentials) and its sealed ballots.

Nothing here records a time, a sequence number or a reference from a ballot to anyone: the tables
are built so that the database itself cannot tell which slip cast which ballot (design.md,
"Anonymity, sealing and verification"). A ballot row is its random id, its round, the sealed bytes
and their receipt; a credential row is its round, a keyed hash of its code and its state.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, id_column, str_enum


class SealingMode(StrEnum):
    SERVER = "server"  # the private key is kept wrapped under the service secret
    COMMITTEE = "committee"  # the private key is split k-of-n among the counting committee


class CredentialState(StrEnum):
    UNUSED = "unused"
    ONLINE = "online"  # spent by a ballot cast online
    PAPER = "paper"  # spent by taking a paper ballot instead


class RoundKey(Base):
    """Made when a round opens; ``layout`` is the ballot's rows (cadre ids) frozen at that moment."""

    __tablename__ = "round_keys"
    __table_args__ = (
        CheckConstraint(
            "(mode = 'server' AND wrapped_private_key IS NOT NULL AND threshold IS NULL) OR "
            "(mode = 'committee' AND wrapped_private_key IS NULL AND threshold >= 1)",
            name="custody",
        ),
    )

    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), primary_key=True)
    mode: Mapped[SealingMode] = mapped_column(str_enum(SealingMode, "round_key_mode"), nullable=False)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False)
    wrapped_private_key: Mapped[bytes | None] = mapped_column(LargeBinary(64), nullable=True)
    threshold: Mapped[int | None] = mapped_column(Integer, nullable=True)
    layout: Mapped[list[str]] = mapped_column(JSON, nullable=False)


class Credential(Base):
    """A code slip: only the keyed hash of its code. ``receipt_box`` answers an identical retry: the
    receipt, encrypted under a key derived from the code itself (app/sealing/receipt_box.py)."""

    __tablename__ = "credentials"
    # Stored in digest order on SQLite, not in order of issue.
    __table_args__ = ({"sqlite_with_rowid": False},)

    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), primary_key=True)
    code_digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[CredentialState] = mapped_column(
        str_enum(CredentialState, "credential_state"), nullable=False, default=CredentialState.UNUSED
    )
    receipt_box: Mapped[bytes | None] = mapped_column(LargeBinary(128), nullable=True)


class Ballot(Base):
    """A sealed ballot: a random id, no time, no reference to a credential, voter or request."""

    __tablename__ = "ballots"
    # Stored by random id on SQLite (no rowid): a copy of the file shows no order of arrival.
    __table_args__ = (UniqueConstraint("round_id", "receipt"), {"sqlite_with_rowid": False})

    id: Mapped[str] = id_column()
    round_id: Mapped[str] = mapped_column(
        ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False, index=True
    )
    sealed: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    receipt: Mapped[str] = mapped_column(String(64), nullable=False)


class PaperIssue(Base):
    """How many paper ballots the committee handed out in a round (those exchanged for slips included)."""

    __tablename__ = "paper_issues"
    __table_args__ = (CheckConstraint("issued >= 0", name="issued_not_negative"),)

    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), primary_key=True)
    issued: Mapped[int] = mapped_column(Integer, nullable=False)


class PaperEntry(Base):
    """One operator's typing of returned paper ballot number ``number`` (pass 1 or 2).

    No time, no code, no voter: a paper ballot is anonymous, and its number is only its place in the
    stack being entered. ``entered_by`` is kept so that the two passes of one ballot are two people.
    ``rows`` maps each cadre id to ``{"marks": [...sorted...], "struck": bool}``.
    """

    __tablename__ = "paper_entries"
    __table_args__ = (
        CheckConstraint("number >= 1", name="number_positive"),
        CheckConstraint("pass_no IN (1, 2)", name="pass_one_or_two"),
        UniqueConstraint("round_id", "number", "entered_by"),  # two passes, two people
        {"sqlite_with_rowid": False},
    )

    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    pass_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    entered_by: Mapped[str] = mapped_column(ForeignKey("users.id"), nullable=False)
    stamped: Mapped[bool] = mapped_column(Boolean, nullable=False)
    rows: Mapped[dict[str, dict[str, Any]]] = mapped_column(JSON, nullable=False)
