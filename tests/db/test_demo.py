"""The demo province: realistic, consistent with the rules, and loadable on any day of the year."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.demo.load import load, round_dates
from app.models import Cadre, Candidate, Plan, Round, Unit


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
    loaded = load(session, today)
    assert not loaded.already
    assert (count(session, Unit), count(session, Cadre), count(session, Plan), count(session, Round)) == (
        11,
        40,
        1,
        6,
    )
    plan = session.get(Plan, loaded.plan_id)
    assert plan is not None
    assert {r.vote_date.year for r in plan.rounds} == {plan.vote_year}
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
    short = [r for r in plan.rounds if r.schedule_override_reason]
    assert len(short) == 1 and (short[0].vote_date - today).days < 20
    assert set(loaded.passwords) == {"quantri", "tochuc", "kiemphieu", "giamsat"}
    assert loaded.token.startswith("tn_")


def test_every_round_has_voters_a_counting_committee_and_candidates(session: Session) -> None:
    plan = session.get(Plan, load(session, date(2027, 6, 1)).plan_id)
    assert plan is not None
    for round_ in plan.rounds:
        assert 15 <= len(round_.roster) <= 40
        assert 3 <= len(round_.committee) <= 5
        assert round_.candidates
    assert any(m.cadre_id for r in plan.rounds for m in r.committee)


def test_near_the_years_end_no_round_keeps_an_override_it_did_not_need(session: Session) -> None:
    # On 8 December every round moves into January, at least 24 days ahead: no short notice to explain.
    today = date(2026, 12, 8)
    plan = session.get(Plan, load(session, today).plan_id)
    assert plan is not None
    assert plan.vote_year == 2027
    assert [r.title for r in plan.rounds if r.schedule_override_reason] == []


def test_loading_the_demo_twice_changes_nothing(session: Session) -> None:
    load(session, date(2027, 6, 1))
    again = load(session, date(2027, 6, 1))
    assert again.already and count(session, Cadre) == 40


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
