"""Bodies of closing, key shares, counting, publishing, results and signing keys."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field

from .common import Int, Strict

RESULT_EXAMPLE: dict[str, Any] = {
    "round": {
        "id": "7d1c0a52-5a0e-4d8f-9b1c-2f3e4a5b6c7d",
        "title": "Hội nghị lấy phiếu tín nhiệm Sở Tài chính",
        "unit": "Sở Tài chính",
        "vote_date": "2027-09-20",
        "rulebook": "qd96",
    },
    "summoned": 60,
    "present": 58,
    "quorum_met": True,
    "ballots_issued": 58,
    "ballots_returned": 57,
    "candidates": [
        {
            "cadre_id": "0b6e2f8a-1d3c-4e5f-8a9b-7c6d5e4f3a2b",
            "name": "Nguyễn Văn Hùng",
            "posts": ["Giám đốc Sở Tài chính"],
            "valid": 56,
            "invalid": 1,
            "high": {"count": 30, "percent": "52.63"},
            "medium": {"count": 20, "percent": "35.09"},
            "low": {"count": 6, "percent": "10.53"},
            "band": "none",
            "review": False,
        }
    ],
    "signature": {"alg": "Ed25519", "key_id": "9f2c…", "value": "base64…"},
}


class CloseIn(Strict):
    present: Int = Field(ge=0, le=100_000, description="Present at the conference.", examples=[58])
    paper_issued: Int = Field(
        default=0, ge=0, le=10_000, description="Paper ballots handed out (those exchanged for slips too)."
    )
    unused_codes: list[str] | None = Field(
        default=None,
        max_length=10_000,
        description="The slips not handed out, by code: they become void. Or give 'unused_count'.",
    )
    unused_count: Int | None = Field(
        default=None, ge=0, le=100_000, description="How many slips were not handed out."
    )


class ClosingOut(BaseModel):
    round_id: str
    status: str = Field(examples=["closed"])
    summoned: int = Field(examples=[60])
    present: int = Field(examples=[58])
    quorum_met: bool
    paper_issued: int = Field(examples=[3])
    unused_slips: int = Field(examples=[2])
    ballots_issued: int = Field(examples=[58])


class SharesIn(Strict):
    words: str = Field(
        min_length=1,
        max_length=1000,
        description="One member's share: its 33 words, as written down when the round opened.",
        examples=["academic acid acrobat romp chubby ... (33 words)"],
    )


class ShareProgressOut(BaseModel):
    entered: int = Field(examples=[2])
    needed: int = Field(examples=[3])


class CountIn(Strict):
    override_reason: str | None = Field(
        default=None,
        max_length=2000,
        description="Needed when the quorum was not met (at least 10 characters); it goes into the minutes.",
        examples=["Thường trực Tỉnh ủy đồng ý cho kiểm phiếu dù thiếu 1 đại biểu"],
    )


class PublicKeyOut(BaseModel):
    key_id: str
    alg: str = "Ed25519"
    public_key: str = Field(description="The raw 32-byte public key, base64.")
    created_at: datetime
    retired_at: datetime | None


class KeysOut(BaseModel):
    keys: list[PublicKeyOut]


class PublicationOut(BaseModel):
    audience: str = Field(description="Whom the plan says the results are made known to.")
    published_at: datetime | None
    deadline: date | None = Field(description="The plan's last day to make them known.")


class ListedResultOut(BaseModel):
    round_id: str
    plan_id: str
    unit_id: str
    publication: PublicationOut
    results: dict[str, Any] = Field(description="The signed results document.", examples=[RESULT_EXAMPLE])


class ResultsPageOut(BaseModel):
    items: list[ListedResultOut]
    total: int
    limit: int
    offset: int
