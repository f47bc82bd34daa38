"""Paper ballots: how many a round handed out, and each returned ballot entered twice.

An entry has no time and no reference to a code slip or a voter; it names the operator who typed
it, so that the two passes of one ballot are typed by two different people.

Revision ID: 9c3e5a7d1f20
Revises: 4b95cbf108be
Create Date: 2026-11-25 19:35:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "9c3e5a7d1f20"
down_revision: str | None = "4b95cbf108be"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _round_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["round_id"], ["rounds.id"], name=op.f(f"fk_{table}_round_id_rounds"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "paper_issues",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("issued", sa.Integer(), nullable=False),
        sa.CheckConstraint("issued >= 0", name=op.f("ck_paper_issues_issued_not_negative")),
        _round_fk("paper_issues"),
        sa.PrimaryKeyConstraint("round_id", name=op.f("pk_paper_issues")),
    )
    op.create_table(
        "paper_entries",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("pass_no", sa.Integer(), nullable=False),
        sa.Column("entered_by", sa.String(length=36), nullable=False),
        sa.Column("stamped", sa.Boolean(), nullable=False),
        sa.Column("rows", sa.JSON(), nullable=False),
        sa.CheckConstraint("number >= 1", name=op.f("ck_paper_entries_number_positive")),
        sa.CheckConstraint("pass_no IN (1, 2)", name=op.f("ck_paper_entries_pass_one_or_two")),
        _round_fk("paper_entries"),
        sa.ForeignKeyConstraint(["entered_by"], ["users.id"], name=op.f("fk_paper_entries_entered_by_users")),
        sa.PrimaryKeyConstraint("round_id", "number", "pass_no", name=op.f("pk_paper_entries")),
        sa.UniqueConstraint(
            "round_id", "number", "entered_by", name=op.f("uq_paper_entries_round_id_number_entered_by")
        ),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("paper_entries")
    op.drop_table("paper_issues")
