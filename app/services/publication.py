"""Publishing a counted round, and reading signed results: who may see what, and when.

A principal with the ``read`` right (organizer, admin, observer, committee) sees a round's results
once it is counted; anyone else (a ``results`` token) only once it is published. A result not
visible to the caller answers exactly as a round that does not exist (the same 404).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from ballots.calendar import VIETNAM_TZ
from ballots.errors import Conflict, InvalidInput
from ballots.levels import Band, Rulebook

from ..models import Plan, RoundResult, RoundStatus
from ..repositories import counting as repo
from ..repositories.common import not_found
from ..security import Scope
from .rounds import get_locked


def signed(result: RoundResult) -> dict[str, Any]:
    """The document as served: the stored document and its signature, byte for byte every time."""
    signature = {"alg": "Ed25519", "key_id": result.key_id, "value": result.signature}
    return {**result.document, "signature": signature}


def publish(session: Session, round_id: str, now: datetime) -> RoundResult:
    round_ = get_locked(session, round_id)
    result = repo.result(session, round_id)
    if round_.status is not RoundStatus.COUNTED or result is None:
        raise Conflict(
            f"round '{round_.title}' is {round_.status.value}; only a counted round is published",
            message_vi=f"Hội nghị '{round_.title}' đang ở trạng thái {round_.status.value}; "
            "chỉ công bố được hội nghị đã kiểm phiếu",
            details={"status": round_.status.value},
        )
    result.published_at = now
    round_.status = RoundStatus.PUBLISHED
    session.flush()
    return result


def visible(session: Session, round_id: str, scopes: frozenset[Scope]) -> RoundResult:
    result = repo.result(session, round_id)
    if result is None or (Scope.READ not in scopes and result.published_at is None):
        raise not_found("round", round_id)
    return result


@dataclass(frozen=True)
class Listed:
    result: RoundResult
    plan: Plan
    plan_id: str
    unit_id: str

    @property
    def deadline(self) -> date | None:
        """The last day to make the results known to the plan's audience (published + N days)."""
        if self.result.published_at is None:
            return None
        published = self.result.published_at.astimezone(VIETNAM_TZ).date()  # the day as people there say it
        return published + timedelta(days=self.plan.publication_days)


def _has_band(document: dict[str, Any], band: Band) -> bool:
    return any(c.get("band") == band.value for c in document.get("candidates", []))


def search(
    session: Session,
    *,
    plan_id: str | None,
    unit_id: str | None,
    rulebook: Rulebook | None,
    band: Band | None,
    date_from: date | None,
    date_to: date | None,
    limit: int,
    offset: int,
) -> tuple[list[Listed], int]:
    """Published results, newest vote first. The band is read from the documents themselves (a few
    hundred rounds a term), so it filters before paging, as the other filters do."""
    if date_from is not None and date_to is not None and date_from > date_to:
        raise InvalidInput(
            f"date_from {date_from.isoformat()} is after date_to {date_to.isoformat()}; swap them",
            message_vi=f"Từ ngày {date_from:%d/%m/%Y} sau đến ngày {date_to:%d/%m/%Y}; hãy đổi chỗ hai ngày",
            details={"date_from": date_from.isoformat(), "date_to": date_to.isoformat()},
        )
    found = [
        Listed(result, round_.plan, round_.plan_id, round_.unit_id)
        for result, round_ in repo.published(
            session, plan_id=plan_id, unit_id=unit_id, rulebook=rulebook, date_from=date_from, date_to=date_to
        )
        if band is None or _has_band(result.document, band)
    ]
    return found[offset : offset + limit], len(found)
