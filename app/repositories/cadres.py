"""Cadres and their posts."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session, selectinload

from ballots.levels import FillMethod
from ballots.names import search_key

from ..models import Cadre, Candidate, CommitteeMember, Post, Round
from ..models.plan import RoundStatus
from .common import contains, page


def search(
    session: Session,
    *,
    q: str | None,
    unit_id: str | None,
    filled_by: FillMethod | None,
    include_archived: bool,
    limit: int,
    offset: int,
) -> tuple[list[Cadre], int]:
    stmt = (
        select(Cadre)
        .options(selectinload(Cadre.posts).selectinload(Post.unit))
        .order_by(Cadre.sort_key, Cadre.id)
    )
    if q:
        stmt = stmt.where(Cadre.search_key.like(contains(search_key(q)), escape="\\"))
    if unit_id is not None:
        stmt = stmt.where(exists().where(Post.cadre_id == Cadre.id, Post.unit_id == unit_id))
    if filled_by is not None:
        stmt = stmt.where(exists().where(Post.cadre_id == Cadre.id, Post.filled_by == filled_by))
    if not include_archived:
        stmt = stmt.where(Cadre.archived_at.is_(None))
    return page(session, stmt, limit, offset)


def is_referenced(session: Session, cadre_id: str) -> bool:
    return bool(
        session.scalar(
            select(
                or_(
                    exists().where(Candidate.cadre_id == cadre_id),
                    exists().where(CommitteeMember.cadre_id == cadre_id),
                )
            )
        )
    )


def post_in_use(session: Session, cadre_id: str, post_id: str) -> bool:
    """Whether a round past its draft votes on this post (its ballot names the post)."""
    stmt = (
        select(Candidate.post_ids)
        .join(Round, Candidate.round_id == Round.id)
        .where(Candidate.cadre_id == cadre_id, Round.status != RoundStatus.DRAFT)
    )
    return any(post_id in ids for ids in session.scalars(stmt))


def lock(session: Session, cadre_id: str) -> None:
    """Lock the cadre's row until the transaction ends, so the cadre's places in every plan are
    decided by one request at a time (the two-place rule spans rows). Taken before the other places
    are read; SQLite ignores FOR UPDATE, its writers already hold the write lock (BEGIN IMMEDIATE).

    FOR NO KEY UPDATE: lockers take turns, while rows that merely refer to the cadre (a new post, a
    committee seat) are still written without waiting."""
    lock_all(session, [cadre_id])


def lock_all(session: Session, cadre_ids: Collection[str]) -> None:
    """``lock`` for several cadres in one statement, in id order: every request takes them in the
    same order, so two requests never wait on each other's cadres (no deadlock)."""
    stmt = select(Cadre.id).where(Cadre.id.in_(cadre_ids)).order_by(Cadre.id)
    session.execute(stmt.with_for_update(key_share=True))
