"""A cadre's nominations across every plan: where the cadre is proposed and with what verdict."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from ..models.plan import RoundStatus
from .common import Orm
from .rounds import ReasonOut

PlaceState = Literal["kept", "displaced", "excluded"]


class NominationOut(Orm):
    candidate_id: str
    plan_id: str
    plan_number: str = Field(examples=["96-KH/TU"])
    plan_title: str
    round_id: str
    round_title: str = Field(examples=["Hội nghị lấy phiếu tín nhiệm Sở Tài chính"])
    vote_date: date
    status: RoundStatus
    archived: bool = Field(description="An archived round holds no place.")
    eligible: bool
    reasons: list[ReasonOut]
    place: PlaceState = Field(
        description="kept: voted on here, one of the cadre's (at most two) places in the plan; displaced: "
        "refused here because the places went to other rounds (see kept_round_ids); excluded: refused "
        "for another reason.",
        examples=["kept"],
    )
    kept_round_ids: list[str] = Field(
        description="The rounds of this plan where the cadre holds a place, by vote date."
    )
