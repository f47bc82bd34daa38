"""Casting ballots under load, against a bare endpoint doing one INSERT on the same database.

    .venv/bin/python tests/benchmarks/cast.py [--backend sqlite|postgresql] [--seconds 4]
        [--concurrency 200] [--slips 10000] [--cadres 50]

Per database (SQLite served by one uvicorn worker, PostgreSQL by two, as ``tinnhiem serve`` would):
a fresh migrated database, an open round with a 50-cadre ballot and ``--slips`` codes issued
through the API; then ``--concurrency`` voters (aiohttp tasks), each casting ballots with codes
nobody else uses, for ``--seconds``. In the same run, the same load on ``bare_app.py``: a bare
FastAPI endpoint doing one INSERT, on the same database with the same worker count.
Targets (design.md): casting >= 0.5x the bare endpoint's throughput; p99 < 250 ms at 200 voters.
The load generator shares the machine's cores with the server: latencies include its queueing.
Prints a table and writes JSON to tests/benchmarks/results/.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "concurrency"))

from bare_app import create_table
from live import add_users, client, fresh_database, start
from voting import open_voting_round

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
WORKERS = {"sqlite": 1, "postgresql": 2}
LEVELS = ["high", "medium", "low", None]


@dataclass(frozen=True)
class Load:
    endpoint: str
    requests: int
    ok: int
    errors: dict[str, int]  # status (or exception name) -> count
    seconds: float
    per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def drive(
    endpoint: str,
    url: str,
    bodies: Callable[[], dict[str, Any] | None],
    concurrency: int,
    seconds: float,
    rate: float | None = None,
) -> Load:
    """``concurrency`` clients posting back to back until ``seconds`` pass or bodies run out; with
    ``rate``, requests arrive at that many a second instead (open loop, at most ``concurrency`` in
    flight), as voters in a hall do: the latency then measures the service, not a queue of clients."""
    latencies: list[float] = []
    outcomes: Counter[str] = Counter()
    connector = aiohttp.TCPConnector(limit=concurrency)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        started = time.perf_counter()
        deadline = started + seconds

        async def one(body: dict[str, Any]) -> None:
            sent = time.perf_counter()
            try:
                async with session.post(url, json=body) as answer:
                    await answer.read()
                    outcome = str(answer.status)
            except (aiohttp.ClientError, TimeoutError) as error:
                outcome = type(error).__name__
            latencies.append(time.perf_counter() - sent)
            outcomes[outcome] += 1

        async def voter() -> None:
            while time.perf_counter() < deadline and (body := bodies()) is not None:
                await one(body)

        if rate is None:
            await asyncio.gather(*(voter() for _ in range(concurrency)))
        else:
            arrivals = []
            for n in range(int(seconds * rate)):
                await asyncio.sleep(max(0.0, started + n / rate - time.perf_counter()))
                if (body := bodies()) is None:
                    break
                arrivals.append(asyncio.create_task(one(body)))
            await asyncio.gather(*arrivals)
        elapsed = time.perf_counter() - started
    ok = outcomes["201"]
    ms = [x * 1000 for x in latencies]
    return Load(
        endpoint=endpoint,
        requests=len(latencies),
        ok=ok,
        errors={k: v for k, v in sorted(outcomes.items()) if k != "201"},
        seconds=round(elapsed, 2),
        per_second=round(ok / elapsed, 1),
        p50_ms=round(percentile(ms, 0.50), 1),
        p95_ms=round(percentile(ms, 0.95), 1),
        p99_ms=round(percentile(ms, 0.99), 1),
    )


def run_backend(backend: str, args: argparse.Namespace) -> dict[str, Any]:
    workers = WORKERS[backend]
    with tempfile.TemporaryDirectory() as tmp, fresh_database(backend, Path(tmp)) as url:
        token = add_users(url, ["tochuc"])[0]
        create_table(url)
        log = Path(tmp) / "server.log"
        server = start(url, log, workers=workers)
        try:
            round_id, codes, rows = open_voting_round(server.base, token, args.slips, args.cadres)
            unused = iter(codes)
            draw = random.Random(7)

            def ballot() -> dict[str, Any] | None:
                code = next(unused, None)
                choices = {row: draw.choice(LEVELS) for row in rows}
                return None if code is None else {"code": code, "choices": choices}

            cast = asyncio.run(
                drive(
                    "cast",
                    f"{server.base}/api/v1/rounds/{round_id}/ballots",
                    ballot,
                    args.concurrency,
                    args.seconds,
                    args.rate,
                )
            )
            with client(server.base) as c:
                board = c.get(f"/api/v1/rounds/{round_id}/board").json()["receipts"]
                turnout = c.get(f"/api/v1/rounds/{round_id}/turnout").json()
        finally:
            server.stop()
        bare_server = start(url, log, workers=workers, app="bare_app:create_app", pythonpath=HERE)
        try:
            body = {"body": "x" * 400}  # about the size of a sealed 50-row ballot
            bare = asyncio.run(
                drive(
                    "bare",
                    f"{bare_server.base}/bare",
                    lambda: body,
                    args.concurrency,
                    args.seconds,
                    args.rate,
                )
            )
        finally:
            bare_server.stop()
    consistent = len(board) == cast.ok and turnout["returned"] == cast.ok
    return {
        "backend": backend,
        "workers": workers,
        "cast": asdict(cast),
        "bare": asdict(bare),
        "ratio": round(cast.per_second / bare.per_second, 2) if bare.per_second else None,
        "board_matches_201s": consistent,
    }


def table(results: list[dict[str, Any]]) -> str:
    head = f"{'db':<11}{'wrk':>4} {'endpoint':<6}{'ok/s':>8}{'ok':>7}{'errors':>16}"
    head += f"{'p50':>8}{'p95':>8}{'p99':>8}{'ratio':>7}"
    lines = [head, "-" * len(head)]
    for r in results:
        for name in ("cast", "bare"):
            load = r[name]
            errors = ",".join(f"{k}:{v}" for k, v in load["errors"].items()) or "0"
            ratio = f"{r['ratio']:.2f}x" if name == "cast" and r["ratio"] is not None else ""
            lines.append(
                f"{r['backend']:<11}{r['workers']:>4} {name:<6}{load['per_second']:>8.1f}{load['ok']:>7}"
                f"{errors:>16}{load['p50_ms']:>8.1f}{load['p95_ms']:>8.1f}{load['p99_ms']:>8.1f}{ratio:>7}"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backend", action="append", choices=list(WORKERS))
    parser.add_argument("--seconds", type=float, default=4.0, help="load per endpoint (default 4)")
    parser.add_argument("--concurrency", type=int, default=200, help="concurrent voters (default 200)")
    parser.add_argument("--slips", type=int, default=10_000, help="codes issued, at most 10000 (one issue)")
    parser.add_argument("--cadres", type=int, default=50, help="rows on the ballot (default 50)")
    parser.add_argument(
        "--rate",
        type=float,
        default=None,
        help="open loop: requests arriving per second (default: back to back)",
    )
    args = parser.parse_args()
    results = [run_backend(backend, args) for backend in args.backend or list(WORKERS)]
    load = f"{args.rate:g} requests/s arriving" if args.rate else f"{args.concurrency} concurrent clients"
    print(f"{load}, {args.seconds:g} s per endpoint, {args.cadres}-row ballot")
    print(table(results))
    print("targets: cast >= 0.5x bare, cast p99 < 250 ms")
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"cast-{stamp}.json"
    out.write_text(json.dumps({"arguments": vars(args), "results": results}, indent=2))
    print(f"written {out.relative_to(HERE.parents[1])}")


if __name__ == "__main__":
    main()
