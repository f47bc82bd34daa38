"""Server time of the pages: every main page on the demo data, and the plan dashboard of a plan of
300 rounds (the organizer benchmark's plan).

    .venv/bin/python tests/benchmarks/pages.py [--requests 30]

Targets (issue "web pages"): no page over 300 ms of server time with the demo data; the plan
dashboard under 500 ms for a plan of 300 rounds. Each page is asked for ``--requests`` times by one
keep-alive client with a logged-in session cookie, after one warm-up; the time is measured at the
client on 127.0.0.1 (server time plus well under a millisecond). Prints a table and writes JSON to
tests/benchmarks/results/pages.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "e2e"))

from live_server import serve

from app.clock import Clock
from app.db import make_engine, make_sessionmaker, transaction
from app.demo.load import load
from app.migrate import upgrade
from app.models import Cadre, Round, RoundStatus, Unit
from app.models.user import Role
from app.services import auth
from app.settings import Settings

RESULTS = Path(__file__).parent / "results"
PASSWORD = "mat-khau-do-toc-do"
CSRF = re.compile(r'name="csrf" value="([^"]*)"')


class Browser:
    """One keep-alive connection that keeps its cookies, as a browser tab does."""

    def __init__(self, base: str) -> None:
        address = urlsplit(base)
        self.conn = http.client.HTTPConnection(address.hostname or "127.0.0.1", address.port, timeout=60)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> tuple[int, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        for value in response.headers.get_all("set-cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.read().decode(errors="replace")

    def log_in(self, username: str, password: str) -> None:
        _, page = self.request("GET", "/login")
        token = CSRF.search(page)
        assert token, "the login page has no CSRF field"
        status, _ = self.request(
            "POST", "/login", {"csrf": token.group(1), "username": username, "password": password}
        )
        assert status == 303, f"login as {username} answered {status}"


def timed(browser: Browser, path: str, requests: int) -> dict[str, Any]:
    status, _ = browser.request("GET", path)  # warm-up (and a check)
    assert status == 200, f"{path} answered {status}"
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        browser.request("GET", path)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[max(int(len(times) * 0.95) - 1, 0)], 1),
        "max_ms": round(times[-1], 1),
    }


def demo_pages(requests: int, tmp: Path) -> list[dict[str, Any]]:
    url = f"sqlite:///{tmp / 'demo.db'}"
    upgrade(url)
    engine = make_engine(url)
    with transaction(make_sessionmaker(engine)) as session:
        loaded = load(session, Clock().today(), Settings(database_url=url).secret_bytes())
        assert loaded.open_round is not None
        open_id = loaded.open_round.id
        draft = session.scalars(select(Round.id).where(Round.status == RoundStatus.SCHEDULED)).first()
        cadre = session.scalars(select(Cadre.id)).first()
        unit = session.scalars(select(Unit.id)).first()
        plan = session.scalar(select(Round.plan_id).where(Round.id == open_id))
    engine.dispose()
    pages = {
        "plans": "/plans",
        "plan dashboard": f"/plans/{plan}",
        "round (scheduled)": f"/rounds/{draft}",
        "round (open)": f"/rounds/{open_id}",
        "conference day": f"/rounds/{open_id}/conference",
        "paper entry": f"/rounds/{open_id}/paper-entry?pass=1",
        "results": f"/rounds/{loaded.counted_round_id}/results",
        "plan results": f"/plans/{plan}/results",
        "cadres": "/cadres",
        "cadres search": "/cadres?q=nguyen",
        "cadre": f"/cadres/{cadre}",
        "units": "/units",
        "unit": f"/units/{unit}",
        "import": "/import",
        "new round": f"/plans/{plan}/rounds/new",
        "voter: code entry": f"/bo-phieu/{open_id}",
    }
    with serve(url) as base:
        browser = Browser(base)
        browser.log_in("tochuc", loaded.passwords["tochuc"])
        return [
            {"data": "demo", "page": name, **timed(browser, path, requests)} for name, path in pages.items()
        ]


def big_plan_dashboard(requests: int, tmp: Path) -> list[dict[str, Any]]:
    from organizer_plan import build

    url = f"sqlite:///{tmp / 'big.db'}"
    upgrade(url)
    engine = make_engine(url)
    with Session(engine) as session:
        built = build(session)
        auth.create_user(session, "dodo", Role.ORGANIZER, password=PASSWORD)
        session.commit()
    engine.dispose()
    with serve(url) as base:
        browser = Browser(base)
        browser.log_in("dodo", PASSWORD)
        return [
            {
                "data": "300 rounds",
                "page": "plan dashboard",
                **timed(browser, f"/plans/{built.plan_id}", requests),
            },
            {
                "data": "300 rounds",
                "page": "round (46 candidates)",
                **timed(browser, f"/rounds/{built.big_round_id}", requests),
            },
        ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = demo_pages(args.requests, Path(tmp)) + big_plan_dashboard(args.requests, Path(tmp))
    print(f"{'data':<11} {'page':<24} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for row in rows:
        print(f"{row['data']:<11} {row['page']:<24} {row['p50_ms']:>8} {row['p95_ms']:>8} {row['max_ms']:>8}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "pages.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
