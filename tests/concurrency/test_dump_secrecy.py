"""The issue's "done when": 30 ballots cast through a live server, then both databases dumped whole
(SQLite: ``iterdump`` of the file; PostgreSQL: ``pg_dump``, or every table read in storage order when
it is missing) and the server's log read: nothing there tells which slip or which roster entry cast
which ballot. README "What an operator can and cannot learn" cites this test.
"""

from __future__ import annotations

import random
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from live import add_users, client, fresh_database, start
from sqlalchemy.engine import make_url
from voting import open_voting_round

BALLOTS = 30
HEX64 = re.compile(r"[0-9a-f]{64}")
MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")
INSERT = re.compile(r'^INSERT INTO "?(?:public\.)?"?(\w+)"?')


def dump(url: str) -> list[str]:
    """Every row of the database as one INSERT line each, in the order the dump gives them."""
    parsed = make_url(url)
    if parsed.drivername.startswith("sqlite"):
        with sqlite3.connect(str(parsed.database)) as conn:
            return list(conn.iterdump())
    plain = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    if shutil.which("pg_dump"):
        found = subprocess.run(
            ["pg_dump", "--data-only", "--inserts", "--dbname", plain], capture_output=True, text=True
        )
        if found.returncode == 0:
            return found.stdout.splitlines()
    return list(_select_everything(plain))  # pg_dump missing or of another major version


def _select_everything(dsn: str) -> Iterator[str]:
    with psycopg.connect(dsn) as conn:
        tables = [t for (t,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY ctid'):  # storage order
                values = ", ".join(f"'\\x{v.hex()}'" if isinstance(v, bytes) else repr(v) for v in row)
                yield f"INSERT INTO public.{table} VALUES ({values});"


def rows_of(lines: list[str], table: str, round_id: str) -> list[str]:
    return [line for line in lines if (m := INSERT.match(line)) and m.group(1) == table and round_id in line]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_dump_and_the_log_after_30_ballots_link_no_slip_and_no_voter_to_a_ballot(
    backend: str, tmp_path: Path
) -> None:
    with fresh_database(backend, tmp_path) as url:
        token = add_users(url, ["tochuc"])[0]
        log = tmp_path / "server.log"
        server = start(url, log)
        try:
            round_id, codes, rows = open_voting_round(server.base, token, slips=BALLOTS + 4, cadres=3)
            draw = random.Random(30)
            arrival = []  # receipts in the order the ballots arrived
            with client(server.base) as c:
                for code in codes[:BALLOTS]:
                    choices = {row: draw.choice(["high", "medium", "low", None]) for row in rows}
                    answer = c.post(
                        f"/api/v1/rounds/{round_id}/ballots", json={"code": code, "choices": choices}
                    )
                    assert answer.status_code == 201, answer.text
                    arrival.append(answer.json()["receipt"])
        finally:
            server.stop()
        lines = dump(url)
    written = log.read_text()
    everything = "\n".join(lines)

    # No code anywhere (only keyed hashes are stored); no code, receipt or choice in the log.
    for code in codes:
        for form in (code, code.replace("-", ""), code.lower()):
            assert form not in everything and form not in written
    assert not [r for r in arrival if r in written]
    assert not [c for c in ('"high"', '"medium"', '"low"', "choices") if c in written]

    ballots = rows_of(lines, "ballots", round_id)
    credentials = rows_of(lines, "credentials", round_id)
    roster = rows_of(lines, "roster_entries", round_id)
    assert len(ballots) == BALLOTS and len(credentials) == BALLOTS + 4 and roster
    digests = {d for line in credentials for d in HEX64.findall(line)} - set(arrival)
    ids = {
        i
        for line in [*roster, *rows_of(lines, "committee_members", round_id)]
        for i in re.findall(r"'([0-9a-f-]{36})'", line)
    }
    ids.discard(round_id)
    # A ballot row: its own random id, the round, the sealed bytes, the receipt. Nothing of a slip
    # (no digest, no receipt box), of a voter (no roster id), of a moment (no time of any kind).
    for line in ballots:
        assert not [d for d in digests if d in line] and not [i for i in ids if i in line]
        assert not MOMENT.search(line)
    # A credential row keeps no time and no receipt: its receipt box opens only with its code.
    for line in credentials:
        assert not MOMENT.search(line) and not [r for r in arrival if r in line]
    # The receipts are in the ballots table only; the digests in the credentials table only.
    others = [line for line in lines if line not in ballots and line not in credentials]
    assert not [r for r in arrival for line in others if r in line]
    assert not [d for d in digests for line in others if d in line]

    if backend == "sqlite":
        # Stored without rowid, in the order of random keys: the dump shows neither the order of
        # arrival (ballots) nor the order of spending (credentials).
        dumped = [next(r for r in arrival if r in line) for line in ballots]
        ballot_ids = [re.findall(r"'([0-9a-f-]{36})'", line)[0] for line in ballots]
        assert ballot_ids == sorted(ballot_ids) and dumped != arrival and sorted(dumped) == sorted(arrival)
        spent_order = [HEX64.findall(line)[0] for line in credentials]
        assert spent_order == sorted(spent_order)
