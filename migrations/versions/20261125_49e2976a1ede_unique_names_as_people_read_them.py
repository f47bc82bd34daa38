"""Unit names and plan numbers unique as people read them, top-level units included.

A stored key (NFC, case folded, spaces collapsed: ballots.records.name_key) carries the unique indexes, so
"Sở Tài chính" and "SỞ TÀI CHÍNH" clash under one parent, and so do two units without a parent
(NULLs never clash in a plain unique constraint). The key is computed in Python, so SQLite and
PostgreSQL agree on it; existing rows are keyed here, and duplicates stop the upgrade by name.

Revision ID: 49e2976a1ede
Revises: c68bdffbf9db
Create Date: 2026-11-25 18:10:00.000000
"""

import unicodedata
from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "49e2976a1ede"
down_revision: str | None = "c68bdffbf9db"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOP_LEVEL = sa.text("parent_id IS NULL")


def _key(text: str) -> str:
    # ballots.records.name_key as of this revision, frozen here: a migration must not change later.
    folded = unicodedata.normalize("NFD", " ".join(text.split())).casefold()
    return unicodedata.normalize("NFC", folded)


def _fill_keys(table: str, column: str, scope: str | None) -> None:
    """Key every row; refuse to go on, naming them, when two rows would share a key."""
    conn = op.get_bind()
    scope_sql = f", {scope}" if scope else ", NULL"
    rows = conn.execute(sa.text(f"SELECT id, {column}{scope_sql} FROM {table}")).all()
    seen: dict[tuple[object, str], list[str]] = defaultdict(list)
    for row_id, value, parent in rows:
        key = _key(value)
        seen[(parent, key)].append(value)
        conn.execute(
            sa.text(f"UPDATE {table} SET {column}_key = :key WHERE id = :id"), {"key": key, "id": row_id}
        )
    clashes = [names for names in seen.values() if len(names) > 1]
    if clashes:
        listed = "; ".join(" / ".join(repr(n) for n in names) for names in clashes)
        raise RuntimeError(f"{table}: these {column}s differ only in case or spacing: {listed}; rename them")


def upgrade() -> None:
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_key", sa.Text(), nullable=True))
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("number_key", sa.Text(), nullable=True))
    _fill_keys("units", "name", "parent_id")
    _fill_keys("plans", "number", None)
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.alter_column("name_key", existing_type=sa.Text(), nullable=False)
        batch_op.drop_constraint(batch_op.f("uq_units_parent_id_name"), type_="unique")
        batch_op.create_unique_constraint(
            batch_op.f("uq_units_parent_id_name_key"), ["parent_id", "name_key"]
        )
    op.create_index(
        "uq_units_top_level_name_key",
        "units",
        ["name_key"],
        unique=True,
        sqlite_where=TOP_LEVEL,
        postgresql_where=TOP_LEVEL,
    )
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.alter_column("number_key", existing_type=sa.Text(), nullable=False)
        batch_op.drop_constraint(batch_op.f("uq_plans_number"), type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_plans_number_key"), ["number_key"])


def downgrade() -> None:
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_plans_number_key"), type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_plans_number"), ["number"])
        batch_op.drop_column("number_key")
    op.drop_index("uq_units_top_level_name_key", table_name="units")
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_units_parent_id_name_key"), type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_units_parent_id_name"), ["parent_id", "name"])
        batch_op.drop_column("name_key")
