"""The demo province: realistic, consistent with the rules, and loadable on any day of the year."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import Result
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from app import cli
from app.clock import Clock
from app.demo import data
from app.demo.load import load, round_dates
from app.main import create_app
from app.models import Cadre, Candidate, Plan, Round, RoundKey, RoundStatus, Unit
from app.services import casting, voting
from app.settings import Settings, get_settings
from ballots.levels import Level

SECRET = b"demo-test-secret-" + b"x" * 32


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.parametrize(
    "today",
    [
        date(2027, 6, 1),
        date(2026, 12, 20),
        date(2026, 12, 8),
        date(2026, 11, 24),
        date(2026, 12, 31),
        date(2028, 2, 29),
    ],
)
def test_the_six_rounds_fall_in_one_year_and_keep_the_council_before_the_standing_committee(
    today: date,
) -> None:
    dates = round_dates(today)
    assert len({d.year for d in dates}) == 1
    assert all(d > today for d in dates)
    assert dates == sorted(dates)
    assert dates[3] < dates[5]  # the HĐND session comes before the Party committee round


@pytest.mark.parametrize("today", [date(2027, 6, 1), date(2026, 12, 20)])
def test_the_demo_loads_a_province_whose_verdicts_are_the_rule_cores(session: Session, today: date) -> None:
    loaded = load(session, today, SECRET)
    assert not loaded.already
    # On 20 December the plan's six rounds move into January: today's open round gets a plan of its own.
    plans = 1 if round_dates(today)[0].year == today.year else 2
    assert (count(session, Unit), count(session, Cadre), count(session, Plan), count(session, Round)) == (
        12,
        45,
        plans,
        8,
    )
    assert loaded.counts["rounds"] == 8 and loaded.counts["plans"] == plans
    plan = session.get(Plan, loaded.plan_id)
    assert plan is not None
    assert {r.vote_date.year for r in plan.rounds} == {plan.vote_year}
    today_round = session.scalars(
        select(Round).where(Round.vote_date == today, Round.status == RoundStatus.OPEN)
    ).one()
    assert today_round.status is RoundStatus.OPEN and today_round.plan.vote_year == today.year
    refused = {
        (c.cadre.full_name, r["code"])
        for c in session.scalars(select(Candidate).where(Candidate.eligible.is_(False)))
        for r in c.reasons
    }
    assert refused == {
        ("Đặng Quốc Bảo", "retirement_pending"),
        ("Cao Văn Định", "filled_in_vote_year"),
        ("Hoàng Minh Tuấn", "third_place"),
    }
    short = [r for r in plan.rounds if r.schedule_override_reason and r.vote_date > today]
    assert len(short) == 1 and (short[0].vote_date - today).days < 20
    # Today's round was scheduled on the day itself: the short notice needed the demo's written reason.
    assert today_round.schedule_override_reason == data.OVERRIDE_REASON
    assert set(loaded.passwords) == {"quantri", "tochuc", "kiemphieu", "kiemphieu2", "giamsat"}
    # The two committee accounts sit on today's round (paper ballots are entered twice, by two people).
    assert loaded.open_round is not None
    linked = {m.user.username: m.full_name for m in today_round.committee if m.user is not None}
    assert linked == dict(loaded.open_round.committee_accounts)
    assert set(linked) == {"kiemphieu", "kiemphieu2"}
    assert loaded.token.startswith("tn_")


def test_every_round_has_voters_a_counting_committee_and_candidates(session: Session) -> None:
    plan = session.get(Plan, load(session, date(2027, 6, 1), SECRET).plan_id)
    assert plan is not None
    for round_ in plan.rounds:
        assert 15 <= len(round_.roster) <= 40
        assert 3 <= len(round_.committee) <= 5
        assert round_.candidates
    assert any(m.cadre_id for r in plan.rounds for m in r.committee)


def test_near_the_years_end_no_round_keeps_an_override_it_did_not_need(session: Session) -> None:
    # On 8 December every round moves into January, at least 24 days ahead: no short notice to explain.
    today = date(2026, 12, 8)
    plan = session.get(Plan, load(session, today, SECRET).plan_id)
    assert plan is not None
    assert plan.vote_year == 2027
    assert [r.title for r in plan.rounds if r.schedule_override_reason] == []
    # Only today's rounds (voting on the day, in a plan of this year) needed the short-notice reason.
    assert [
        r.vote_date for r in session.scalars(select(Round).where(Round.schedule_override_reason.is_not(None)))
    ] == [today, today]


def test_loading_the_demo_twice_changes_nothing(session: Session) -> None:
    load(session, date(2027, 6, 1), SECRET)
    again = load(session, date(2027, 6, 1), SECRET)
    assert again.already and again.open_round is None
    assert count(session, Cadre) == 45 and count(session, Round) == 8
    (open_round,) = session.scalars(select(Round).where(Round.status == RoundStatus.OPEN))
    assert voting.turnout(session, open_round.id) == (30, 5)


@pytest.mark.parametrize("today", [date(2027, 6, 1), date(2026, 12, 20)])
def test_one_round_is_open_today_with_slips_issued_and_five_ballots_cast(
    session: Session, today: date
) -> None:
    loaded = load(session, today, SECRET)
    assert loaded.open_round is not None
    round_ = session.get(Round, loaded.open_round.id)
    assert round_ is not None
    assert round_.status is RoundStatus.OPEN and round_.vote_date == today
    assert session.get(RoundKey, round_.id) is not None
    assert 4 <= sum(c.eligible for c in round_.candidates) == len(round_.candidates) <= 6
    assert len(round_.committee) == 3 and len(round_.roster) == 30
    assert voting.turnout(session, round_.id) == (len(round_.roster), 5)
    receipts, _ = voting.board(session, round_.id)
    assert len(receipts) == 5
    # The two codes shown are unused: each casts once, and one being used leaves the other usable.
    first, second = loaded.open_round.codes
    rows = loaded.open_round.cadre_ids
    assert rows == [r.cadre_id for r in voting.ballot_paper(session, round_.id).rows]
    made, stored = casting.cast(session, round_.id, first, dict.fromkeys(rows, Level.HIGH), SECRET)
    assert stored
    assert casting.cast(session, round_.id, second, dict.fromkeys(rows), SECRET)[1]
    assert voting.turnout(session, round_.id) == (30, 7)
    assert made in voting.board(session, round_.id)[0]


def test_the_demo_command_prints_the_logins_and_a_token(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "TINNHIEM_DATABASE_URL": f"sqlite:///{tmp_path / 'demo.db'}",
        "TINNHIEM_ENVIRONMENT": "development",
    }
    command = [sys.executable, "-c", "from app.cli import main; main()", "demo"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "tochuc" in result.stdout and "passwords shown once" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("tn_")
    second = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert second.returncode == 0 and "already loaded" in second.stdout


@pytest.fixture
def demo_command(empty_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], Result]]:
    """``tinnhiem demo`` in-process on an empty database, as tests/cli/conftest.py runs the CLI."""
    monkeypatch.setenv("TINNHIEM_DATABASE_URL", empty_database_url)
    monkeypatch.setenv("TINNHIEM_ENVIRONMENT", "development")
    get_settings.cache_clear()
    yield lambda: CliRunner().invoke(cli.cli, ["demo"])
    get_settings.cache_clear()


def test_the_demo_prints_two_codes_and_a_curl_command_that_casts(demo_command: Callable[[], Result]) -> None:
    result = demo_command()
    assert result.exit_code == 0, result.output
    out = result.output
    (round_id,) = re.findall(r"http://127\.0\.0\.1:8000/bo-phieu/([0-9a-f-]{36})", out)
    assert f"POST http://127.0.0.1:8000/api/v1/rounds/{round_id}/ballots" in out
    heading = out.index("unused codes")
    first, second = out[heading:].splitlines()[1:3]
    first, second = first.strip(), second.strip()
    (curl,) = [line.strip() for line in out.splitlines() if line.strip().startswith("curl -X POST")]
    words = shlex.split(curl)
    url, body = words[3], json.loads(words[words.index("-d") + 1])
    assert url == f"http://127.0.0.1:8000/api/v1/rounds/{round_id}/ballots" and body["code"] == first
    assert out.strip().splitlines()[-1].startswith("tn_")
    (counted_id,) = re.findall(r"/api/v1/rounds/([0-9a-f-]{36})/results", out)
    token = out.strip().splitlines()[-1]

    # The service the operator starts next: the same database and the same (development) secret.
    app = create_app(Settings(database_url=os.environ["TINNHIEM_DATABASE_URL"], fast_password_hashing=True))
    app.state.clock = Clock()
    with TestClient(app) as client:
        path = url.removeprefix("http://127.0.0.1:8000")
        ballot = client.get(path.removesuffix("s")).json()
        assert set(body["choices"]) == {row["cadre_id"] for row in ballot["rows"]}
        cast = client.post(path, json=body)
        assert cast.status_code == 201, cast.text
        assert client.post(path, json=body).json() == cast.json()  # the identical retry: same receipt
        receipt = cast.json()["receipt"]
        assert receipt in client.get(f"/api/v1/rounds/{round_id}/board").json()["receipts"]
        assert client.get(f"/api/v1/rounds/{round_id}/turnout").json() == {"issued": 30, "returned": 6}
        other = client.post(path, json={**body, "code": second})
        assert other.status_code == 201, other.text
        again = client.post(path, json={**body, "code": first, "choices": dict.fromkeys(body["choices"])})
        assert again.status_code == 403 and again.json()["error"]["code"] == "code_not_accepted"
        # The round held this morning: counted, published, signed, with real numbers.
        auth = {"Authorization": f"Bearer {token}"}
        results = client.get(f"/api/v1/rounds/{counted_id}/results", headers=auth).json()
        assert (results["ballots_issued"], results["ballots_returned"], results["present"]) == (19, 17, 18)
        assert [c["band"] for c in results["candidates"]] == ["none", "over_half_low"]
        assert client.get("/api/v1/results", headers=auth).json()["total"] == 1
        (key,) = client.get("/api/v1/keys").json()["keys"]
        assert key["key_id"] == results["signature"]["key_id"]
    assert "already loaded" in demo_command().output
