"""Accounts for counting-committee members: made for a member, or an existing committee account linked.

An account of role committee linked to a member of a round's committee does that round's
conference-day work (slips, paper ballots) and reaches no other round (app/services/committee_access.py).
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy.orm import Session

from ballots.errors import Conflict, InvalidInput, NotFound

from ..models import CommitteeMember, User
from ..models.user import Role
from ..repositories import committee as repo
from ..repositories import common
from ..repositories import users as users_repo
from ..repositories.common import not_found
from .auth import create_user
from .rounds import get_locked

_NOT_NAME = re.compile(r"[^a-z0-9]+")
STEM_LENGTH = 56  # room for "-99" within the 64 characters of a user name


def username_stem(full_name: str) -> str:
    """ "Nguyễn Thị Đào" -> "nguyen.thi.dao": what a committee member types at the login page."""
    folded = unicodedata.normalize("NFD", full_name.replace("Đ", "D").replace("đ", "d"))
    ascii_name = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    stem = ".".join(w for w in _NOT_NAME.split(ascii_name) if w)[:STEM_LENGTH].strip(".")
    return stem if len(stem) >= 2 else "kiemphieu"


def unique_username(session: Session, full_name: str) -> str:
    stem = username_stem(full_name)
    taken = repo.usernames_like(session, stem)
    candidates = (stem if n == 1 else f"{stem}-{n}" for n in range(1, len(taken) + 2))
    return next(name for name in candidates if name not in taken)


def _member(session: Session, round_id: str, member_id: str) -> CommitteeMember:
    get_locked(session, round_id)  # links of one round are made one at a time
    member = repo.member_for_update(session, round_id, member_id)
    if member is None:
        raise not_found("committee member", member_id)
    return member


def _existing(session: Session, round_id: str, username: str) -> User:
    user = users_repo.by_username(session, username.strip().lower())
    if user is None:
        raise NotFound(f"no user named '{username}'", details={"username": username})
    if user.role is not Role.COMMITTEE:
        raise InvalidInput(
            f"only an account of role 'committee' can be linked to a committee member; '{user.username}' "
            f"is '{user.role.value}'",
            message_vi=f"Chỉ tài khoản vai trò kiểm phiếu mới gắn được với thành viên tổ kiểm phiếu; "
            f"'{user.username}' có vai trò '{user.role.value}'",
            details={"username": user.username, "role": user.role.value},
        )
    twin = repo.linked_member(session, round_id, user.id)
    if twin is not None:
        raise Conflict(
            f"'{user.username}' is already the account of {twin.full_name} in this round; one account "
            "per member, so that the two entries of a paper ballot are two people's",
            message_vi=f"'{user.username}' đã là tài khoản của {twin.full_name} trong hội nghị này; mỗi "
            "thành viên một tài khoản",
            details={"username": user.username, "member_id": twin.id},
        )
    return user


def give_account(
    session: Session, round_id: str, member_id: str, username: str | None
) -> tuple[CommitteeMember, str | None]:
    """Link the member to an account: a new one (its password returned, shown this once) or,
    given ``username``, an existing committee account (no password)."""
    member = _member(session, round_id, member_id)
    if member.user is not None:
        raise Conflict(
            f"{member.full_name} already has the account '{member.user.username}'; remove it first",
            message_vi=f"{member.full_name} đã có tài khoản '{member.user.username}'; hãy gỡ trước",
            details={"member_id": member.id, "username": member.user.username},
        )
    password: str | None = None
    if username is None:
        name = unique_username(session, member.full_name)
        user, password = create_user(session, name, Role.COMMITTEE, full_name=member.full_name)
    else:
        user = _existing(session, round_id, username)
    member.user = user
    common.flush(session)
    return member, password


def remove_account(session: Session, round_id: str, member_id: str) -> None:
    """Unlink the member's account: it keeps existing (other rounds) but loses this round."""
    member = _member(session, round_id, member_id)
    member.user = None
    common.flush(session)
