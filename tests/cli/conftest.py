"""``tinnhiem(*args)``: the command line as an operator types it, in-process, on an empty database."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from cli_runner import Tinnhiem
from click.testing import Result
from typer.testing import CliRunner

from app import cli
from app.settings import get_settings


@pytest.fixture
def tinnhiem(empty_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Tinnhiem]:
    monkeypatch.setenv("TINNHIEM_DATABASE_URL", empty_database_url)
    monkeypatch.setenv("TINNHIEM_ENVIRONMENT", "development")
    get_settings.cache_clear()

    def run(*args: str, **kwargs: Any) -> Result:
        return CliRunner().invoke(cli.cli, list(args), **kwargs)

    yield run
    get_settings.cache_clear()
