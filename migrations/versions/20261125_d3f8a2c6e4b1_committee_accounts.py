"""Committee members' accounts: a committee member may be linked to one user of role committee.

Revision ID: d3f8a2c6e4b1
Revises: b7e2f4a9c1d3
Create Date: 2026-11-25 20:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d3f8a2c6e4b1"
down_revision: str | None = "b7e2f4a9c1d3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("committee_members") as batch:
        batch.add_column(sa.Column("user_id", sa.String(length=36), nullable=True))
        batch.create_foreign_key(
            op.f("fk_committee_members_user_id_users"), "users", ["user_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_index(op.f("ix_committee_members_user_id"), ["user_id"], unique=False)
        # One account per member within a round: the two passes of a paper ballot need two people.
        batch.create_unique_constraint(op.f("uq_committee_members_round_id_user_id"), ["round_id", "user_id"])


def downgrade() -> None:
    with op.batch_alter_table("committee_members") as batch:
        batch.drop_constraint(op.f("uq_committee_members_round_id_user_id"), type_="unique")
        batch.drop_index(op.f("ix_committee_members_user_id"))
        batch.drop_constraint(op.f("fk_committee_members_user_id_users"), type_="foreignkey")
        batch.drop_column("user_id")
