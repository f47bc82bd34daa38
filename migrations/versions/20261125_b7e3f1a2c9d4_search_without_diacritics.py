"""Search without diacritics: a search_key on units and cadres ("nguyen van a" finds "Nguyễn Văn A").

Revision ID: b7e3f1a2c9d4
Revises: a1d4c7e9b2f6
Create Date: 2026-11-25 20:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from ballots.names import search_key

revision: str = "b7e3f1a2c9d4"
down_revision: str | None = "a1d4c7e9b2f6"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SOURCES = {"units": "name", "cadres": "full_name"}


def upgrade() -> None:
    bind = op.get_bind()
    for name, source in SOURCES.items():
        with op.batch_alter_table(name) as batch:
            batch.add_column(sa.Column("search_key", sa.String(length=600), nullable=True))
        # Backfilled with the function the application writes with, so old and new rows agree.
        table = sa.table(
            name, sa.column("id", sa.String), sa.column(source, sa.String), sa.column("search_key")
        )
        rows = bind.execute(sa.select(table.c.id, table.c[source])).all()
        if rows:
            bind.execute(
                table.update()
                .where(table.c.id == sa.bindparam("row_id"))
                .values(search_key=sa.bindparam("key")),
                [{"row_id": row_id, "key": search_key(text)} for row_id, text in rows],
            )
        with op.batch_alter_table(name) as batch:
            batch.alter_column("search_key", existing_type=sa.String(length=600), nullable=False)


def downgrade() -> None:
    for name in reversed(SOURCES):
        with op.batch_alter_table(name) as batch:
            batch.drop_column("search_key")
