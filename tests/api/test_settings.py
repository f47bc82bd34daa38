from __future__ import annotations

import pytest
from pydantic import SecretStr, ValidationError

from app.settings import Settings


@pytest.fixture(autouse=True)
def production_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite turns on cheap hashing for itself; these tests read settings as production would."""
    monkeypatch.delenv("TINNHIEM_FAST_PASSWORD_HASHING", raising=False)


def test_the_default_database_is_a_sqlite_file_in_the_working_directory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("TINNHIEM_DATABASE_URL", raising=False)
    assert Settings(_env_file=None).database_url == "sqlite:///./tinnhiem.db"  # type: ignore[call-arg]


def test_settings_are_read_from_prefixed_environment_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TINNHIEM_DATABASE_URL", "postgresql://postgres@127.0.0.1/test")
    assert Settings().database_url == "postgresql://postgres@127.0.0.1/test"


@pytest.mark.parametrize("environment", ["production", "test"])
def test_the_default_secret_is_refused_outside_development(environment: str) -> None:
    with pytest.raises(ValidationError, match="TINNHIEM_SECRET_KEY"):
        Settings(environment=environment)  # type: ignore[arg-type]


def test_a_short_secret_is_refused_in_production() -> None:
    with pytest.raises(ValidationError, match="at least 32"):
        Settings(environment="production", secret_key=SecretStr("short"))


def test_the_secret_never_shows_in_a_printout() -> None:
    settings = Settings(environment="production", secret_key=SecretStr("s" * 40))
    assert "s" * 40 not in repr(settings)


def test_cheap_password_hashing_is_refused_in_production() -> None:
    with pytest.raises(ValidationError, match="refused in production"):
        Settings(environment="production", secret_key=SecretStr("s" * 40), fast_password_hashing=True)


def test_a_login_rate_must_be_written_as_the_limits_notation() -> None:
    with pytest.raises(ValidationError, match="'ten per minute' is not a rate"):
        Settings(login_rate_per_user="ten per minute")
    assert Settings(login_rate_per_address="100/hour").login_rate_per_address == "100/hour"


def test_a_token_lives_at_most_ninety_days_unless_configured() -> None:
    assert Settings().token_max_days == 90
    with pytest.raises(ValidationError):
        Settings(token_max_days=0)
