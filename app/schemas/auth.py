from __future__ import annotations

from datetime import datetime

from pydantic import Field

from ..models.user import Role
from .common import Orm, Strict


class LoginIn(Strict):
    username: str = Field(examples=["tochuc"])
    password: str = Field(examples=["correct horse battery"])
    days: int = Field(default=30, ge=1, le=3650, description="At most TINNHIEM_TOKEN_MAX_DAYS (90).")


class TokenOut(Strict):
    token: str = Field(description="Shown once; send it as 'Authorization: Bearer <token>'.")
    scopes: list[str]
    expires_at: datetime


class TokenInfo(Orm):
    """A token as its owner sees it later: never the secret, nor its hash."""

    id: str
    name: str
    scopes: list[str]
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    current: bool = Field(default=False, description="The token this request was sent with.")


class UserIn(Strict):
    username: str = Field(examples=["kiemphieu1"])
    full_name: str = Field(default="", examples=["Nguyễn Văn An"])
    role: Role = Field(examples=["committee"])


class UserOut(Orm):
    id: str
    username: str
    full_name: str
    role: Role
    active: bool


class UserCreated(UserOut):
    password: str = Field(description="Generated; shown once.")


class MeOut(Strict):
    username: str
    role: Role
    scopes: list[str]
