"""Unsealing and counting a round, as the count does it, at 1k, 10k, 20k and 100k ballots x 50 cadres.

    .venv/bin/python tests/benchmarks/tally.py [--sizes 1000,10000,20000,100000] [--cadres 50]

Ballots are made with the core (random choices, a blank row now and then, encode_ballot, seal to a
fresh round key); then timed: unseal_all, decode_ballot, a Ballot per opened ballot, check_ballot
and tally: the very steps of app/services/counting.py, without the database. Sealing is not timed.
Target (design.md): 20,000 x 50 under 5 s here; time growing linearly with the ballots.
Prints a table and writes JSON to tests/benchmarks/results/.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.services.counting import ROWS
from ballots.ballot import Ballot, check_ballot
from ballots.levels import Level
from ballots.sealing import decode_ballot, encode_ballot, round_keys, seal, unseal_all
from ballots.tally import tally

RESULTS = Path(__file__).resolve().parent / "results"
ROUND = "benchmark-round"
CHOICES: list[Level | None] = [Level.HIGH, Level.MEDIUM, Level.LOW, None]


@dataclass(frozen=True)
class Timing:
    ballots: int
    cadres: int
    unseal_s: float
    decode_check_s: float
    tally_s: float
    total_s: float
    cpu_s: float  # this process's CPU time: what the count costs, whatever else the machine runs
    per_ballot_us: float


def sealed_ballots(count: int, layout: list[str], public_key: bytes, draw: random.Random) -> list[bytes]:
    return [
        seal(encode_ballot(layout, {c: draw.choice(CHOICES) for c in layout}), public_key, ROUND)
        for _ in range(count)
    ]


def count_round(sealed: list[bytes], private_key: bytes, layout: list[str]) -> Timing:
    cpu = time.process_time()
    start = time.perf_counter()
    opened = unseal_all(sealed, private_key, ROUND)
    unsealed = time.perf_counter()
    checked = [
        check_ballot(Ballot(rows={c: ROWS[v] for c, v in decode_ballot(layout, plaintext).items()}), layout)
        for plaintext in opened
    ]
    decoded = time.perf_counter()
    results = tally(layout, checked, len(sealed))
    done = time.perf_counter()
    cpu_s = time.process_time() - cpu
    assert all(r.returned == len(sealed) for r in results)
    total = done - start
    return Timing(
        len(sealed),
        len(layout),
        unsealed - start,
        decoded - unsealed,
        done - decoded,
        total,
        cpu_s,
        total / len(sealed) * 1e6,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,20000,100000")
    parser.add_argument("--cadres", type=int, default=50)
    args = parser.parse_args()
    draw = random.Random(20261125)
    layout = [f"cadre-{i:02d}" for i in range(args.cadres)]
    keys = round_keys(os.urandom(32))
    timings = []
    for size in (int(s) for s in args.sizes.split(",")):
        sealed = sealed_ballots(size, layout, keys.public_key, draw)
        timings.append(count_round(sealed, keys.private_key, layout))
        t = timings[-1]
        print(
            f"{t.ballots:>7} x {t.cadres}: unseal {t.unseal_s:6.2f} s  "
            f"decode+check {t.decode_check_s:6.2f} s  tally {t.tally_s:6.2f} s  total {t.total_s:6.2f} s "
            f"(CPU {t.cpu_s:6.2f} s, {t.per_ballot_us:4.0f} µs/ballot)",
            flush=True,
        )
    twenty = [t for t in timings if t.ballots == 20_000]
    if twenty:
        verdict = "under" if twenty[0].total_s < 5 else "OVER"
        print(
            f"20,000 x {args.cadres}: {twenty[0].total_s:.2f} s ({twenty[0].cpu_s:.2f} s CPU), "
            f"{verdict} the 5 s target; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"tally-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.write_text(json.dumps({"cpus": os.cpu_count(), "timings": [asdict(t) for t in timings]}, indent=2))
    print(f"written {out}")


if __name__ == "__main__":
    main()
