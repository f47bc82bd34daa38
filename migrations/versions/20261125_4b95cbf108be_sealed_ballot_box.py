"""The sealed ballot box: round keys, code-slip credentials, sealed ballots, a round's sealing mode.

No table here has a time column, a sequence or a reference from a ballot to a credential: the
database must not be able to tell which slip cast which ballot.

Revision ID: 4b95cbf108be
Revises: 5e2b7a91c4d3
Create Date: 2026-11-25 18:28:43.127288
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "4b95cbf108be"
down_revision: str | None = "5e2b7a91c4d3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def _round_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["round_id"], ["rounds.id"], name=op.f(f"fk_{table}_round_id_rounds"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "ballots",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.Column("receipt", sa.String(length=64), nullable=False),
        _round_fk("ballots"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ballots")),
        sa.UniqueConstraint("round_id", "receipt", name=op.f("uq_ballots_round_id_receipt")),
        # SQLite stores rows in rowid order, i.e. in order of arrival; without a rowid they are kept
        # in the order of their random ids, and a copy of the file shows no arrival order.
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("ballots") as batch:
        batch.create_index(batch.f("ix_ballots_round_id"), ["round_id"], unique=False)
    op.create_table(
        "credentials",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("code_digest", sa.String(length=64), nullable=False),
        sa.Column("state", _enum("credential_state", "unused", "online", "paper"), nullable=False),
        sa.Column("receipt_box", sa.LargeBinary(length=128), nullable=True),
        _round_fk("credentials"),
        sa.PrimaryKeyConstraint("round_id", "code_digest", name=op.f("pk_credentials")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "round_keys",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("mode", _enum("round_key_mode", "server", "committee"), nullable=False),
        sa.Column("public_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("wrapped_private_key", sa.LargeBinary(length=64), nullable=True),
        sa.Column("threshold", sa.Integer(), nullable=True),
        sa.Column("layout", sa.JSON(), nullable=False),
        sa.CheckConstraint(
            "(mode = 'server' AND wrapped_private_key IS NOT NULL AND threshold IS NULL) OR "
            "(mode = 'committee' AND wrapped_private_key IS NULL AND threshold >= 1)",
            name=op.f("ck_round_keys_custody"),
        ),
        _round_fk("round_keys"),
        sa.PrimaryKeyConstraint("round_id", name=op.f("pk_round_keys")),
    )
    with op.batch_alter_table("rounds") as batch:
        # Rounds planned before this revision keep the default: the key wrapped by the service.
        batch.add_column(
            sa.Column(
                "sealing",
                _enum("round_sealing", "server", "committee"),
                nullable=False,
                server_default="server",
            )
        )
        batch.add_column(sa.Column("sealing_threshold", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rounds") as batch:
        # The enum's check names the column: it goes first, or SQLite's table copy keeps it.
        batch.drop_constraint(batch.f("ck_rounds_round_sealing"), type_="check")
        batch.drop_column("sealing_threshold")
        batch.drop_column("sealing")
    op.drop_table("round_keys")
    op.drop_table("credentials")
    with op.batch_alter_table("ballots") as batch:
        batch.drop_index(batch.f("ix_ballots_round_id"))
    op.drop_table("ballots")
