"""Web-page sessions: an API token named ``web-session`` that lives a working day and is sent as a
cookie instead of a bearer header.

Reusing the token table keeps one way of storing secrets (hashed, revocable, listed to their owner
and revoked with them when the password changes) and needs no table of its own.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from ballots.errors import InvalidInput

from ..models.user import ApiToken, User
from ..repositories import common
from ..repositories import users as repo
from ..security import DEFAULT_EXCLUDED, ROLE_SCOPES, WEB_SESSION, generate_token, hash_token
from . import auth
from .auth import Principal

# Long enough for a working day at the pages, short enough that a forgotten browser closes itself.
LIFETIME = timedelta(hours=12)
PASSWORD_MIN = 10


def start(session: Session, user: User, now: datetime) -> str:
    """A new session for ``user``; returns the secret for the cookie (only its hash is stored).

    The user's spent sessions go at the same time: one row per login would otherwise pile up in
    their token list for ever; a spent session has nothing left to audit."""
    repo.delete_spent_tokens_named(session, user.id, WEB_SESSION, now)
    secret = generate_token()
    common.add(
        session,
        ApiToken(
            user_id=user.id,
            token_hash=hash_token(secret),
            name=WEB_SESSION,
            scopes=sorted(s.value for s in ROLE_SCOPES[user.role] - DEFAULT_EXCLUDED),
            expires_at=now + LIFETIME,
        ),
    )
    return secret


def principal(session: Session, secret: str, now: datetime) -> Principal:
    return auth.authenticate(session, secret, now, web=True)


def end(session: Session, secret: str, now: datetime) -> None:
    """Log out: the session's token is revoked; an unknown or spent one changes nothing."""
    token = repo.token_by_hash(session, hash_token(secret))
    if token is not None and token.name == WEB_SESSION and token.revoked_at is None:
        token.revoked_at = now
        session.flush()


def check_new_password(new: str, again: str) -> None:
    """The page's own checks, said in Vietnamese first (the form shows ``message_vi``)."""
    if new != again:
        raise InvalidInput(
            "the two new passwords differ", message_vi="Hai lần nhập mật khẩu mới không giống nhau."
        )
    if len(new) < PASSWORD_MIN:
        raise InvalidInput(
            f"a password needs at least {PASSWORD_MIN} characters",
            message_vi=f"Mật khẩu mới cần ít nhất {PASSWORD_MIN} ký tự.",
        )


def change_password(session: Session, username: str, new: str, now: datetime) -> str:
    """Set the password, revoke every token and session of the user (the old password may be known),
    and start a fresh session for the browser that changed it; returns its secret."""
    user, _, _ = auth.set_password(session, username, now, password=new)
    return start(session, user, now)
