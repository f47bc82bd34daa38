"""Tokens from a password, who am I, and user management for admins."""

from __future__ import annotations

from fastapi import APIRouter

from ..deps import Admin, ClockDep, CurrentUser, SessionDep
from ..repositories import users as repo
from ..schemas.auth import LoginIn, MeOut, TokenOut, UserCreated, UserIn, UserOut
from ..schemas.common import ERROR_RESPONSES
from ..services import auth

router = APIRouter(tags=["auth"], responses=ERROR_RESPONSES)


@router.post(
    "/auth/token", response_model=TokenOut, status_code=201, summary="Exchange a password for a token"
)
def login(body: LoginIn, session: SessionDep, clock: ClockDep) -> TokenOut:
    user = auth.login(session, body.username, body.password)
    token, secret = auth.create_token(session, user.username, clock.now(), days=body.days, name="login")
    return TokenOut(token=secret, scopes=token.scopes, expires_at=token.expires_at)


@router.get("/me", response_model=MeOut, summary="The caller and the rights of its token")
def me(principal: CurrentUser) -> MeOut:
    return MeOut(username=principal.username, role=principal.role, scopes=sorted(principal.scopes))


@router.get("/users", response_model=list[UserOut], summary="All users (admin)")
def list_users(_: Admin, session: SessionDep) -> list[UserOut]:
    return [UserOut.model_validate(u) for u in repo.list_all(session)]


@router.post("/users", response_model=UserCreated, status_code=201, summary="Create a user (admin)")
def create_user(body: UserIn, _: Admin, session: SessionDep) -> UserCreated:
    user, password = auth.create_user(session, body.username, body.role, full_name=body.full_name)
    return UserCreated(**UserOut.model_validate(user).model_dump(), password=password)
