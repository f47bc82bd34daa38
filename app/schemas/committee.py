"""Accounts of counting-committee members (app/routers/committee_accounts.py)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from .common import Strict


class CommitteeAccountIn(Strict):
    username: str | None = Field(
        default=None,
        min_length=2,
        max_length=64,
        description="Link this existing account of role committee; leave out to make a new account.",
        examples=["pham.thi.lan"],
    )


class CommitteeAccountOut(BaseModel):
    member_id: str
    username: str = Field(examples=["pham.thi.lan"])
    password: str | None = Field(
        description="The new account's password, shown this once (null when an account was linked).",
        examples=["Xk3v9QpLm2aT"],
    )
