"""Logging in and out, and changing one's password."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ballots.errors import InvalidInput

from ..deps import ClockDep, LoginAttemptDep, ReadSessionDep, SessionDep
from ..errors import TooManyRequests, Unauthenticated
from ..services import auth, sessions
from ..services import plans as plans_service
from . import csrf
from .csrf import FORM_COOKIE, SESSION_COOKIE, CsrfChecked
from .render import page, set_cookie
from .session import MaybeUser, PageUser

router = APIRouter(include_in_schema=False)
Field = Annotated[str, Form()]
TOO_MANY = "Thử quá nhiều lần. Hãy đợi {n} giây rồi thử lại."


# A path of this service: one slash, then no slash or backslash; no whitespace or control character
# anywhere, since browsers drop tabs and newlines ("/\t/evil.example" would become "//evil.example").
LOCAL_PATH = re.compile(r"/(?![/\\])[^\s\\\x00-\x1f\x7f]*")


def safe_next(target: str) -> str:
    """Only a path of this service: an open redirect would lend our name to a phishing link."""
    return target if LOCAL_PATH.fullmatch(target) else "/"


@router.get("/")
def home(user: MaybeUser, read: ReadSessionDep) -> RedirectResponse:
    if user is None:
        return RedirectResponse("/login", status_code=303)
    if user.role.value == "committee":  # their rounds are their whole work here
        return RedirectResponse("/conference", status_code=303)
    newest = plans_service.newest_id(read)
    return RedirectResponse(f"/plans/{newest}" if newest else "/plans", status_code=303)


def _login_page(request: Request, next_: str, status: int = 200, **context: object) -> HTMLResponse:
    fresh = None if csrf.form_key(request) else csrf.new_form_key()
    response = page(request, "login.html", {"next": next_, **context}, status_code=status, form_key=fresh)
    if fresh:
        set_cookie(request, response, FORM_COOKIE, fresh, None)
    return response


@router.get("/login", response_model=None)
def login_form(request: Request, user: MaybeUser, next: str = "/") -> Response:
    if user is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return _login_page(request, safe_next(next))


@router.post("/login", response_model=None)
def login(
    request: Request,
    _: CsrfChecked,
    attempt: LoginAttemptDep,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
    username: Field = "",
    password: Field = "",
    next: Field = "/",
) -> Response:
    if not username.strip() or not password:
        return _login_page(request, next, 422, error="Hãy nhập tên đăng nhập và mật khẩu.", username=username)
    try:
        # The API's limits and its constant-time check, outside the writing transaction.
        with attempt.of(username):
            user = auth.login(read, username, password)
    except Unauthenticated:
        return _login_page(request, next, 401, error="Sai tên đăng nhập hoặc mật khẩu.", username=username)
    except TooManyRequests as exc:
        return _login_page(request, next, 429, error=TOO_MANY, wait=exc.retry_after, username=username)
    secret = sessions.start(session, user, clock.now())
    response = RedirectResponse(safe_next(next), status_code=303)
    # A new random session at every login: a cookie planted before login is never promoted.
    set_cookie(request, response, SESSION_COOKIE, secret, int(sessions.LIFETIME.total_seconds()))
    response.delete_cookie(FORM_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(request: Request, _: CsrfChecked, session: SessionDep, clock: ClockDep) -> RedirectResponse:
    secret = request.cookies.get(SESSION_COOKIE)
    if secret:
        sessions.end(session, secret, clock.now())
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/password")
def password_form(request: Request, user: PageUser) -> HTMLResponse:
    return page(request, "password.html", user=user)


@router.post("/password")
def change_password(
    request: Request,
    _: CsrfChecked,
    user: PageUser,
    attempt: LoginAttemptDep,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
    current: Field = "",
    new: Field = "",
    again: Field = "",
) -> HTMLResponse:
    def refused(message: str, status: int, **more: object) -> HTMLResponse:
        return page(request, "password.html", {"error": message, **more}, user=user, status_code=status)

    try:
        sessions.check_new_password(new, again)
        with attempt.of(user.username):
            auth.login(read, user.username, current)
    except Unauthenticated:
        return refused("Mật khẩu hiện tại không đúng.", 401)
    except TooManyRequests as exc:
        return refused(TOO_MANY, 429, wait=exc.retry_after)
    except InvalidInput as exc:
        return refused(exc.message_vi, 422)
    secret = sessions.change_password(session, user.username, new, clock.now())
    # The page's forms are bound to the new session, whose cookie this same answer sets.
    response = page(request, "password.html", {"done": True}, user=user, form_key=secret)
    set_cookie(request, response, SESSION_COOKIE, secret, int(sessions.LIFETIME.total_seconds()))
    return response
