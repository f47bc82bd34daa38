"""Which rounds a committee account sits on, and the members' accounts."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from ..models import CommitteeMember, Round, User


def round_exists(session: Session, round_id: str) -> bool:
    return bool(session.scalar(select(exists().where(Round.id == round_id))))


def sits_on(session: Session, round_id: str, user_id: str) -> bool:
    """Whether the account is linked to a member of this round's counting committee."""
    found = exists().where(CommitteeMember.round_id == round_id, CommitteeMember.user_id == user_id)
    return bool(session.scalar(select(found)))


def round_ids_of(session: Session, user_id: str) -> list[str]:
    return list(session.scalars(select(CommitteeMember.round_id).where(CommitteeMember.user_id == user_id)))


def member_for_update(session: Session, round_id: str, member_id: str) -> CommitteeMember | None:
    stmt = (
        select(CommitteeMember)
        .where(CommitteeMember.round_id == round_id, CommitteeMember.id == member_id)
        .with_for_update()
    )
    return session.scalar(stmt)


def usernames_like(session: Session, stem: str) -> set[str]:
    """User names taken that start with ``stem`` (a new name is made unique against them)."""
    return set(session.scalars(select(User.username).where(User.username.startswith(stem, autoescape=True))))


def linked_member(session: Session, round_id: str, user_id: str) -> CommitteeMember | None:
    stmt = select(CommitteeMember).where(
        CommitteeMember.round_id == round_id, CommitteeMember.user_id == user_id
    )
    return session.scalar(stmt)
