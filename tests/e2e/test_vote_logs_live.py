"""A whole vote against a live uvicorn logs no voting code and no receipt; the slip's QR address
shows in the access log as ``?code=***``. Once as ``tinnhiem serve`` would run (uvicorn's own
logging set-up, its output written to a file), once in this process with every record caught at
DEBUG by pytest's caplog (the root logger and ``uvicorn.access``)."""

from __future__ import annotations

import logging
import re
import threading
import time
from pathlib import Path

import httpx2
import pytest
import uvicorn
from live_server import free_port, serve
from voting_setup import VotingRound, open_round_in

from app.main import create_app
from app.settings import Settings

CSRF = re.compile(r'name="csrf" value="([^"]*)"')


def csrf(page: httpx2.Response) -> str:
    found = CSRF.search(page.text)
    assert found
    return found.group(1)


def vote_and_look(base: str, vote: VotingRound) -> list[str]:
    """Arrive from the QR code, vote by the pages, try the code again, vote by the API, search the
    board for each receipt; the receipts."""
    with httpx2.Client(base_url=base) as browser:
        path = f"/bo-phieu/{vote.id}"
        entry = browser.get(path, params={"code": vote.codes[0]})
        assert entry.status_code == 200 and vote.codes[0] in entry.text
        ballot = browser.post(path, data={"csrf": csrf(entry), "code": vote.codes[0]})
        data = {"csrf": csrf(ballot), "code": vote.codes[0], f"c-{vote.cadre_ids[0]}": "medium"}
        assert browser.post(f"{path}/xem-lai", data=data).status_code == 200
        assert browser.post(f"{path}/gui", data=data).status_code == 200
        assert browser.post(path, data={"csrf": csrf(entry), "code": vote.codes[0]}).status_code == 403
        cast = browser.post(
            f"/api/v1/rounds/{vote.id}/ballots", json={"code": vote.codes[1], "choices": vote.ballot("high")}
        )
        assert cast.status_code == 201
        receipts: list[str] = browser.get(f"/api/v1/rounds/{vote.id}/board").json()["receipts"]
        for receipt in receipts:
            assert browser.get(f"{path}/bang-tin", params={"bien-nhan": receipt}).status_code == 200
    assert len(receipts) == 2
    return receipts


def leaked(written: str, vote: VotingRound, receipts: list[str]) -> list[str]:
    secrets = [*vote.codes, *receipts, *(c.replace("-", "") for c in vote.codes)]
    return [s for s in secrets if s.lower() in written.lower()]


def test_a_live_servers_log_of_a_whole_vote_has_no_code_and_no_receipt(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'vote.db'}"
    vote = open_round_in(database)
    log = tmp_path / "server.log"
    with serve(database, log) as base:
        receipts = vote_and_look(base, vote)
    written = log.read_text()
    path = f"/bo-phieu/{vote.id}"
    assert f'"GET {path}?code=*** HTTP/1.1" 200' in written  # the access log was on, and masked
    assert f'"GET {path}/bang-tin?bien-nhan=*** HTTP/1.1" 200' in written
    assert f'"POST {path}/gui HTTP/1.1" 200' in written
    assert leaked(written, vote, receipts) == []


def test_every_record_of_a_vote_in_an_in_process_uvicorn_is_free_of_codes_and_receipts(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="uvicorn.access")
    database = f"sqlite:///{tmp_path / 'vote.db'}"
    vote = open_round_in(database)
    port = free_port()
    app = create_app(Settings(database_url=database, fast_password_hashing=True))
    # No log_config: uvicorn's records propagate to the root logger, where caplog listens.
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, access_log=True)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)
        receipts = vote_and_look(f"http://127.0.0.1:{port}", vote)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    # The client side (httpx2) logs the addresses it asks for: that is the browser, not the service.
    records = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    access = [r.getMessage() for r in records if r.name == "uvicorn.access"]
    assert f'"GET /bo-phieu/{vote.id}?code=*** HTTP/1.1" 200' in "\n".join(access)
    written = "\n".join(r.getMessage() + repr(r.args) for r in records)
    assert leaked(written, vote, receipts) == []
