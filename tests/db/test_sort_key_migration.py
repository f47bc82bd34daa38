"""The name sort keys are backfilled for rows written before the migration that added them."""

from __future__ import annotations

from sqlalchemy import text

from app.db import make_engine
from app.migrate import upgrade
from ballots.names import sort_key


def test_existing_names_get_their_sort_key_when_the_column_is_added(empty_database_url: str) -> None:
    upgrade(empty_database_url, "49e2976a1ede")  # the revision before the sort keys
    engine = make_engine(empty_database_url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO cadres (id, full_name, created_at, updated_at) "
                    "VALUES ('c1', 'Đặng Văn An', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                )
            )
        upgrade(empty_database_url)
        with engine.connect() as conn:
            stored = conn.execute(text("SELECT sort_key FROM cadres WHERE id = 'c1'")).scalar_one()
    finally:
        engine.dispose()
    assert stored == sort_key("Đặng Văn An")
