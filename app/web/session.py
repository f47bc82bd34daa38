"""Who is looking at a page: the session cookie, read on every page request."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from ..deps import ClockDep, ReadSessionDep
from ..errors import Unauthenticated
from ..services import sessions
from ..services.auth import Principal
from .csrf import SESSION_COOKIE


class LoginRequired(Exception):
    """A page needs a logged-in user: the handler sends the browser to /login and back."""


def optional_user(request: Request, read: ReadSessionDep, clock: ClockDep) -> Principal | None:
    # The read-only unit of work: on SQLite a POST page must not take the write lock just to learn
    # who is asking (its password check, if any, comes next and takes time).
    secret = request.cookies.get(SESSION_COOKIE)
    if not secret:
        return None
    try:
        return sessions.principal(read, secret, clock.now())
    except Unauthenticated:
        return None


def required_user(user: Annotated[Principal | None, Depends(optional_user)]) -> Principal:
    if user is None:
        raise LoginRequired
    return user


MaybeUser = Annotated[Principal | None, Depends(optional_user)]
PageUser = Annotated[Principal, Depends(required_user)]
