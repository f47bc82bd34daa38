"""Measure what hostile input costs a running server: time to answer and its resident memory.

    python tests/benchmarks/hostile_input.py [--src DIR] [--database URL] [--only NAME ...]

``--src`` runs the server from another checkout of the code (to measure "before"); the database is
a fresh SQLite file unless ``--database`` names one (a PostgreSQL URL is used as given). Each
measurement gets a freshly started server so that peak memory (VmHWM) is its own.
Not a test: it takes a minute and production-cost argon2.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
import xlsx_bombs

ROOT = Path(__file__).resolve().parents[2]
PORT = 8765
MIB = 1024 * 1024


def memory(pid: int) -> tuple[int, int]:
    """(current, peak) resident memory in MiB."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line
    )
    return int(fields["VmRSS"].split()[0]) // 1024, int(fields["VmHWM"].split()[0]) // 1024


def cli(src: Path, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", "from app.cli import main; main()", *args],
        cwd=src,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@contextmanager
def server(src: Path, env: dict[str, str]) -> Iterator[int]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "app.main:create_app",
            "--factory",
            "--port",
            str(PORT),
            "--log-level",
            "warning",
        ],
        cwd=src,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        yield process.pid
    finally:
        process.terminate()
        process.wait()


def request(
    method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> tuple[int, bytes]:
    req = urllib.request.Request(
        f"http://127.0.0.1:{PORT}{path}", data=body or None, method=method, headers=headers or {}
    )
    try:
        with urllib.request.urlopen(req, timeout=600) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def streamed_body(path: str, megabytes: int) -> tuple[str, int]:
    """POST ``megabytes`` MiB of chunked body, generated as it is sent; returns the status line."""
    sock = socket.create_connection(("127.0.0.1", PORT), timeout=600)
    sock.sendall(
        f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n".encode()
    )
    chunk = b"10000\r\n" + b" " * 0x10000 + b"\r\n"
    sent = 0
    try:
        for _ in range(megabytes * 16):
            sock.sendall(chunk)
            sent += 0x10000
        sock.sendall(b"0\r\n\r\n")
    except OSError:
        pass
    try:
        status = sock.recv(200).split(b"\r\n", 1)[0].decode()
    except OSError as exc:
        status = f"connection closed ({exc.__class__.__name__})"
    sock.close()
    return status, sent // MIB


def multipart(name: str, content: bytes) -> tuple[bytes, str]:
    boundary = "tinnhiembenchmark"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def measure(label: str, pid: int, action: object) -> dict[str, object]:
    before = memory(pid)[0]
    started = time.perf_counter()
    outcome = action()  # type: ignore[operator]
    elapsed = time.perf_counter() - started
    _, peak = memory(pid)
    result = {
        "what": label,
        "seconds": round(elapsed, 2),
        "rss_before_mib": before,
        "peak_rss_mib": peak,
        "outcome": outcome,
    }
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return result


def concurrent_logins(pid: int, username: str, count: int = 40) -> dict[str, object]:
    """``count`` wrong-password logins at once, /healthz polled meanwhile."""
    latencies: list[float] = []
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            t = time.perf_counter()
            request("GET", "/healthz")
            latencies.append(time.perf_counter() - t)
            time.sleep(0.05)

    body = json.dumps({"username": username, "password": "wrong-password"}).encode()
    statuses: list[int] = []

    def one() -> None:
        statuses.append(request("POST", "/api/v1/auth/token", body, {"Content-Type": "application/json"})[0])

    poller = threading.Thread(target=poll)
    poller.start()
    threads = [threading.Thread(target=one) for _ in range(count)]

    def run() -> dict[str, object]:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        stop.set()
        poller.join()
        return {
            "statuses": {s: statuses.count(s) for s in set(statuses)},
            "healthz_max_s": round(max(latencies), 2),
            "healthz_median_s": round(statistics.median(latencies), 3),
        }

    return measure(f"{count} concurrent wrong logins", pid, run)


def login_timing(username: str, rounds: int = 5) -> object:
    def mean(name: str) -> float:
        body = json.dumps({"username": name, "password": "wrong-password"}).encode()
        times = []
        for _ in range(rounds):
            t = time.perf_counter()
            request("POST", "/api/v1/auth/token", body, {"Content-Type": "application/json"})
            times.append(time.perf_counter() - t)
        return round(statistics.median(times) * 1000, 1)

    return {"known_user_ms": mean(username), "unknown_user_ms": mean("khong-ai-ca")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--src", type=Path, default=ROOT)
    parser.add_argument("--database")
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="tinnhiem-bench-"))
    env = {
        **os.environ,
        "PYTHONPATH": str(args.src),
        "TINNHIEM_FAST_PASSWORD_HASHING": "false",
        "TINNHIEM_DATABASE_URL": args.database or f"sqlite:///{tmp / 'bench.db'}",
        # the measurement makes more logins than a person would
        "TINNHIEM_LOGIN_RATE_PER_ADDRESS": "1000/minute",
        "TINNHIEM_LOGIN_RATE_PER_USER": "1000/minute",
    }
    cli(args.src, env, "db", "upgrade")
    with contextlib.suppress(subprocess.CalledProcessError):  # already there
        cli(args.src, env, "user", "add", "bench", "--role", "organizer")
    token = cli(args.src, env, "token", "create", "--user", "bench").strip().splitlines()[-1]
    auth = {"Authorization": f"Bearer {token}"}
    wanted = set(args.only or ["body", "cell", "rows", "blank", "logins", "timing"])

    if "body" in wanted:
        with server(args.src, env) as pid:
            measure("300 MiB streamed JSON body, no token", pid, lambda: streamed_body("/api/v1/plans", 300))
    bombs = [
        ("cell", "one 190 MB shared cell", xlsx_bombs.one_huge_shared_cell),
        ("rows", "20,000 rows of 9,400 characters", xlsx_bombs.long_rows),
        ("blank", "3.8 million blank rows", xlsx_bombs.blank_rows),
    ]
    for key, label, build in bombs:
        if key not in wanted:
            continue
        body, content_type = multipart("bom.xlsx", build())
        with server(args.src, env) as pid:

            def send(body: bytes = body, content_type: str = content_type) -> object:
                status, answer = request(
                    "POST", "/api/v1/spreadsheets/import/units", body, {**auth, "Content-Type": content_type}
                )
                return {"status": status, "answer_bytes": len(answer)}

            measure(f"{label} ({len(body) // 1024} KiB file)", pid, send)
    if "logins" in wanted:
        with server(args.src, env) as pid:
            concurrent_logins(pid, "bench")
    if "timing" in wanted:
        with server(args.src, env) as pid:
            measure("login: known vs unknown user", pid, lambda: login_timing("bench"))


if __name__ == "__main__":
    main()
