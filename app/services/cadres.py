"""Cadres and their posts; every change re-assesses the cadre's candidacies (regulation.md §2)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from ballots.errors import BallotsError, Conflict, InvalidInput, NotFound
from ballots.records import check_birth_date, check_post_dates, name_key

from ..models import Cadre, Post
from ..repositories import cadres as repo
from ..repositories import common
from ..repositories.common import archive as archive_entity
from ..repositories.common import get_or_404
from ..schemas.cadres import CadreIn, CadrePatch, PostIn, PostPatch
from . import eligibility
from .units import get_active

POST_FIELDS = ("title", "unit_id", "filled_by", "since", "ended_on")


# Listing needs no rule of its own; the router still goes through the service layer.
search = repo.search


def get(session: Session, cadre_id: str) -> Cadre:
    return get_or_404(session, Cadre, cadre_id, "cadre")


def get_locked(session: Session, cadre_id: str) -> Cadre:
    """The cadre, locked until the transaction ends: its posts are checked against each other (no
    title twice in one unit, in any case), so two requests must not check them at the same time."""
    repo.lock(session, cadre_id)
    return get(session, cadre_id)


def _check_standing_committee(session: Session, unit_id: str) -> None:
    unit = get_active(session, unit_id)
    # The two-place rule compares this id with the locality of each round's unit, so a department
    # here would silently never match.
    locality = unit.locality
    if locality.id != unit.id:
        raise InvalidInput(
            f"a standing committee belongs to a province or district, not to '{unit.name}'; "
            f"did you mean '{locality.name}'?",
            message_vi=f"Ban Thường vụ là của tỉnh hoặc huyện, không phải của '{unit.name}'; "
            f"có phải '{locality.name}'?",
            details={"field": "standing_committee_unit_id", "locality_id": locality.id},
        )


def _check_person(session: Session, cadre: Cadre | None, fields: dict[str, Any], today: date) -> None:
    born = fields.get("date_of_birth")
    if born is not None:
        check_birth_date(born, today)
        # A new date of birth must still come before every post the cadre holds.
        for post in cadre.posts if cadre is not None else ():
            check_post_dates(post.title, post.since, post.ended_on, born, today)
    unit_id = fields.get("standing_committee_unit_id")
    # Re-sending the unit a cadre already has is no change, even if that unit was archived since.
    if unit_id is not None and (cadre is None or unit_id != cadre.standing_committee_unit_id):
        _check_standing_committee(session, unit_id)


def _check_post(
    session: Session, cadre: Cadre, post: dict[str, Any], today: date, current: Post | None
) -> None:
    if current is None or post["unit_id"] != current.unit_id:
        get_active(session, post["unit_id"])
    check_post_dates(post["title"], post["since"], post.get("ended_on"), cadre.date_of_birth, today)
    key = (name_key(post["title"]), post["unit_id"])
    for other in cadre.posts:
        if other is not current and (name_key(other.title), other.unit_id) == key:
            raise Conflict(
                f"{cadre.full_name} already holds '{other.title}' in that unit",
                message_vi=f"{cadre.full_name} đã giữ chức vụ '{other.title}' tại đơn vị này",
                details={"existing_post_id": other.id},
            )


def _changed(session: Session, cadre: Cadre, now: datetime) -> None:
    """Store the change, then bring the verdicts of the cadre's candidacies up to date."""
    session.flush()
    eligibility.reassess_cadre(session, cadre, now)


def create(session: Session, data: CadreIn, now: datetime, today: date) -> Cadre:
    fields = data.model_dump(exclude={"posts"})
    _check_person(session, None, fields, today)
    cadre = common.add(session, Cadre(**fields))
    for index, post in enumerate(data.posts):
        try:
            add_post(session, cadre.id, post, now, today)
        except BallotsError as error:
            # Say which of the nested posts is wrong; the whole cadre is refused with it.
            raise type(error)(
                f"posts[{index}]: {error.message}",
                message_vi=f"Chức vụ thứ {index + 1}: {error.message_vi}" if error.message_vi else "",
                details={**error.details, "post_index": index},
            ) from error
    return cadre


def update(session: Session, cadre_id: str, data: CadrePatch, now: datetime, today: date) -> Cadre:
    cadre = get(session, cadre_id)
    changes = data.model_dump(exclude_unset=True)
    _check_person(session, cadre, changes, today)
    for key, value in changes.items():
        setattr(cadre, key, value)
    _changed(session, cadre, now)
    return cadre


def add_post(session: Session, cadre_id: str, data: PostIn, now: datetime, today: date) -> Post:
    cadre = get_locked(session, cadre_id)
    fields = data.model_dump()
    _check_post(session, cadre, fields, today, None)
    post = Post(cadre_id=cadre.id, **fields)
    cadre.posts.append(post)
    _changed(session, cadre, now)
    return post


def _post(cadre: Cadre, post_id: str) -> Post:
    for post in cadre.posts:
        if post.id == post_id:
            return post
    raise NotFound(
        f"{cadre.full_name} has no post with id '{post_id}'",
        message_vi=f"{cadre.full_name} không có chức vụ mã '{post_id}'",
        details={"id": post_id, "kind": "post"},
    )


def update_post(
    session: Session, cadre_id: str, post_id: str, data: PostPatch, now: datetime, today: date
) -> Post:
    cadre = get_locked(session, cadre_id)
    post = _post(cadre, post_id)
    changes = data.model_dump(exclude_unset=True)
    merged = {c: getattr(post, c) for c in POST_FIELDS} | changes
    _check_post(session, cadre, merged, today, post)
    for key, value in changes.items():
        setattr(post, key, value)
    session.flush()
    if "unit_id" in changes:
        session.expire(post, ["unit"])  # the loaded unit is the old one; unit_name must follow
    _changed(session, cadre, now)
    return post


def delete_post(session: Session, cadre_id: str, post_id: str, now: datetime) -> None:
    cadre = get(session, cadre_id)
    post = _post(cadre, post_id)
    if repo.post_in_use(session, cadre.id, post.id):
        raise Conflict(
            f"post '{post.title}' is voted on in a round past its draft; set its end date instead",
            message_vi=f"Chức vụ '{post.title}' đã được lấy phiếu ở một hội nghị; hãy ghi ngày thôi giữ chức",
            details={"post_id": post.id},
        )
    cadre.posts.remove(post)
    _changed(session, cadre, now)


def archive(session: Session, cadre_id: str, now: datetime) -> Cadre:
    cadre = archive_entity(session, get(session, cadre_id), now)
    _changed(session, cadre, now)
    return cadre


def delete(session: Session, cadre_id: str) -> None:
    cadre = get(session, cadre_id)
    if repo.is_referenced(session, cadre.id):
        raise Conflict(
            f"{cadre.full_name} is a candidate or a counting committee member; archive instead",
            message_vi=(
                f"{cadre.full_name} đã được đề xuất lấy phiếu hoặc ở tổ kiểm phiếu; hãy lưu trữ thay vì xóa"
            ),
            details={"id": cadre.id},
        )
    common.delete(session, cadre)
