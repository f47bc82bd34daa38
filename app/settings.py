"""All configuration, read once from the environment (prefix ``TINNHIEM_``) or a ``.env`` file."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from limits import parse
from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_SECRET = "dev-secret-change-me"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TINNHIEM_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = "sqlite:///./tinnhiem.db"
    secret_key: SecretStr = SecretStr(DEV_SECRET)
    # The longest a token may live, whether asked for at login or with `tinnhiem token create`.
    token_max_days: int = Field(default=90, ge=1, le=3650)
    upload_max_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    import_max_bytes: int = Field(default=5 * 1024 * 1024, ge=1024)
    # Any other request body (JSON, form fields beside a file): refused while it is being read.
    body_max_bytes: int = Field(default=1024 * 1024, ge=1024)
    # Login attempts, in the `limits` notation ("10/minute", "100/hour"): every attempt counts per
    # client address, failed ones per user name (so an attacker cannot lock a person out for long).
    login_rate_per_address: str = "30/minute"
    login_rate_per_user: str = "10/minute"
    # Voting codes refused (unknown, spent, or spent with other choices), per client address and per
    # round: codes cannot be probed. Accepted codes are not counted, so a hall behind one address votes.
    code_rate_per_address: str = "20/minute"
    code_rate_per_round: str = "200/minute"
    # argon2 takes 64 MiB per hash: this many at once, the others wait their turn.
    password_hash_concurrency: int = Field(default=2, ge=1, le=64)
    page_size_max: int = Field(default=200, ge=10)
    # Requests that write at once in one worker; the rest wait their turn without holding a thread
    # (the thread pool has 40), so a burst never starves the commits of those holding locks.
    write_concurrency: int = Field(default=16, ge=1, le=32)
    # The address voters reach the service at: the slips print it and their QR codes open
    # <public_url>/bo-phieu/<round id>?code=... (at most 80 characters with that path).
    public_url: str = "http://127.0.0.1:8000"
    # A cheap argon2 cost so test suites stay fast; refused in production.
    fast_password_hashing: bool = False

    @field_validator(
        "login_rate_per_address", "login_rate_per_user", "code_rate_per_address", "code_rate_per_round"
    )
    @classmethod
    def _a_rate(cls, value: str) -> str:
        try:
            parse(value)
        except ValueError as exc:
            raise ValueError(f"'{value}' is not a rate such as '10/minute' or '100/hour'") from exc
        return value

    @field_validator("public_url")
    @classmethod
    def _an_address(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")) or "?" in value or "#" in value:
            raise ValueError(f"'{value}' is not an http(s) address such as 'https://tinnhiem.example.gov.vn'")
        return value.rstrip("/")

    @model_validator(mode="after")
    def _refuse_default_secrets(self) -> Settings:
        if self.environment == "production" and self.fast_password_hashing:
            raise ValueError("TINNHIEM_FAST_PASSWORD_HASHING is for tests; it is refused in production")
        if self.environment == "development":
            return self
        secret = self.secret_key.get_secret_value()
        if secret == DEV_SECRET:
            raise ValueError(f"TINNHIEM_SECRET_KEY must be set to a secret of your own in {self.environment}")
        if len(secret) < 32:
            raise ValueError("TINNHIEM_SECRET_KEY must be at least 32 characters outside development")
        return self

    def secret_bytes(self) -> bytes:
        """The service secret as the key derivations take it (codes, round keys, receipt boxes)."""
        return self.secret_key.get_secret_value().encode()


@lru_cache
def get_settings() -> Settings:
    return Settings()
