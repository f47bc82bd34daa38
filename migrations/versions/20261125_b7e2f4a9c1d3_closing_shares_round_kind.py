"""Closing figures, committee key shares awaiting the count, and a round's kind (nq96 follow-up).

Revision ID: b7e2f4a9c1d3
Revises: c4f8a6d2e1b3
Create Date: 2026-11-25 20:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b7e2f4a9c1d3"
down_revision: str | None = "c4f8a6d2e1b3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _round_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["round_id"], ["rounds.id"], name=op.f(f"fk_{table}_round_id_rounds"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "round_closings",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("summoned", sa.Integer(), nullable=False),
        sa.Column("present", sa.Integer(), nullable=False),
        sa.Column("paper_issued", sa.Integer(), nullable=False),
        sa.Column("unused_slips", sa.Integer(), nullable=False),
        sa.Column("voided", sa.JSON(), nullable=False),
        sa.Column("ballots_issued", sa.Integer(), nullable=False),
        sa.Column("quorum_met", sa.Boolean(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "present >= 0 AND present <= summoned", name=op.f("ck_round_closings_present_within_summoned")
        ),
        sa.CheckConstraint(
            "ballots_issued >= 0 AND unused_slips >= 0", name=op.f("ck_round_closings_figures_not_negative")
        ),
        _round_fk("round_closings"),
        sa.PrimaryKeyConstraint("round_id", name=op.f("pk_round_closings")),
    )
    op.create_table(
        "key_share_entries",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("member_index", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("wrapped_words", sa.LargeBinary(), nullable=False),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        _round_fk("key_share_entries"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_key_share_entries_user_id_users")),
        sa.PrimaryKeyConstraint("round_id", "member_index", name=op.f("pk_key_share_entries")),
        sa.UniqueConstraint("round_id", "user_id", name=op.f("uq_key_share_entries_round_id_user_id")),
    )
    with op.batch_alter_table("rounds") as batch:
        # Every round planned before this revision is a regular confidence vote.
        batch.add_column(
            sa.Column(
                "kind",
                sa.Enum(
                    "confidence",
                    "follow_up",
                    name="round_kind",
                    native_enum=False,
                    create_constraint=True,
                    length=32,
                ),
                nullable=False,
                server_default="confidence",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("rounds") as batch:
        # The enum's check names the column: it goes first, or SQLite's table copy keeps it.
        batch.drop_constraint(batch.f("ck_rounds_round_kind"), type_="check")
        batch.drop_column("kind")
    op.drop_table("key_share_entries")
    op.drop_table("round_closings")
