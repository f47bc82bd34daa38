"""Closing figures, key shares waiting for the count, results and signing keys in the database."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session, selectinload

from ballots.levels import Rulebook

from ..models import (
    Credential,
    CredentialState,
    KeyShareEntry,
    Round,
    RoundClosing,
    RoundResult,
    SigningKey,
)


def closing(session: Session, round_id: str) -> RoundClosing | None:
    return session.get(RoundClosing, round_id)


def shares(session: Session, round_id: str) -> list[KeyShareEntry]:
    stmt = select(KeyShareEntry).where(KeyShareEntry.round_id == round_id).order_by(KeyShareEntry.entered_at)
    return list(session.scalars(stmt.execution_options(populate_existing=True)))


def share_count(session: Session, round_id: str) -> int:
    stmt = select(func.count()).where(KeyShareEntry.round_id == round_id)
    return session.scalar(stmt) or 0


def drop_shares(session: Session, round_id: str) -> None:
    session.execute(delete(KeyShareEntry).where(KeyShareEntry.round_id == round_id))


def result(session: Session, round_id: str) -> RoundResult | None:
    return session.get(RoundResult, round_id, populate_existing=True)


def lock_signing_keys(session: Session) -> None:
    """Make the creation of the first key (and rotation) take turns across processes.

    PostgreSQL: a transaction-scoped advisory lock. SQLite: a writing transaction already holds the
    database's single write lock (BEGIN IMMEDIATE, app/db.py), so there is nothing more to take."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(7243090410)"))


def current_signing_key(session: Session) -> SigningKey | None:
    stmt = select(SigningKey).where(SigningKey.retired_at.is_(None)).order_by(SigningKey.created_at.desc())
    return session.scalars(stmt.execution_options(populate_existing=True)).first()


def signing_keys(session: Session) -> list[SigningKey]:
    return list(session.scalars(select(SigningKey).order_by(SigningKey.created_at, SigningKey.key_id)))


def signing_key(session: Session, kid: str) -> SigningKey | None:
    return session.get(SigningKey, kid)


def retire_current(session: Session, now: datetime) -> None:
    for key in session.scalars(select(SigningKey).where(SigningKey.retired_at.is_(None))):
        key.retired_at = now
    session.flush()


def unused_slips(session: Session, round_id: str) -> int:
    stmt = select(func.count()).where(
        Credential.round_id == round_id, Credential.state == CredentialState.UNUSED
    )
    return session.scalar(stmt) or 0


def unused_among(session: Session, round_id: str, digests: list[str]) -> set[str]:
    """Which of these keyed hashes are slips of the round still unused."""
    stmt = select(Credential.code_digest).where(
        Credential.round_id == round_id,
        Credential.state == CredentialState.UNUSED,
        Credential.code_digest.in_(digests),
    )
    return set(session.scalars(stmt))


def published(
    session: Session,
    *,
    plan_id: str | None,
    unit_id: str | None,
    rulebook: Rulebook | None,
    date_from: date | None,
    date_to: date | None,
) -> list[tuple[RoundResult, Round]]:
    """Published results with their rounds (plan loaded), newest vote first."""
    stmt = (
        select(RoundResult, Round)
        .join(Round, Round.id == RoundResult.round_id)
        .where(RoundResult.published_at.is_not(None), Round.archived_at.is_(None))
        .options(selectinload(Round.plan))
        .order_by(Round.vote_date.desc(), Round.id)
    )
    if plan_id is not None:
        stmt = stmt.where(Round.plan_id == plan_id)
    if unit_id is not None:
        stmt = stmt.where(Round.unit_id == unit_id)
    if rulebook is not None:
        stmt = stmt.where(Round.rulebook == rulebook)
    if date_from is not None:
        stmt = stmt.where(Round.vote_date >= date_from)
    if date_to is not None:
        stmt = stmt.where(Round.vote_date <= date_to)
    return [(r, rd) for r, rd in session.execute(stmt)]
