"""The live server the concurrency tests race against: one per database per run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from live import Live, add_users, fresh_database, serve

LOGIN_USERS = [f"dangnhap{i}" for i in range(15)]


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def live(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    directory = tmp_path_factory.mktemp("live")
    with fresh_database(request.param, directory) as url:
        token, *_ = add_users(url, ["tochuc", *LOGIN_USERS])
        log = directory / "server.log"
        with serve(url, log) as base:
            yield Live(base, token, LOGIN_USERS, log)
