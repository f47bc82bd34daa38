"""Units: agencies and localities at province and district level."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import case, exists, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from ballots.levels import UnitLevel
from ballots.names import search_key
from ballots.records import name_key

from ..models import Cadre, Post, Round, Unit
from .common import contains, page

# Provinces before districts, whatever the stored strings sort like.
LEVEL_ORDER = case((Unit.level == UnitLevel.PROVINCE, 0), else_=1)


def search(
    session: Session,
    *,
    level: UnitLevel | None,
    parent_id: str | None,
    q: str | None,
    include_archived: bool,
    limit: int,
    offset: int,
) -> tuple[list[Unit], int]:
    # The parent comes along: every list shows where a unit sits.
    stmt = select(Unit).options(selectinload(Unit.parent)).order_by(LEVEL_ORDER, Unit.name, Unit.id)
    if level is not None:
        stmt = stmt.where(Unit.level == level)
    if parent_id is not None:
        stmt = stmt.where(Unit.parent_id == parent_id)
    if q:
        stmt = stmt.where(Unit.search_key.like(contains(search_key(q)), escape="\\"))
    if not include_archived:
        stmt = stmt.where(Unit.archived_at.is_(None))
    return page(session, stmt, limit, offset)


def by_name(session: Session, name: str, parent_id: str | None) -> Unit | None:
    """The sibling unit with this name as people read it: any case, composed or not."""
    parent = Unit.parent_id.is_(None) if parent_id is None else Unit.parent_id == parent_id
    return session.scalar(select(Unit).where(Unit.name_key == name_key(name), parent))


def all_units(session: Session) -> list[Unit]:
    return list(session.scalars(select(Unit).order_by(LEVEL_ORDER, Unit.name)))


def is_referenced(session: Session, unit_id: str) -> bool:
    return bool(
        session.scalar(
            select(
                or_(
                    exists().where(Unit.parent_id == unit_id),
                    exists().where(Post.unit_id == unit_id),
                    exists().where(Round.unit_id == unit_id),
                    exists().where(Cadre.standing_committee_unit_id == unit_id),
                )
            )
        )
    )


def with_ancestors(session: Session, unit_ids: Collection[str]) -> dict[str, Unit]:
    """These units and all their ancestors in one recursive query.

    With them in the session, ``Unit.locality`` walks up the tree without a query per step.
    """
    if not unit_ids:
        return {}
    tree = select(Unit.id, Unit.parent_id).where(Unit.id.in_(list(unit_ids))).cte("tree", recursive=True)
    parent = aliased(Unit)
    tree = tree.union(select(parent.id, parent.parent_id).join(tree, parent.id == tree.c.parent_id))
    return {u.id: u for u in session.scalars(select(Unit).where(Unit.id.in_(select(tree.c.id))))}
