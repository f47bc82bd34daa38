"""The rule core stays pure: it loads no web or database framework and imports nothing from the shell."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import ballots

FRAMEWORKS = {"fastapi", "starlette", "sqlalchemy", "pydantic", "jinja2", "alembic", "psycopg", "app"}
CORE = Path(ballots.__file__).resolve().parent


def test_importing_the_core_loads_no_framework() -> None:
    code = (
        "import sys, ballots, ballots.eligibility, ballots.calendar, ballots.ballot, ballots.tally;"
        "print(sorted({m.split('.')[0] for m in sys.modules}))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert not FRAMEWORKS & set(ast.literal_eval(loaded))


def test_the_core_imports_only_the_standard_library_cryptography_and_itself() -> None:
    allowed = set(sys.stdlib_module_names) | {"cryptography", "ballots"}
    foreign = []
    for source in CORE.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            foreign += [f"{source.name}: {n}" for n in names if n.split(".")[0] not in allowed]
    assert foreign == []
