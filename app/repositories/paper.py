"""Paper ballots in the database: how many were handed out, and the two typed entries of each."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from ..models import Credential, CredentialState, PaperEntry, PaperIssue


def issued(session: Session, round_id: str) -> int:
    found = session.scalar(select(PaperIssue.issued).where(PaperIssue.round_id == round_id))
    return found or 0


def set_issued(session: Session, round_id: str, count: int) -> None:
    session.execute(delete(PaperIssue).where(PaperIssue.round_id == round_id))
    session.execute(insert(PaperIssue).values(round_id=round_id, issued=count))


def slips_spent_on_paper(session: Session, round_id: str) -> int:
    stmt = select(func.count()).where(
        Credential.round_id == round_id, Credential.state == CredentialState.PAPER
    )
    return session.scalar(stmt) or 0


def highest_number(session: Session, round_id: str) -> int:
    return session.scalar(select(func.max(PaperEntry.number)).where(PaperEntry.round_id == round_id)) or 0


def entries_of(session: Session, round_id: str, number: int) -> dict[int, PaperEntry]:
    """The entries of one ballot by pass, as committed now."""
    stmt = select(PaperEntry).where(PaperEntry.round_id == round_id, PaperEntry.number == number)
    return {e.pass_no: e for e in session.scalars(stmt.execution_options(populate_existing=True))}


def all_entries(session: Session, round_id: str) -> list[PaperEntry]:
    stmt = (
        select(PaperEntry)
        .where(PaperEntry.round_id == round_id)
        .order_by(PaperEntry.number, PaperEntry.pass_no)
    )
    return list(session.scalars(stmt))


def put_entry(
    session: Session,
    round_id: str,
    number: int,
    pass_no: int,
    entered_by: str,
    stamped: bool,
    rows: dict[str, dict[str, Any]],
) -> None:
    """The entry of this pass of this ballot, replacing any earlier one of the same pass."""
    session.execute(
        delete(PaperEntry).where(
            PaperEntry.round_id == round_id, PaperEntry.number == number, PaperEntry.pass_no == pass_no
        )
    )
    session.execute(
        insert(PaperEntry).values(
            round_id=round_id,
            number=number,
            pass_no=pass_no,
            entered_by=entered_by,
            stamped=stamped,
            rows=rows,
        )
    )
