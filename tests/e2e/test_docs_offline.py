"""/docs in a real headless Chromium: every operation is listed, with nothing loaded from outside."""

from __future__ import annotations

import json
import subprocess
import urllib.request
from collections.abc import Iterator

import pytest
from browser import CHROMIUM, needs_chromium
from live_server import serve

from app.migrate import upgrade

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    database = f"sqlite:///{tmp_path_factory.mktemp('docs') / 'docs.db'}"
    upgrade(database)
    with serve(database) as base:
        yield base


def render(url: str) -> tuple[str, str]:
    """The page's DOM after its scripts ran, and the browser's console log."""
    result = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=8000",
         "--enable-logging=stderr", "--v=0", "--dump-dom", url],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return result.stdout, result.stderr


def test_swagger_ui_lists_every_operation_under_its_content_security_policy(served: str) -> None:
    with urllib.request.urlopen(f"{served}/openapi.json") as response:
        spec = json.load(response)
    operations = sum(len(methods) for methods in spec["paths"].values())
    dom, console = render(f"{served}/docs")
    assert dom.count('class="opblock-summary-path"') >= operations
    assert "Content Security Policy" not in console


def test_redoc_renders_without_fetching_from_outside(served: str) -> None:
    dom, console = render(f"{served}/redoc")
    assert "operation-type" in dom
    # ReDoc's footer asks for its logo on cdn.redoc.ly: the policy blocks it, and nothing else.
    blocked = [line for line in console.splitlines() if "Content Security Policy" in line]
    assert all("cdn.redoc.ly/redoc/logo-mini.svg" in line for line in blocked)
