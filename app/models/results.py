"""What counting leaves behind: the round's results document and the keys that sign results.

``RoundResult.document`` is the results JSON of design.md ("Contracts") without its signature;
``signature`` is stored beside it so the signed answer is rebuilt byte for byte at every read.
``inputs_digest`` is the SHA-256 over what the count read (the sealed ballots' receipts, the
accepted paper ballots, the closing figures), so a second count of the same inputs is a no-op.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UtcDateTime, created_column


class SigningKey(Base):
    """An Ed25519 key that signs results; retired keys stay listed so old results still verify."""

    __tablename__ = "signing_keys"

    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False)
    # The 32-byte seed, encrypted under the service secret (like a round's server-held key).
    wrapped_private_key: Mapped[bytes] = mapped_column(LargeBinary(64), nullable=False)
    created_at: Mapped[datetime] = created_column()
    retired_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)


class RoundResult(Base):
    __tablename__ = "round_results"

    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), primary_key=True)
    document: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    inputs_digest: Mapped[str] = mapped_column(String(64), nullable=False)
    key_id: Mapped[str] = mapped_column(ForeignKey("signing_keys.key_id"), nullable=False)
    signature: Mapped[str] = mapped_column(String(100), nullable=False)
    override_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    counted_at: Mapped[datetime] = created_column()
    published_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
