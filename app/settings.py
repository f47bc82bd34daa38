"""All configuration, read once from the environment (prefix ``TINNHIEM_``) or a ``.env`` file."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_SECRET = "dev-secret-change-me"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TINNHIEM_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = "sqlite:///./tinnhiem.db"
    secret_key: SecretStr = SecretStr(DEV_SECRET)
    token_days: int = Field(default=90, ge=1, le=3650)
    upload_max_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    import_max_bytes: int = Field(default=5 * 1024 * 1024, ge=1024)
    page_size_max: int = Field(default=200, ge=10)
    # A cheap argon2 cost so test suites stay fast; refused in production.
    fast_password_hashing: bool = False

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


@lru_cache
def get_settings() -> Settings:
    return Settings()
