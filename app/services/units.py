"""Units and their hierarchy; the locality of a unit decides where its cadres are voted on."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from ballots.errors import Conflict, InvalidInput
from ballots.levels import UnitLevel

from ..models import Unit
from ..repositories import common
from ..repositories import units as repo
from ..repositories.common import archive as archive_entity
from ..repositories.common import get_or_404
from ..schemas.units import UnitIn, UnitPatch
from . import eligibility

# Listing needs no rule of its own; the router still goes through the service layer.
search = repo.search


def get(session: Session, unit_id: str) -> Unit:
    return get_or_404(session, Unit, unit_id, "unit")


def get_active(session: Session, unit_id: str) -> Unit:
    """A unit that new posts, rounds and seats may refer to."""
    unit = get(session, unit_id)
    if unit.archived_at is not None:
        raise Conflict(
            f"unit '{unit.name}' is archived",
            message_vi=f"Đơn vị '{unit.name}' đã được lưu trữ, không chọn được nữa",
            details={"unit_id": unit.id},
        )
    return unit


def subtree_ids(session: Session, unit: Unit) -> set[str]:
    """The unit and everything under it."""
    children: dict[str | None, list[Unit]] = {}
    for other in repo.all_units(session):
        children.setdefault(other.parent_id, []).append(other)
    found, stack = set(), [unit]
    while stack:
        current = stack.pop()
        found.add(current.id)
        stack.extend(children.get(current.id, []))
    return found


def _check_parent(session: Session, level: UnitLevel, parent_id: str | None, unit_id: str | None) -> None:
    if parent_id is None:
        return
    parent = get(session, parent_id)
    if level is UnitLevel.PROVINCE and parent.level is UnitLevel.DISTRICT:
        raise InvalidInput(
            "a province-level unit cannot sit under a district-level unit",
            message_vi="Đơn vị cấp tỉnh không thể trực thuộc đơn vị cấp huyện",
            details={"parent_id": parent_id},
        )
    ancestor: Unit | None = parent
    while ancestor is not None:
        if ancestor.id == unit_id:
            raise InvalidInput(
                "a unit cannot sit under itself or its own sub-units",
                message_vi="Đơn vị không thể trực thuộc chính nó hoặc đơn vị cấp dưới của nó",
                details={"parent_id": parent_id},
            )
        ancestor = ancestor.parent


def _check_unique(session: Session, name: str, parent_id: str | None, unit_id: str | None) -> None:
    twin = repo.by_name(session, name, parent_id)
    if twin is not None and twin.id != unit_id:
        raise Conflict(
            f"a unit named '{twin.name}' already exists there",
            message_vi=f"Đã có đơn vị tên '{twin.name}' ở cấp này",
            details={"existing_id": twin.id},
        )


def create(session: Session, data: UnitIn) -> Unit:
    _check_parent(session, data.level, data.parent_id, None)
    _check_unique(session, data.name, data.parent_id, None)
    return common.add(session, Unit(name=data.name, level=data.level, parent_id=data.parent_id))


def update(session: Session, unit_id: str, data: UnitPatch, now: datetime) -> Unit:
    unit = get(session, unit_id)
    changes = data.model_dump(exclude_unset=True)
    level = changes.get("level") or unit.level
    parent_id = changes.get("parent_id", unit.parent_id)
    name = changes.get("name") or unit.name
    _check_parent(session, level, parent_id, unit.id)
    _check_unique(session, name, parent_id, unit.id)
    moved = (level, parent_id) != (unit.level, unit.parent_id)
    unit.name, unit.level, unit.parent_id = name, level, parent_id
    session.flush()
    session.refresh(unit)
    if moved:
        # A new level or parent can change the locality of rounds held here, and with it the places.
        eligibility.reassess_units(session, subtree_ids(session, unit), now)
    return unit


def archive(session: Session, unit_id: str, now: datetime) -> Unit:
    return archive_entity(session, get(session, unit_id), now)


def delete(session: Session, unit_id: str) -> None:
    unit = get(session, unit_id)
    if repo.is_referenced(session, unit.id):
        raise Conflict(
            f"unit '{unit.name}' has sub-units, posts or rounds; archive it instead",
            details={"id": unit.id},
        )
    common.delete(session, unit)
