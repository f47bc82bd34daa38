"""The layers stay pure: the rule core loads no web or database framework and imports nothing from the
shell; the key custody (app/sealing) imports only the core and crypto libraries."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import ballots

FRAMEWORKS = {
    "fastapi",
    "starlette",
    "sqlalchemy",
    "pydantic",
    "pydantic_settings",
    "jinja2",
    "alembic",
    "psycopg",
    "uvicorn",
    "typer",
    "openpyxl",
    "app",
}
CORE = Path(ballots.__file__).resolve().parent
ALLOWED_TOP_LEVEL = set(sys.stdlib_module_names) | {"cryptography", "ballots"}


def test_importing_the_core_loads_no_framework() -> None:
    code = (
        "import json, sys\n"
        "import ballots, ballots.eligibility, ballots.calendar, ballots.ballot, ballots.tally\n"
        "import ballots.codes, ballots.sealing\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=CORE.parent
    )
    loaded = {name.split(".")[0] for name in json.loads(run.stdout)}
    assert "ballots" in loaded
    assert FRAMEWORKS & loaded == set()


def imported_modules(source: Path) -> list[str]:
    """Every absolute module a file imports; relative imports (``from .x import y``) stay in the core."""
    names: list[str] = []
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"), filename=str(source))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def test_the_import_scan_sees_every_kind_of_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os, fastapi.routing\nfrom sqlalchemy import select\nfrom .levels import Level\n"
    )
    assert imported_modules(sample) == ["os", "fastapi.routing", "sqlalchemy"]


def test_the_core_imports_only_the_standard_library_cryptography_and_itself() -> None:
    sources = sorted(CORE.glob("*.py"))
    assert {s.name for s in sources} >= {
        "__init__.py",
        "levels.py",
        "errors.py",
        "eligibility.py",
        "calendar.py",
        "ballot.py",
        "tally.py",
        "codes.py",
        "sealing.py",
    }
    foreign = [
        f"{source.name}: {name}"
        for source in sources
        for name in imported_modules(source)
        if name.split(".")[0] not in ALLOWED_TOP_LEVEL
    ]
    assert foreign == []


def test_key_custody_imports_only_the_core_and_crypto_libraries() -> None:
    """app/sealing holds round keys and committee shares: no web or database code may reach them."""
    import app.sealing

    custody = Path(app.sealing.__file__).resolve().parent
    allowed = ALLOWED_TOP_LEVEL | {"shamir_mnemonic"}
    sources = sorted(custody.glob("*.py"))
    assert {s.name for s in sources} >= {"__init__.py", "shares.py", "keystore.py"}
    foreign = [
        f"{source.name}: {name}"
        for source in sources
        for name in imported_modules(source)
        if name.split(".")[0] not in allowed
    ]
    assert foreign == []
