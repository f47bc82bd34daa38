"""The ``tinnhiem`` command as an operator types it, against real SQLite and PostgreSQL databases."""

from __future__ import annotations

import subprocess
import sys

import pytest
from cli_runner import Tinnhiem


def test_the_installed_command_starts_and_lists_its_commands() -> None:
    # One real process: the console entry point itself, with nothing mocked.
    result = subprocess.run(
        [sys.executable, "-c", "from app.cli import main; main()", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0
    for command in ("serve", "db", "user", "token", "demo"):
        assert command in result.stdout


def test_an_admin_adds_a_user_and_issues_tokens(tinnhiem: Tinnhiem) -> None:
    assert tinnhiem("db", "upgrade").exit_code == 0
    added = tinnhiem("user", "add", "tochuc", "--role", "organizer")
    assert added.exit_code == 0, added.stderr
    password = added.stdout.strip().splitlines()[-1]
    assert len(password) >= 12

    token = tinnhiem("token", "create", "--user", "tochuc")
    assert token.exit_code == 0, token.stderr
    lines = token.stdout.strip().splitlines()
    assert lines[-1].startswith("tn_") and " " not in lines[-1]
    assert "read, write" in lines[0]

    narrow = tinnhiem("token", "create", "--user", "tochuc", "--scope", "read")
    assert "scopes read," in narrow.stdout.strip().splitlines()[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("token", "create", "--user", "nobody"), "no user named 'nobody'"),
        (("user", "add", "Bad Name!", "--role", "observer"), "a user name is"),
    ],
)
def test_mistakes_get_a_clear_message_and_a_failing_exit_code(
    tinnhiem: Tinnhiem, args: tuple[str, ...], message: str
) -> None:
    result = tinnhiem(*args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_token_cannot_exceed_the_role(tinnhiem: Tinnhiem) -> None:
    tinnhiem("user", "add", "giamsat", "--role", "observer")
    result = tinnhiem("token", "create", "--user", "giamsat", "--scope", "write")
    assert result.exit_code == 2
    assert "cannot hold scope" in result.stderr
    again = tinnhiem("user", "add", "giamsat", "--role", "observer")
    assert again.exit_code == 2 and "already exists" in again.stderr
