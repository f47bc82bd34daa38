"""The ``tinnhiem`` command as an operator types it, against real SQLite and PostgreSQL databases."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def tinnhiem(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TINNHIEM_DATABASE_URL": database_url, "TINNHIEM_ENVIRONMENT": "development"}
    return subprocess.run(
        [sys.executable, "-c", "from app.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_help_lists_the_commands() -> None:
    result = tinnhiem("sqlite://", "--help")
    assert result.returncode == 0
    for command in ("serve", "db", "user", "token"):
        assert command in result.stdout


def test_an_admin_adds_a_user_and_issues_tokens(empty_database_url: str) -> None:
    assert tinnhiem(empty_database_url, "db", "upgrade").returncode == 0
    added = tinnhiem(empty_database_url, "user", "add", "tochuc", "--role", "organizer")
    assert added.returncode == 0, added.stderr
    password = added.stdout.strip().splitlines()[-1]
    assert len(password) >= 12

    token = tinnhiem(empty_database_url, "token", "create", "--user", "tochuc")
    assert token.returncode == 0, token.stderr
    lines = token.stdout.strip().splitlines()
    assert lines[-1].startswith("tn_") and " " not in lines[-1]
    assert "read, write" in lines[0]

    narrow = tinnhiem(empty_database_url, "token", "create", "--user", "tochuc", "--scope", "read")
    assert "scopes read," in narrow.stdout.strip().splitlines()[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("token", "create", "--user", "nobody"), "no user named 'nobody'"),
        (("user", "add", "Bad Name!", "--role", "observer"), "a user name is"),
    ],
)
def test_mistakes_get_a_clear_message_and_a_failing_exit_code(
    empty_database_url: str, args: tuple[str, ...], message: str
) -> None:
    result = tinnhiem(empty_database_url, *args)
    assert result.returncode == 2
    assert message in result.stderr


def test_a_token_cannot_exceed_the_role(empty_database_url: str) -> None:
    tinnhiem(empty_database_url, "user", "add", "giamsat", "--role", "observer")
    result = tinnhiem(empty_database_url, "token", "create", "--user", "giamsat", "--scope", "write")
    assert result.returncode == 2
    assert "cannot hold scope" in result.stderr
    again = tinnhiem(empty_database_url, "user", "add", "giamsat", "--role", "observer")
    assert again.returncode == 2 and "already exists" in again.stderr
