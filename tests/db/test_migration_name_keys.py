"""Migration 49e2976a1ede keys the unit names and plan numbers already stored, or names the clash."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import text

from app.db import make_engine
from app.migrate import upgrade
from ballots.records import name_key

BEFORE = "c68bdffbf9db"
NOW = "2026-11-25 00:00:00+00:00"


def _insert(url: str, unit_names: list[str], plan_numbers: list[str]) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        for i, name in enumerate(unit_names):
            conn.execute(
                text(
                    "INSERT INTO units (id, name, level, created_at, updated_at) "
                    "VALUES (:id, :name, 'province', :now, :now)"
                ),
                {"id": f"u{i}", "name": name, "now": NOW},
            )
        for i, number in enumerate(plan_numbers):
            conn.execute(
                text(
                    "INSERT INTO plans (id, number, title, issuing_body, term_start, term_end, vote_year, "
                    "publication_audience, publication_days, ballot_retention_years, paper_retention_years, "
                    "created_at, updated_at) VALUES (:id, :number, 'Kế hoạch', 'Tỉnh ủy', 2025, 2030, 2027, "
                    "'', 15, 5, 10, :now, :now)"
                ),
                {"id": f"p{i}", "number": number, "now": NOW},
            )
    engine.dispose()


def test_stored_names_and_numbers_are_keyed_on_upgrade(empty_database_url: str) -> None:
    upgrade(empty_database_url, BEFORE)
    _insert(empty_database_url, ["Tỉnh Hà Sơn", "Tỉnh Đông"], ["96-KH/TU"])
    upgrade(empty_database_url)
    engine = make_engine(empty_database_url)
    with engine.connect() as conn:
        units = dict(conn.execute(text("SELECT name, name_key FROM units")).all())
        plans = dict(conn.execute(text("SELECT number, number_key FROM plans")).all())
    engine.dispose()
    assert units == {"Tỉnh Hà Sơn": name_key("Tỉnh Hà Sơn"), "Tỉnh Đông": name_key("Tỉnh Đông")}
    assert plans == {"96-KH/TU": "96-kh/tu"}


def test_top_level_units_that_differ_only_in_case_stop_the_upgrade_naming_them(
    empty_database_url: str,
) -> None:
    upgrade(empty_database_url, BEFORE)
    _insert(empty_database_url, ["Tỉnh Hà Sơn", unicodedata.normalize("NFD", "TỈNH HÀ SƠN")], [])
    with pytest.raises(RuntimeError, match="units: these names differ only in case or spacing"):
        upgrade(empty_database_url)
