"""Key custody stays crypto only: app/sealing may use the core, cryptography and shamir-mnemonic, nothing
of the web or the database (the import-linter contract says the same; this test holds without it)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import app.sealing

CUSTODY = Path(app.sealing.__file__).resolve().parent
ALLOWED_TOP_LEVEL = set(sys.stdlib_module_names) | {"cryptography", "shamir_mnemonic", "ballots"}


def imported_modules(source: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"), filename=str(source))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def test_key_custody_imports_only_the_core_and_crypto_libraries() -> None:
    sources = sorted(CUSTODY.glob("*.py"))
    assert {s.name for s in sources} >= {"__init__.py", "shares.py", "keystore.py"}
    foreign = [
        f"{source.name}: {name}"
        for source in sources
        for name in imported_modules(source)
        if name.split(".")[0] not in ALLOWED_TOP_LEVEL
    ]
    assert foreign == []
