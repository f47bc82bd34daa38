"""Organizer endpoints on a province-sized plan, against a bare endpoint reading the same rows.

    .venv/bin/python tests/benchmarks/organizer.py [--db sqlite|postgresql|both] [--label before]

Builds the plan of ``organizer_plan`` in a fresh SQLite file and a fresh PostgreSQL database,
serves the real app with uvicorn on a free local port (one worker), and times each endpoint with 1
and 16 keep-alive clients. Target (design.md): every endpoint under 100 ms at p50 with one client.
Prints a table and writes JSON to tests/benchmarks/results/.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.db import make_engine
from app.migrate import upgrade

RESULTS = Path(__file__).parent / "results"
POSTGRES_URL = os.environ.get(
    "TINNHIEM_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
CLIENTS = (1, 16)
# Enough samples for a stable p95 without holding two shared cores for minutes.
MAX_REQUESTS, MAX_SECONDS = 80, 8.0


def serve(url: str, port: int) -> None:
    """The real app plus one bare endpoint: the same rows as the dashboard, read in one SELECT."""
    import uvicorn
    from organizer_plan import NOW
    from pydantic import SecretStr

    from app.clock import Clock
    from app.main import create_app
    from app.models import Cadre, Candidate, Round
    from app.settings import Settings

    settings = Settings(
        environment="test", database_url=url, secret_key=SecretStr("b" * 40), fast_password_hashing=True
    )
    app = create_app(settings, clock=Clock(fixed=NOW))

    @app.get("/bench/bare/{plan_id}")
    def bare(plan_id: str) -> list[dict[str, Any]]:
        stmt = (
            select(Round.id, Round.title, Round.vote_date, Round.status, Cadre.full_name, Candidate.eligible)
            .join(Candidate, Candidate.round_id == Round.id, isouter=True)
            .join(Cadre, Cadre.id == Candidate.cadre_id, isouter=True)
            .where(Round.plan_id == plan_id)
        )
        with app.state.engine.connect() as conn:
            return [dict(r) for r in conn.execute(stmt).mappings()]

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def database(kind: str, tmp: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp / 'organizer.db'}"
    admin = make_url(POSTGRES_URL).set(drivername="postgresql")
    name = f"tinnhiem_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)


def drop(url: str) -> None:
    if url.startswith("postgresql"):
        admin = make_url(POSTGRES_URL).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')


def run_clients(
    port: int, token: str, method: str, path: str, body: Any, clients: int
) -> tuple[list[float], list[str]]:
    """Latencies in ms of the requests answered 200, and the other answers (counted, not timed)."""
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + MAX_SECONDS
    per_client = max(MAX_REQUESTS // clients, 8)

    def client(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        for i in range(per_client):
            payload = json.dumps(body(k, i)).encode() if body else None
            start = time.perf_counter()
            try:
                conn.request(method, path, body=payload, headers=headers)  # keep-alive, as a browser does
                response = conn.getresponse()
                status, data = response.status, response.read()
            except (OSError, http.client.HTTPException) as error:
                # The server dropped the connection (after a 500, say): count it and connect again.
                status, data = 0, repr(error).encode()
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                if status == 200:
                    latencies.append(elapsed)
                else:
                    failures.append(f"{status} {data[:200]!r}")
            if time.perf_counter() > deadline:
                break
        conn.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, failures


def percentile(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]
    )


def bench(kind: str, label: str) -> list[dict[str, Any]]:
    from organizer_plan import build

    with tempfile.TemporaryDirectory() as tmp:
        url = database(kind, Path(tmp))
        server = None
        try:
            upgrade(url)
            engine = make_engine(url)
            started = time.perf_counter()
            with Session(engine) as session:
                built = build(session)
            engine.dispose()
            print(f"[{kind}] plan built in {time.perf_counter() - started:.1f} s", flush=True)
            port = free_port()
            RESULTS.mkdir(exist_ok=True)
            log = (RESULTS / f"server-{kind}.log").open("w")  # the app's own errors, kept out of the table
            server = subprocess.Popen(
                [sys.executable, __file__, "serve", url, str(port)], stderr=log, stdout=log
            )
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.2)
            big = f"/api/v1/rounds/{built.big_round_id}"
            cases: list[tuple[str, str, str, Any]] = [
                ("bare (same rows)", "GET", f"/bench/bare/{built.plan_id}", None),
                ("plan dashboard", "GET", f"/api/v1/plans/{built.plan_id}/dashboard", None),
                ("round list of plan", "GET", f"/api/v1/rounds?plan_id={built.plan_id}&limit=50", None),
                ("round calendar", "GET", f"{big}/calendar", None),
                ("round candidates (46)", "GET", f"{big}/candidates", None),
                ("round rename (PATCH)", "PATCH", big, lambda k, i: {"title": f"Hội nghị lớn {k}-{i}"}),
            ]
            rows = []
            for clients in CLIENTS:
                for name, method, path, body in cases:
                    run_clients(port, built.token, method, path, body, 1)  # warm caches and pools
                    ms, failed = run_clients(port, built.token, method, path, body, clients)
                    if failed:
                        print(f"[{kind}] {name}, {clients} clients: {len(failed)} failed, e.g. {failed[0]}")
                    rows.append(
                        {
                            "db": kind,
                            "label": label,
                            "endpoint": name,
                            "clients": clients,
                            "n": len(ms),
                            "failed": len(failed),
                            "p50_ms": round(statistics.median(ms), 1) if ms else None,
                            "p95_ms": round(percentile(ms, 95), 1) if ms else None,
                        }
                    )
            return rows
        finally:
            if server is not None:
                server.terminate()
                server.wait(10)
            drop(url)


def report(rows: list[dict[str, Any]]) -> None:
    bare = {(r["db"], r["clients"]): r["p50_ms"] for r in rows if r["endpoint"].startswith("bare")}
    print(f"\n{'db':<11}{'endpoint':<24}{'clients':>8}{'n':>5}{'failed':>7}", end="")
    print(f"{'p50 ms':>9}{'p95 ms':>9}{'x bare':>8}")
    for r in rows:
        p50, p95 = r["p50_ms"] or 0.0, r["p95_ms"] or 0.0
        r["x_bare"] = round(p50 / max(bare[(r["db"], r["clients"])] or 0.1, 0.1), 1)
        print(
            f"{r['db']:<11}{r['endpoint']:<24}{r['clients']:>8}{r['n']:>5}{r['failed']:>7}"
            f"{p50:>9.1f}{p95:>9.1f}{r['x_bare']:>8.1f}"
        )


def main() -> None:
    if sys.argv[1:2] == ["serve"]:
        serve(sys.argv[2], int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--label", default="run")
    args = parser.parse_args()
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    rows = [row for kind in kinds for row in bench(kind, args.label)]
    report(rows)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"organizer-{args.label}-{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.write_text(json.dumps(rows, indent=2, ensure_ascii=False))
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()
