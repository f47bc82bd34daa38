"""Before/after figures for racing writes, on SQLite and PostgreSQL.

    .venv/bin/python tests/benchmarks/concurrency.py
    PYTHONPATH=OLD .venv/bin/python tests/benchmarks/concurrency.py --source OLD

``--source`` serves another checkout of the app (e.g. ``git archive 6d653a0`` unpacked in OLD)
with the same scenarios, so the same requests measure the code before and after a change; with
PYTHONPATH=OLD its own migrations build the database too.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "concurrency"))

from live import add_users, fresh_database, serve
from scenarios import (
    cadre_imports,
    logins,
    proposals,
    roster_additions,
    roster_imports,
    same_plan_number,
    same_top_level_unit,
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", type=Path, default=None, help="serve the app from this checkout")
    parser.add_argument("--backend", action="append", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    for backend in args.backend or ["sqlite", "postgresql"]:
        with tempfile.TemporaryDirectory() as tmp, fresh_database(backend, Path(tmp)) as url:
            users = [f"user{i}" for i in range(15)]
            token, *_ = add_users(url, users)
            with serve(url, Path(tmp) / "server.log", source=args.source) as base:
                started = time.monotonic()
                roster = roster_additions(base, token, 40)
                login = logins(base, users)
                places = [proposals(base, token, 5, 5) for _ in range(3)]
                places20 = proposals(base, token, 20, 5)
                imports = cadre_imports(base, token, 20, 3)
                rosters = roster_imports(base, token, 10, 5)
                units = same_top_level_unit(base, token, 10)
                plans = same_plan_number(base, token, 10)
                elapsed = time.monotonic() - started
            print(f"== {backend} ({elapsed:.1f} s)")
            print(
                f"40 roster additions: {40 - roster.count(201)} errors {sorted(set(roster.statuses))}, "
                f"{roster.left} distinct positions"
            )
            print(f"15 logins: {15 - login.count(201)} errors {sorted(set(login.statuses))}")
            print(f"5 proposals of one cadre to 5 rounds (x3): places left {[p.left for p in places]}")
            print(
                f"20 proposals to 5 rounds: places left {places20.left}, statuses "
                f"{sorted(set(places20.statuses))}"
            )
            print(
                f"20 imports of 3 people: stored {imports.left} (3 expected), statuses "
                f"{sorted(set(imports.statuses))}"
            )
            print(
                f"10 imports of one roster of 5: on the roster {rosters.left}, statuses "
                f"{sorted(set(rosters.statuses))}"
            )
            print(f"10 same top-level unit: stored {units.left}, statuses {sorted(units.statuses)}")
            print(f"10 same plan number: stored {plans.left}, statuses {sorted(plans.statuses)}")


if __name__ == "__main__":
    main()
