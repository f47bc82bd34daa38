"""Revoking tokens, disabling users and resetting passwords from the command line; the serve line.

Run in-process through the shared ``tinnhiem`` fixture (tests/cli/conftest.py).
"""

from __future__ import annotations

import pytest
from cli_runner import Tinnhiem
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from app import cli
from app.clock import Clock
from app.db import make_engine
from app.errors import Unauthenticated
from app.services import auth
from app.settings import get_settings


def authenticates(database_url: str, secret: str) -> bool:
    engine = make_engine(database_url)
    try:
        with Session(engine) as session:
            auth.authenticate(session, secret, Clock().now())
        return True
    except Unauthenticated:
        return False
    finally:
        engine.dispose()


def test_a_revoked_token_and_a_disabled_user_stop_working_at_once(
    tinnhiem: Tinnhiem, empty_database_url: str
) -> None:
    url = empty_database_url
    assert tinnhiem("user", "add", "tochuc", "--role", "organizer").exit_code == 0
    created = tinnhiem("token", "create", "--user", "tochuc", "--name", "script").stdout.splitlines()
    token_id, secret = created[0].split()[1], created[-1]
    assert authenticates(url, secret)

    listed = tinnhiem("token", "list", "--user", "tochuc").stdout
    assert token_id in listed and "script" in listed and secret not in listed
    revoked = tinnhiem("token", "revoke", token_id)
    assert revoked.exit_code == 0 and "revoked" in revoked.stdout
    assert not authenticates(url, secret)

    fresh = tinnhiem("token", "create", "--user", "tochuc").stdout.splitlines()[-1]
    assert tinnhiem("user", "disable", "tochuc").exit_code == 0
    assert not authenticates(url, fresh)
    assert tinnhiem("user", "enable", "tochuc").exit_code == 0
    assert authenticates(url, fresh)


def test_a_new_password_is_printed_once_or_typed_and_ends_the_old_tokens(
    tinnhiem: Tinnhiem, empty_database_url: str
) -> None:
    url = empty_database_url
    tinnhiem("user", "add", "kiemphieu", "--role", "committee")
    secret = tinnhiem("token", "create", "--user", "kiemphieu").stdout.splitlines()[-1]
    changed = tinnhiem("user", "password", "kiemphieu")
    assert changed.exit_code == 0 and "1 token(s) revoked" in changed.stdout
    generated = changed.stdout.splitlines()[-1]
    assert len(generated) >= 12 and not authenticates(url, secret)

    engine = make_engine(url)
    with Session(engine) as session:
        assert auth.login(session, "kiemphieu", generated).username == "kiemphieu"
    engine.dispose()


def test_a_typed_password_is_read_from_a_hidden_prompt(tinnhiem: Tinnhiem, empty_database_url: str) -> None:
    tinnhiem("user", "add", "giamsat", "--role", "observer")
    typed = "mat-khau-moi-rat-dai"
    result = tinnhiem("user", "password", "giamsat", "--prompt", input=f"{typed}\n{typed}\n")
    assert result.exit_code == 0, result.output
    assert typed not in result.output  # neither echoed nor printed back
    engine = make_engine(empty_database_url)
    with Session(engine) as session:
        assert auth.login(session, "giamsat", typed).username == "giamsat"
    engine.dispose()


def test_a_token_longer_than_the_limit_is_refused_with_the_setting_named(tinnhiem: Tinnhiem) -> None:
    tinnhiem("user", "add", "tochuc", "--role", "organizer")
    result = tinnhiem("token", "create", "--user", "tochuc", "--days", "3650")
    assert result.exit_code == 2 and "TINNHIEM_TOKEN_MAX_DAYS" in result.stderr


def test_revoking_an_unknown_token_is_a_clear_error(tinnhiem: Tinnhiem) -> None:
    result = tinnhiem("token", "revoke", "no-such-id")
    assert result.exit_code == 2 and "no token with id" in result.stderr


def test_serve_prints_the_database_url_without_its_password(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    monkeypatch.setenv("TINNHIEM_DATABASE_URL", "postgresql://tochuc:s3cret-Pa55@db.example/tinnhiem")
    monkeypatch.setattr(cli.migrate, "upgrade", lambda *_args: None)
    monkeypatch.setattr(uvicorn, "run", lambda *_args, **_kwargs: None)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli.cli, ["serve"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert "s3cret-Pa55" not in result.output and "tochuc:***@db.example" in result.output
