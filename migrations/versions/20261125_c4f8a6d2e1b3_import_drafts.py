"""Import drafts: an uploaded sheet kept between its preview and the save.

Revision ID: c4f8a6d2e1b3
Revises: b7e3f1a2c9d4
Create Date: 2026-11-25 21:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c4f8a6d2e1b3"
down_revision: str | None = "b7e3f1a2c9d4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "import_drafts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("sheet", sa.String(length=16), nullable=False),
        sa.Column("round_id", sa.String(length=36), nullable=True),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_import_drafts_user_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["round_id"], ["rounds.id"], name=op.f("fk_import_drafts_round_id_rounds"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_drafts")),
    )
    op.create_index(op.f("ix_import_drafts_user_id"), "import_drafts", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_import_drafts_user_id"), table_name="import_drafts")
    op.drop_table("import_drafts")
