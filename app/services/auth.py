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
    DEFAULT_EXCLUDED,
    ROLE_SCOPES,
    WEB_SESSION,
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
    token_id: str = ""


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
    password = _acceptable(password or generate_password())
    user = User(username=username, role=role, full_name=full_name, password_hash=hash_password(password))
    return common.add(session, user), password


def _acceptable(password: str) -> str:
    if len(password) < 10:
        raise InvalidInput("a password needs at least 10 characters")
    return password


def _user(session: Session, username: str) -> User:
    user = repo.by_username(session, username.strip().lower())
    if user is None:
        raise NotFound(f"no user named '{username}'", details={"username": username})
    return user


def set_active(session: Session, username: str, active: bool) -> User:
    """A disabled user's tokens stop working at once (``authenticate`` checks the user each time)."""
    user = _user(session, username)
    user.active = active
    session.flush()
    return user


def set_password(
    session: Session, username: str, now: datetime, *, password: str | None = None, keep_tokens: bool = False
) -> tuple[User, str, int]:
    """A new password (generated when none is given); unless told otherwise, the user's tokens are
    revoked, since a password is usually changed because the old one may be known.
    Returns the user, the password and how many tokens were revoked."""
    user = _user(session, username)
    password = _acceptable(password or generate_password())
    user.password_hash = hash_password(password)
    revoked = 0 if keep_tokens else repo.revoke_tokens_of(session, user.id, now)
    session.flush()
    return user, password, revoked


def tokens_of(session: Session, username: str) -> list[ApiToken]:
    return repo.tokens_of(session, _user(session, username).id)


def tokens_of_user_id(session: Session, user_id: str) -> list[ApiToken]:
    return repo.tokens_of(session, user_id)


def revoke_token(session: Session, token_id: str, now: datetime, *, owner_id: str | None = None) -> ApiToken:
    """Revoke one token (``owner_id``: only if it is that user's; another's is "not found", so ids
    of other people's tokens cannot be probed). Revoking twice changes nothing."""
    token = repo.token_by_id(session, token_id)
    if token is None or (owner_id is not None and token.user_id != owner_id):
        raise NotFound(f"no token with id '{token_id}'", details={"token_id": token_id})
    if token.revoked_at is None:
        token.revoked_at = now
        session.flush()
    return token


def list_users(session: Session) -> list[User]:
    return list(repo.list_all(session))


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
    max_days: int = 90,
    name: str = "",
) -> tuple[ApiToken, str]:
    """Issue a token; without scopes it carries the rights of the user's role."""
    user = _user(session, username)
    wanted = parse_scopes(scopes) or ROLE_SCOPES[user.role] - DEFAULT_EXCLUDED
    beyond = wanted - ROLE_SCOPES[user.role]
    if beyond:
        raise InvalidInput(
            f"role '{user.role.value}' cannot hold scope(s): {', '.join(sorted(beyond))}",
            details={"role": user.role.value, "refused": sorted(beyond)},
        )
    if not 1 <= days <= max_days:
        raise InvalidInput(
            f"a token lives between 1 and {max_days} days (the limit is TINNHIEM_TOKEN_MAX_DAYS); "
            "ask for fewer days",
            details={"days": days, "max_days": max_days},
        )
    if name == WEB_SESSION:
        raise InvalidInput(f"the token name '{WEB_SESSION}' is kept for web-page sessions; choose another")
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
    # The password is checked even for an unknown or disabled user (against a dummy hash for an
    # unknown one), so neither answers sooner than a wrong password and names cannot be guessed.
    matches = verify_password(user.password_hash if user else None, password)
    if user is None or not user.active or not matches:
        raise Unauthenticated("wrong user name or password")
    return user


def authenticate(session: Session, secret: str, now: datetime, *, web: bool = False) -> Principal:
    """The caller of a bearer token, or (``web``) of a page session's cookie."""
    token = repo.token_by_hash(session, hash_token(secret))
    if token is None or token.revoked_at is not None or (token.name == WEB_SESSION) != web:
        raise Unauthenticated("the API token is not valid; create one with 'tinnhiem token create'")
    if token.expires_at <= now:
        raise Unauthenticated("the API token has expired; create a new one")
    user = token.user
    if not user.active:
        raise Unauthenticated("the user of this token is disabled")
    scopes = frozenset(Scope(s) for s in token.scopes) & ROLE_SCOPES[user.role]
    return Principal(user.id, user.username, user.role, scopes, token.id)
