"""Users, passwords and API tokens."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from ballots.errors import Conflict, InvalidInput, NotFound

from ..errors import Unauthenticated
from ..models.user import ApiToken, Role, User
from ..repositories import common
from ..repositories import users as repo
from ..security import (
    ROLE_SCOPES,
    Scope,
    generate_password,
    generate_token,
    hash_password,
    hash_token,
    verify_password,
)

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


@dataclass(frozen=True)
class Principal:
    """Who is calling and with which rights (the token's scopes within the user's role)."""

    user_id: str
    username: str
    role: Role
    scopes: frozenset[Scope]


def create_user(
    session: Session, username: str, role: Role, *, full_name: str = "", password: str | None = None
) -> tuple[User, str]:
    """Create a user; returns the user and the password (generated when none is given)."""
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise InvalidInput(
            "a user name is 2-64 characters: lowercase letters, digits, '.', '_' or '-'",
            details={"username": username},
        )
    if repo.by_username(session, username) is not None:
        raise Conflict(f"user '{username}' already exists", details={"username": username})
    password = password or generate_password()
    if len(password) < 10:
        raise InvalidInput("a password needs at least 10 characters")
    user = User(username=username, role=role, full_name=full_name, password_hash=hash_password(password))
    return common.add(session, user), password


def parse_scopes(values: Iterable[str]) -> frozenset[Scope]:
    try:
        return frozenset(Scope(v) for v in values)
    except ValueError as exc:
        allowed = ", ".join(s.value for s in Scope)
        raise InvalidInput(f"unknown scope ({exc}); use one of: {allowed}") from exc


def create_token(
    session: Session,
    username: str,
    now: datetime,
    *,
    scopes: Iterable[str] = (),
    days: int = 90,
    name: str = "",
) -> tuple[ApiToken, str]:
    """Issue a token; without scopes it carries the rights of the user's role."""
    user = repo.by_username(session, username.strip().lower())
    if user is None:
        raise NotFound(f"no user named '{username}'", details={"username": username})
    wanted = parse_scopes(scopes) or ROLE_SCOPES[user.role]
    beyond = wanted - ROLE_SCOPES[user.role]
    if beyond:
        raise InvalidInput(
            f"role '{user.role.value}' cannot hold scope(s): {', '.join(sorted(beyond))}",
            details={"role": user.role.value, "refused": sorted(beyond)},
        )
    if not 1 <= days <= 3650:
        raise InvalidInput("a token lives between 1 and 3650 days")
    secret = generate_token()
    token = ApiToken(
        user_id=user.id,
        token_hash=hash_token(secret),
        name=name,
        scopes=sorted(s.value for s in wanted),
        expires_at=now + timedelta(days=days),
    )
    return common.add(session, token), secret


def login(session: Session, username: str, password: str) -> User:
    user = repo.by_username(session, username.strip().lower())
    if user is None or not user.active or not verify_password(user.password_hash, password):
        raise Unauthenticated("wrong user name or password")
    return user


def authenticate(session: Session, secret: str, now: datetime) -> Principal:
    token = repo.token_by_hash(session, hash_token(secret))
    if token is None or token.revoked_at is not None:
        raise Unauthenticated("the API token is not valid; create one with 'tinnhiem token create'")
    if token.expires_at <= now:
        raise Unauthenticated("the API token has expired; create a new one")
    user = token.user
    if not user.active:
        raise Unauthenticated("the user of this token is disabled")
    scopes = frozenset(Scope(s) for s in token.scopes) & ROLE_SCOPES[user.role]
    return Principal(user.id, user.username, user.role, scopes)
