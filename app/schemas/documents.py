"""Documents of a round's calendar. The request is a multipart form (see routers/documents.py)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from ballots.calendar import Milestone

from .common import Orm


class DocumentOut(Orm):
    id: str
    round_id: str
    cadre_id: str | None = Field(description="The cadre concerned; none for the round's dossier.")
    kind: Milestone = Field(examples=["report"])
    title: str = Field(examples=["Báo cáo tự kiểm điểm giữa nhiệm kỳ"])
    body: str
    submitted_by: str = Field(examples=["Nguyễn Văn Hùng"])
    submitted_at: datetime = Field(description="In UTC.", examples=["2027-05-20T02:00:00Z"])
    file_name: str | None = Field(examples=["bao-cao.pdf"])
    content_type: str | None = Field(examples=["application/pdf"])
    file_size: int | None = Field(description="In bytes.", examples=[48213])
    file_sha256: str | None
    deadline: date = Field(
        description="The milestone's deadline from the round's current vote date.", examples=["2027-05-26"]
    )
    on_time: bool = Field(description="Submitted (in Vietnam time) no later than the deadline day.")
    days_late: int = Field(description="Whole days after the deadline day; 0 when on time.", examples=[0])
