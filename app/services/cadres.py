"""Cadres and their posts; every change re-assesses the cadre's candidacies (regulation.md §2)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from ballots.errors import Conflict, InvalidInput, NotFound

from ..models import Cadre, Post
from ..repositories import cadres as repo
from ..repositories import common
from ..repositories.common import archive as archive_entity
from ..repositories.common import get_or_404
from ..schemas.cadres import CadreIn, CadrePatch, PostIn, PostPatch
from . import eligibility
from .units import get_active

MIN_AGE, MAX_AGE = 18, 100


def get(session: Session, cadre_id: str) -> Cadre:
    return get_or_404(session, Cadre, cadre_id, "cadre")


def _check_person(session: Session, fields: dict[str, Any], today: date) -> None:
    born = fields.get("date_of_birth")
    if born is not None and not MIN_AGE <= (today.year - born.year) <= MAX_AGE:
        raise InvalidInput(
            f"date of birth {born.isoformat()} gives an age outside {MIN_AGE}–{MAX_AGE}",
            details={"field": "date_of_birth"},
        )
    unit_id = fields.get("standing_committee_unit_id")
    if unit_id is not None:
        get_active(session, unit_id)


def _check_post(
    session: Session, cadre: Cadre | None, post: dict[str, Any], today: date, post_id: str | None
) -> None:
    get_active(session, post["unit_id"])
    if post["since"] > today:
        raise InvalidInput(
            f"post '{post['title']}' starts on {post['since'].isoformat()}, in the future",
            details={"field": "since"},
        )
    if post.get("ended_on") is not None and post["ended_on"] < post["since"]:
        raise InvalidInput(f"post '{post['title']}' ends before it starts", details={"field": "ended_on"})
    for other in cadre.posts if cadre is not None else []:
        if other.id != post_id and (other.title, other.unit_id) == (post["title"], post["unit_id"]):
            raise Conflict(
                f"the cadre already holds '{post['title']}' in that unit",
                details={"existing_post_id": other.id},
            )


def create(session: Session, data: CadreIn, now: datetime, today: date) -> Cadre:
    fields = data.model_dump(exclude={"posts"})
    _check_person(session, fields, today)
    cadre = common.add(session, Cadre(**fields))
    for post in data.posts:
        add_post(session, cadre.id, post, now, today)
    return cadre


def update(session: Session, cadre_id: str, data: CadrePatch, now: datetime, today: date) -> Cadre:
    cadre = get(session, cadre_id)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("full_name", "") is None:
        raise InvalidInput("a cadre needs a full name", details={"field": "full_name"})
    _check_person(session, changes, today)
    for key, value in changes.items():
        setattr(cadre, key, value)
    session.flush()
    eligibility.reassess_cadre(session, cadre, now)
    return cadre


def add_post(session: Session, cadre_id: str, data: PostIn, now: datetime, today: date) -> Post:
    cadre = get(session, cadre_id)
    fields = data.model_dump()
    _check_post(session, cadre, fields, today, None)
    post = Post(cadre_id=cadre.id, **fields)
    cadre.posts.append(post)
    session.flush()
    eligibility.reassess_cadre(session, cadre, now)
    return post


def _post(cadre: Cadre, post_id: str) -> Post:
    for post in cadre.posts:
        if post.id == post_id:
            return post
    raise NotFound(f"the cadre has no post with id '{post_id}'", details={"id": post_id, "kind": "post"})


def update_post(
    session: Session, cadre_id: str, post_id: str, data: PostPatch, now: datetime, today: date
) -> Post:
    cadre = get(session, cadre_id)
    post = _post(cadre, post_id)
    changes = {
        k: v for k, v in data.model_dump(exclude_unset=True).items() if v is not None or k == "ended_on"
    }
    merged = {c: getattr(post, c) for c in ("title", "unit_id", "filled_by", "since", "ended_on")} | changes
    _check_post(session, cadre, merged, today, post.id)
    for key, value in changes.items():
        setattr(post, key, value)
    session.flush()
    eligibility.reassess_cadre(session, cadre, now)
    return post


def delete_post(session: Session, cadre_id: str, post_id: str, now: datetime) -> None:
    cadre = get(session, cadre_id)
    post = _post(cadre, post_id)
    if repo.post_in_use(session, cadre.id, post.id):
        raise Conflict(
            f"post '{post.title}' is voted on in a scheduled round; set its end date instead",
            details={"post_id": post.id},
        )
    cadre.posts.remove(post)
    session.flush()
    eligibility.reassess_cadre(session, cadre, now)


def archive(session: Session, cadre_id: str, now: datetime) -> Cadre:
    return archive_entity(session, get(session, cadre_id), now)


def delete(session: Session, cadre_id: str) -> None:
    cadre = get(session, cadre_id)
    if repo.is_referenced(session, cadre.id):
        raise Conflict(
            f"{cadre.full_name} is a candidate or a counting committee member; archive instead",
            details={"id": cadre.id},
        )
    common.delete(session, cadre)
