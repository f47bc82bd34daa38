"""Names sort in Vietnamese order: a sort_key on cadres, roster entries and committee members.

Revision ID: 5e2b7a91c4d3
Revises: 49e2976a1ede
Create Date: 2026-11-25 18:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from ballots.names import sort_key

revision: str = "5e2b7a91c4d3"
down_revision: str | None = "49e2976a1ede"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Byte-wise on PostgreSQL, as the model declares: the key is built to sort that way.
SORT_KEY = sa.String(length=600).with_variant(sa.String(length=600, collation="C"), "postgresql")
TABLES = ("cadres", "roster_entries", "committee_members")
INDEXES = {
    "cadres": ("ix_cadres_sort_key", ["sort_key"]),
    "roster_entries": ("ix_roster_entries_round_id_sort_key", ["round_id", "sort_key"]),
    "committee_members": ("ix_committee_members_round_id_sort_key", ["round_id", "sort_key"]),
}


def upgrade() -> None:
    bind = op.get_bind()
    for name in TABLES:
        with op.batch_alter_table(name) as batch:
            batch.add_column(sa.Column("sort_key", SORT_KEY, nullable=True))
        # Backfilled with the same function the application writes with, so old and new rows agree.
        table = sa.table(
            name,
            sa.column("id", sa.String),
            sa.column("full_name", sa.String),
            sa.column("sort_key", sa.String),
        )
        rows = bind.execute(sa.select(table.c.id, table.c.full_name)).all()
        if rows:
            bind.execute(
                table.update()
                .where(table.c.id == sa.bindparam("row_id"))
                .values(sort_key=sa.bindparam("key")),
                [{"row_id": row_id, "key": sort_key(full_name)} for row_id, full_name in rows],
            )
        index, columns = INDEXES[name]
        with op.batch_alter_table(name) as batch:
            batch.alter_column("sort_key", existing_type=SORT_KEY, nullable=False)
            batch.create_index(index, columns, unique=False)


def downgrade() -> None:
    for name in reversed(TABLES):
        with op.batch_alter_table(name) as batch:
            batch.drop_index(INDEXES[name][0])
            batch.drop_column("sort_key")
