"""Tokens from a password, who am I, and user management for admins."""

from __future__ import annotations

from fastapi import APIRouter, Response

from ..deps import Admin, ClockDep, CurrentUser, LoginAttemptDep, ReadSessionDep, SessionDep, SettingsDep
from ..schemas.auth import LoginIn, MeOut, TokenInfo, TokenOut, UserCreated, UserIn, UserOut
from ..schemas.common import ERROR_RESPONSES
from ..services import auth

router = APIRouter(tags=["auth"], responses=ERROR_RESPONSES)


@router.post(
    "/auth/token", response_model=TokenOut, status_code=201, summary="Exchange a password for a token"
)
def login(
    body: LoginIn,
    attempt: LoginAttemptDep,
    read: ReadSessionDep,
    session: SessionDep,
    clock: ClockDep,
    settings: SettingsDep,
) -> TokenOut:
    # The password is checked outside the writing transaction: on SQLite, writers wait for no hash.
    with attempt.of(body.username):
        user = auth.login(read, body.username, body.password)
    token, secret = auth.create_token(
        session, user.username, clock.now(), days=body.days, max_days=settings.token_max_days, name="login"
    )
    return TokenOut(token=secret, scopes=token.scopes, expires_at=token.expires_at)


@router.get("/auth/tokens", response_model=list[TokenInfo], summary="The caller's own tokens (no secrets)")
def my_tokens(principal: CurrentUser, session: SessionDep) -> list[TokenInfo]:
    return [
        TokenInfo.model_validate(t).model_copy(update={"current": t.id == principal.token_id})
        for t in auth.tokens_of_user_id(session, principal.user_id)
    ]


@router.delete("/auth/tokens/{token_id}", status_code=204, summary="Revoke one of the caller's own tokens")
def revoke_my_token(token_id: str, principal: CurrentUser, session: SessionDep, clock: ClockDep) -> Response:
    auth.revoke_token(session, token_id, clock.now(), owner_id=principal.user_id)
    return Response(status_code=204)


@router.get("/me", response_model=MeOut, summary="The caller and the rights of its token")
def me(principal: CurrentUser) -> MeOut:
    return MeOut(username=principal.username, role=principal.role, scopes=sorted(principal.scopes))


@router.get("/users", response_model=list[UserOut], summary="All users (admin)")
def list_users(_: Admin, session: SessionDep) -> list[UserOut]:
    return [UserOut.model_validate(u) for u in auth.list_users(session)]


@router.post("/users", response_model=UserCreated, status_code=201, summary="Create a user (admin)")
def create_user(body: UserIn, _: Admin, session: SessionDep) -> UserCreated:
    user, password = auth.create_user(session, body.username, body.role, full_name=body.full_name)
    return UserCreated(**UserOut.model_validate(user).model_dump(), password=password)
