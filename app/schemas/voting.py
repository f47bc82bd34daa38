"""Bodies of the voting API: slips, the ballot, casting, turnout, the board, paper slips, key shares."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from ballots.calendar import Milestone
from ballots.levels import FollowUpLevel, Level

from .common import Flag, Int, Strict
from .rounds import RoundOut

CODE_EXAMPLE = "K7QF-2M9X-RT4B-8HNW-Q"
RECEIPT_EXAMPLE = "3b5d5c3712955042212316173ccf37be8ae2a8a1b1d6b1d9b2f4f1b6c0b7a3e1"
CADRE_EXAMPLE = "0b6e2f8a-1d3c-4e5f-8a9b-7c6d5e4f3a2b"
MAX_SLIPS = 10_000


class SlipsIn(Strict):
    count: Int | None = Field(
        default=None,
        ge=1,
        le=MAX_SLIPS,
        description="How many slips; default one per summoned voter. Spares are allowed.",
        examples=[60],
    )


class SlipsOut(BaseModel):
    count: int = Field(examples=[2])
    codes: list[str] = Field(
        description="Shown this once: the service keeps only a keyed hash of each code.",
        examples=[[CODE_EXAMPLE, "ZX4M-7PQR-9TVW-2BCD-6"]],
    )


class BallotDocumentOut(BaseModel):
    id: str = Field(examples=[CADRE_EXAMPLE])
    kind: Milestone = Field(examples=["report"])
    title: str = Field(examples=["Bản tự kiểm điểm năm 2027"])
    url: str = Field(
        description="Where a voter downloads it, without a token, while the round is open.",
        examples=["/bo-phieu/3f0c.../tai-lieu/8a1b..."],
    )


class BallotRowOut(BaseModel):
    cadre_id: str = Field(examples=[CADRE_EXAMPLE])
    name: str = Field(examples=["Nguyễn Văn Hùng"])
    posts: list[str] = Field(examples=[["Giám đốc Sở Tài chính"]])
    documents: list[BallotDocumentOut] = Field(
        default_factory=list,
        description="What the voters may read about this cadre: report, dossier, clarification "
        "requests and answers, oldest first.",
    )


class LevelOut(BaseModel):
    value: Level | FollowUpLevel = Field(examples=["high"])
    label_vi: str = Field(examples=["Tín nhiệm cao"])


class BallotOut(BaseModel):
    round_id: str
    title: str = Field(examples=["Hội nghị lấy phiếu tín nhiệm Sở Tài chính"])
    vote_date: date
    rows: list[BallotRowOut] = Field(description="One per cadre, in the order of the ballot.")
    levels: list[LevelOut] = Field(
        description="The choices of each row, in the order printed: high, medium, low; or, on an nq96 "
        "follow-up ballot, trust and no_trust."
    )


class CastIn(Strict):
    code: str = Field(min_length=1, max_length=64, examples=[CODE_EXAMPLE])
    choices: dict[str, Level | FollowUpLevel | None] = Field(
        max_length=500,
        description="Every row of the ballot by cadre id: 'high', 'medium', 'low' (a follow-up "
        "ballot: 'trust', 'no_trust'), or null for a blank row (counted as invalid for that cadre).",
        examples=[{CADRE_EXAMPLE: "high", "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d": None}],
    )


class ReceiptOut(BaseModel):
    receipt: str = Field(
        description="The SHA-256 of the sealed ballot: find it on the round's board.",
        examples=[RECEIPT_EXAMPLE],
    )


class TurnoutOut(BaseModel):
    issued: int = Field(description="Code slips issued.", examples=[60])
    returned: int = Field(description="Ballots in the sealed box.", examples=[41])


class BoardOut(BaseModel):
    receipts: list[str] = Field(description="Every receipt, sorted.", examples=[[RECEIPT_EXAMPLE]])
    digest: str = Field(description="SHA-256 over the sorted receipts (ballots.sealing.board_digest).")


class PaperSlipIn(Strict):
    code: str = Field(min_length=1, max_length=64, examples=[CODE_EXAMPLE])


class PaperSlipOut(BaseModel):
    state: str = Field(description="Always 'paper': the slip is spent and no longer works online.")


class KeyShareOut(BaseModel):
    member_id: str
    full_name: str = Field(examples=["Phạm Thị Lan"])
    position: int
    words: str = Field(description="The member's SLIP-39 share: 33 words to write down.")


class StatusChanged(RoundOut):
    key_shares: list[KeyShareOut] = Field(
        default_factory=list,
        description="Only in the answer that opens a round with committee sealing: each member's share "
        "of the private key, shown this once (the service keeps no copy). Empty otherwise.",
    )


class PaperIssuedIn(Strict):
    count: Int = Field(
        ge=0,
        le=MAX_SLIPS,
        description="Paper ballots handed out in all, those exchanged for slips included.",
        examples=[60],
    )


class PaperIssuedOut(BaseModel):
    issued: int = Field(examples=[60])


class PaperRowIn(Strict):
    marks: list[str] = Field(
        max_length=3,
        description="The boxes marked on the row: none, one or several of 'high', 'medium', 'low'.",
        examples=[["high"]],
    )
    struck: Flag = Field(default=False, description="Whether the printed name was struck out.")


class PaperEntryIn(Strict):
    pass_: Int = Field(alias="pass", ge=1, le=2, description="1 or 2: the two entries of one ballot.")
    number: Int = Field(ge=1, le=MAX_SLIPS, description="The ballot's place in the stack, 1..issued.")
    stamped: Flag = Field(description="Whether the ballot bears the committee's stamp.")
    rows: dict[str, PaperRowIn] = Field(
        max_length=500,
        description="By cadre id; a row left out is a row with no box marked and the name intact.",
        examples=[{CADRE_EXAMPLE: {"marks": ["high"], "struck": False}}],
    )


class PaperEntryOut(BaseModel):
    number: int
    pass_: int = Field(serialization_alias="pass")
    status: str = Field(
        description="'accepted' (both entries agree), 'disagreement' (they differ) or 'waiting' (the "
        "other pass is not typed yet).",
        examples=["accepted"],
    )
    stamp_differs: bool
    rows: list[str] = Field(description="Cadre ids of the rows where the two entries differ.")


class DisagreementOut(BaseModel):
    number: int
    passes: list[int] = Field(description="The passes typed so far: [1], [2] or [1, 2].")
    stamp_differs: bool
    rows: list[str] = Field(description="Cadre ids of the rows where the two entries differ.")


class DisagreementsOut(BaseModel):
    items: list[DisagreementOut]


class AcceptedBallotOut(BaseModel):
    number: int
    valid_whole: bool = Field(description="False: the ballot bears no stamp (every row invalid).")
    invalid_rows: dict[str, str] = Field(
        description="The invalid rows by cadre id and why: no_mark, several_marks, name_struck, "
        "ballot_not_issued (ballots.ballot.check_ballot)."
    )


class PaperSummaryOut(BaseModel):
    issued: int
    accepted: int
    pending: int = Field(description="Ballots with one pass typed so far.")
    disagreements: int
    ballots: list[AcceptedBallotOut]
