"""A whole vote against a live uvicorn: its output (the access log included) carries no voting code
and no receipt; the slip's QR address shows in the access log as ``?code=***``."""

from __future__ import annotations

import re
from pathlib import Path

import httpx2
from live_server import serve
from voting_setup import open_round_in

CSRF = re.compile(r'name="csrf" value="([^"]*)"')


def csrf(page: httpx2.Response) -> str:
    found = CSRF.search(page.text)
    assert found
    return found.group(1)


def test_a_live_servers_log_of_a_whole_vote_has_no_code_and_no_receipt(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'vote.db'}"
    vote = open_round_in(database)
    log = tmp_path / "server.log"
    with serve(database, log) as base, httpx2.Client(base_url=base) as browser:
        path = f"/bo-phieu/{vote.id}"
        entry = browser.get(path, params={"code": vote.codes[0]})
        assert entry.status_code == 200 and vote.codes[0] in entry.text
        ballot = browser.post(path, data={"csrf": csrf(entry), "code": vote.codes[0]})
        data = {"csrf": csrf(ballot), "code": vote.codes[0], f"c-{vote.cadre_ids[0]}": "medium"}
        assert browser.post(f"{path}/xem-lai", data=data).status_code == 200
        done = browser.post(f"{path}/gui", data=data)
        assert done.status_code == 200
        assert browser.post(path, data={"csrf": csrf(entry), "code": vote.codes[0]}).status_code == 403
        cast = browser.post(
            f"/api/v1/rounds/{vote.id}/ballots", json={"code": vote.codes[1], "choices": vote.ballot("high")}
        )
        assert cast.status_code == 201
        receipts = browser.get(f"/api/v1/rounds/{vote.id}/board").json()["receipts"]
        for receipt in receipts:
            assert browser.get(f"{path}/bang-tin", params={"bien-nhan": receipt}).status_code == 200
    written = log.read_text()
    assert f'"GET {path}?code=*** HTTP/1.1" 200' in written  # the access log was on, and masked
    assert f'"GET {path}/bang-tin?bien-nhan=*** HTTP/1.1" 200' in written
    assert f'"POST {path}/gui HTTP/1.1" 200' in written
    secrets = [*vote.codes, *receipts, *(c.replace("-", "") for c in vote.codes)]
    assert len(receipts) == 2
    assert [s for s in secrets if s.lower() in written.lower()] == []
