"""Page tests run over https: outside development the session cookie is Secure, and a client
speaking plain http would (rightly) never send it back."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx2 import URL

# The builders of rows live once, beside the API tests (tests/api/model_builders.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "api"))


@pytest.fixture
def pages(client: TestClient) -> Iterator[TestClient]:
    before = client.base_url
    client.base_url = URL("https://testserver")
    try:
        yield client
    finally:
        client.base_url = before
        client.cookies.clear()
