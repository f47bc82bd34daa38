"""Calendar documents of a round: reports, dossiers, clarification requests, answers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from ballots.calendar import Milestone

from .base import Base, UtcDateTime, created_column, id_column, str_enum
from .plan import Round


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[str] = id_column()
    round_id: Mapped[str] = mapped_column(
        ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False, index=True
    )
    cadre_id: Mapped[str | None] = mapped_column(ForeignKey("cadres.id"), nullable=True, index=True)
    kind: Mapped[Milestone] = mapped_column(str_enum(Milestone, "document_kind"), nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    body: Mapped[str] = mapped_column(Text, default="", nullable=False)
    submitted_by: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime(), nullable=False)
    file_name: Mapped[str | None] = mapped_column(String(255), nullable=True)
    content_type: Mapped[str | None] = mapped_column(String(100), nullable=True)
    file_size: Mapped[int | None] = mapped_column(Integer, nullable=True)
    file_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    file_data: Mapped[bytes | None] = deferred(mapped_column(LargeBinary, nullable=True))
    created_at: Mapped[datetime] = created_column()

    round: Mapped[Round] = relationship()
