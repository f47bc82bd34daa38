"""The ballot of an open round and what may be seen while voting runs (turnout, the board).

Casting itself is app/services/casting.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from ballots.codes import parse_code
from ballots.errors import Conflict
from ballots.levels import RoundKind
from ballots.sealing import board_digest

from ..errors import CodeRefused
from ..models import CredentialState, Round, RoundKey, RoundStatus
from ..repositories import voting as repo
from ..repositories.common import not_found
from . import ballot_documents, paper
from .ballot_documents import BallotDocument, VoterCopy
from .round_views import voted_posts
from .slips import digest_of


@dataclass(frozen=True)
class BallotRow:
    cadre_id: str
    name: str
    posts: list[str]
    documents: list[BallotDocument]


@dataclass(frozen=True)
class BallotPaper:
    round_id: str
    title: str
    vote_date: date
    rows: list[BallotRow]
    follow_up: bool = False  # the nq96 two-level ballot (trust / no trust)


def refused() -> CodeRefused:
    return CodeRefused(
        "this code is not valid for this round, or it has already been used",
        message_vi="Mã không hợp lệ cho hội nghị này hoặc đã được sử dụng",
        details={"field": "code"},
    )


def require_open(round_: Round | None, round_id: str) -> Round:
    if round_ is None:
        raise not_found("round", round_id)
    require_open_state(round_.status, round_.archived_at, round_.title)
    return round_


def require_open_state(status: RoundStatus, archived_at: datetime | None, title: str) -> None:
    """A round's ballots are taken while it is open (and not archived); otherwise say why not."""
    if status is RoundStatus.OPEN and archived_at is None:
        return
    if status in (RoundStatus.DRAFT, RoundStatus.SCHEDULED):
        message, message_vi = "voting in this round has not opened yet", "Hội nghị này chưa mở bỏ phiếu"
    else:
        message, message_vi = "voting in this round is closed", "Hội nghị này đã kết thúc bỏ phiếu"
    raise Conflict(
        f"{message} ('{title}')",
        message_vi=f"{message_vi} ('{title}')",
        details={"status": "archived" if archived_at else status.value},
    )


def ballot_box(session: Session, round_: Round) -> RoundKey:
    key = repo.round_key(session, round_.id)
    if key is None:  # opened before this service could seal ballots: it is voted on paper
        raise Conflict(
            f"round '{round_.title}' has no online ballot box; it is voted on paper",
            message_vi=f"Hội nghị '{round_.title}' không có hòm phiếu trực tuyến; bỏ phiếu bằng giấy",
        )
    return key


def ballot_paper(session: Session, round_id: str) -> BallotPaper:
    """The ballot as a voter sees it, while the round is open: its rows in the order frozen at opening."""
    round_ = require_open(session.get(Round, round_id), round_id)
    layout = ballot_box(session, round_).layout
    candidates = repo.candidates_with_posts(session, round_id)
    documents = ballot_documents.by_cadre(session, round_id, list(layout))
    rows = []
    for cadre_id in layout:
        candidate = candidates[cadre_id]
        posts = [p.title for p in voted_posts(candidate)]
        name = candidate.cadre.full_name
        rows.append(BallotRow(cadre_id=cadre_id, name=name, posts=posts, documents=documents[cadre_id]))
    return BallotPaper(
        round_id=round_.id,
        title=round_.title,
        vote_date=round_.vote_date,
        rows=rows,
        follow_up=round_.kind is RoundKind.FOLLOW_UP,
    )


def voter_document(session: Session, round_id: str, document_id: str) -> VoterCopy:
    """A document listed on the open round's ballot, for a voter (no token)."""
    round_ = require_open(session.get(Round, round_id), round_id)
    layout = list(ballot_box(session, round_).layout)
    return ballot_documents.voter_copy(session, round_id, layout, document_id)


def check_code(session: Session, round_id: str, code: str, secret: bytes) -> str:
    """The canonical code if it may still vote in this open round (the ballot page asks first).

    A typing error is refused as such (422); an unknown code and a spent one get the very refusal
    ``cast`` gives, after the same one-row read, so the page tells nobody which codes were issued.
    Nothing is written: the code is spent only by ``cast``.
    """
    canonical = parse_code(code)
    round_ = require_open(session.get(Round, round_id), round_id)
    ballot_box(session, round_)
    found = repo.credential_state(session, round_id, digest_of(secret, round_id, canonical))
    if found is None or found[0] is not CredentialState.UNUSED:
        raise refused()
    return canonical


def round_heading(session: Session, round_id: str) -> tuple[str, date] | None:
    """The round's title and vote date, for the heading of a voter's page (None: no such round)."""
    round_ = session.get(Round, round_id)
    return None if round_ is None else (round_.title, round_.vote_date)


@dataclass(frozen=True)
class BoardPage:
    round_id: str
    title: str
    vote_date: date
    status: str
    receipts: list[str]
    digest: str
    issued: int
    returned: int


def board_page(session: Session, round_id: str) -> BoardPage:
    """The round's public board as its page shows it: sorted receipts, their digest and the turnout."""
    round_ = session.get(Round, round_id)
    if round_ is None:
        raise not_found("round", round_id)
    receipts = repo.receipts(session, round_id)
    issued, returned = paper.turnout(session, round_id, *repo.counts(session, round_id))
    return BoardPage(
        round_id=round_.id,
        title=round_.title,
        vote_date=round_.vote_date,
        status=round_.status.value,
        receipts=receipts,
        digest=board_digest(receipts),
        issued=issued,
        returned=returned,
    )


def turnout(session: Session, round_id: str) -> tuple[int, int]:
    """Ballots issued and returned (slips and paper): the only figures shown while voting runs."""
    if session.get(Round, round_id) is None:
        raise not_found("round", round_id)
    return paper.turnout(session, round_id, *repo.counts(session, round_id))


def board(session: Session, round_id: str) -> tuple[list[str], str]:
    """Every receipt of the round, sorted (never in arrival order), and their digest."""
    if session.get(Round, round_id) is None:
        raise not_found("round", round_id)
    receipts = repo.receipts(session, round_id)
    return receipts, board_digest(receipts)
