"""A counted round's results in the forms people file: CSV, XLSX, the count minutes, the page.

Everything is rendered from the stored results document (``RoundResult.document``), never from a
second count, so every form shows the very figures the signed JSON carries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ballots.errors import Conflict

from ..documents.minutes import render_minutes
from ..documents.result_context import CommitteeLine, ResultContext
from ..documents.result_table import render_csv
from ..models import Round, RoundResult
from ..repositories import results as repo
from ..repositories.common import not_found
from ..security import Scope
from ..spreadsheets.result_book import render_xlsx


@dataclass(frozen=True)
class StoredRound:
    round: Round
    result: RoundResult

    @property
    def signed(self) -> dict[str, Any]:
        """The results document with its signature, as ``GET .../results`` serves it."""
        signature = {"alg": "Ed25519", "key_id": self.result.key_id, "value": self.result.signature}
        return {**self.result.document, "signature": signature}


# Signed-in people (pages, reading tokens): every counted round, published or not.
READERS = frozenset({Scope.READ})


def not_counted(round_: Round) -> Conflict:
    return Conflict(
        f"round '{round_.title}' has not been counted: its results, minutes and record exist only "
        "after the count",
        message_vi=f"Hội nghị '{round_.title}' chưa kiểm phiếu: kết quả, biên bản và hồ sơ chỉ có sau "
        "khi kiểm phiếu",
        details={"round_id": round_.id, "status": round_.status.value},
    )


def stored_round(session: Session, round_id: str, scopes: frozenset[Scope] = READERS) -> StoredRound:
    """The round and its stored results: 404 for no such round, 409 for a round not counted.

    A caller without ``read`` (a ``results`` token of another system) sees published results only,
    and an unpublished round answers exactly like one that does not exist (as GET .../results)."""
    round_ = repo.round_with_committee(session, round_id)
    result = repo.stored(session, round_id)
    if round_ is None or (Scope.READ not in scopes and (result is None or result.published_at is None)):
        raise not_found("round", round_id)
    if result is None:
        raise not_counted(round_)
    return StoredRound(round_, result)


def context_of(stored: StoredRound) -> ResultContext:
    return ResultContext(
        document=stored.result.document,
        venue=stored.round.venue,
        committee=tuple(CommitteeLine(m.full_name, m.role) for m in stored.round.committee),
        override_reason=stored.result.override_reason,
        counted_at=stored.result.counted_at,
        published_at=stored.result.published_at,
    )


def context(session: Session, round_id: str, scopes: frozenset[Scope] = READERS) -> ResultContext:
    return context_of(stored_round(session, round_id, scopes))


def _name(ctx: ResultContext, prefix: str, extension: str) -> str:
    return f"{prefix}-{ctx.vote_date:%Y%m%d}-{str(ctx.round['id'])[:8]}.{extension}"


def results_csv(session: Session, round_id: str, scopes: frozenset[Scope] = READERS) -> tuple[bytes, str]:
    ctx = context(session, round_id, scopes)
    return render_csv(ctx), _name(ctx, "ket-qua", "csv")


def results_xlsx(session: Session, round_id: str, scopes: frozenset[Scope] = READERS) -> tuple[bytes, str]:
    ctx = context(session, round_id, scopes)
    return render_xlsx(ctx), _name(ctx, "ket-qua", "xlsx")


def minutes_pdf(session: Session, round_id: str, scopes: frozenset[Scope] = READERS) -> tuple[bytes, str]:
    ctx = context(session, round_id, scopes)
    return render_minutes(ctx), _name(ctx, "bien-ban-kiem-phieu", "pdf")
