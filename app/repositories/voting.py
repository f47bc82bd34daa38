"""The sealed box in the database: round keys, credentials (code slips) and sealed ballots.

Ballots are never read back in the order they were stored: receipts come sorted, sealed ballots
shuffled, so no reader (and no log of a reader) sees the arrival order.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session, selectinload

from ..models import Ballot, Cadre, Candidate, Credential, CredentialState, Round, RoundKey, RoundStatus

_shuffle = random.SystemRandom().shuffle


def round_for_ballot(session: Session, round_id: str) -> Round | None:
    """The round, share-locked on PostgreSQL so it cannot close while this ballot is being stored
    (closing takes FOR NO KEY UPDATE, which waits for FOR SHARE); casts do not wait for each other."""
    stmt = select(Round).where(Round.id == round_id).with_for_update(read=True)
    return session.scalar(stmt.execution_options(populate_existing=True))


def eligible_in_ballot_order(session: Session, round_id: str) -> list[str]:
    """The eligible candidates' cadre ids in Vietnamese name order: the ballot's rows."""
    stmt = (
        select(Candidate.cadre_id)
        .join(Cadre, Candidate.cadre_id == Cadre.id)
        .where(Candidate.round_id == round_id, Candidate.eligible.is_(True))
        .order_by(Cadre.sort_key, Cadre.id)
    )
    return list(session.scalars(stmt))


def candidates_with_posts(session: Session, round_id: str) -> dict[str, Candidate]:
    stmt = (
        select(Candidate)
        .where(Candidate.round_id == round_id)
        .options(selectinload(Candidate.cadre).selectinload(Cadre.posts))
    )
    return {c.cadre_id: c for c in session.scalars(stmt)}


def round_key(session: Session, round_id: str) -> RoundKey | None:
    return session.get(RoundKey, round_id)


def replace_credentials(session: Session, round_id: str, digests: Sequence[str]) -> None:
    """Every earlier slip of the round is void; these are the only ones now."""
    session.execute(delete(Credential).where(Credential.round_id == round_id))
    if digests:
        session.execute(
            insert(Credential),
            [{"round_id": round_id, "code_digest": d, "state": CredentialState.UNUSED} for d in digests],
        )


def spend(
    session: Session,
    round_id: str,
    digest: str,
    state: CredentialState,
    receipt_box: bytes | None = None,
) -> bool:
    """Unused to ``state`` in one conditional UPDATE: of two racing spenders exactly one sees True."""
    result = session.execute(
        update(Credential)
        .where(
            Credential.round_id == round_id,
            Credential.code_digest == digest,
            Credential.state == CredentialState.UNUSED,
        )
        .values(state=state, receipt_box=receipt_box)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


def credential_state(
    session: Session, round_id: str, digest: str
) -> tuple[CredentialState, bytes | None] | None:
    """As committed now (not as cached in the session): what a racing request may just have written."""
    stmt = select(Credential.state, Credential.receipt_box).where(
        Credential.round_id == round_id, Credential.code_digest == digest
    )
    row = session.execute(stmt).first()
    return None if row is None else (row[0], row[1])


def add_ballot(session: Session, round_id: str, sealed: bytes, receipt: str) -> None:
    session.execute(insert(Ballot).values(round_id=round_id, sealed=sealed, receipt=receipt))


def counts(session: Session, round_id: str) -> tuple[int, int]:
    """Slips issued and ballots in the box."""
    issued = session.scalar(select(func.count()).where(Credential.round_id == round_id)) or 0
    returned = session.scalar(select(func.count()).where(Ballot.round_id == round_id)) or 0
    return issued, returned


def receipts(session: Session, round_id: str) -> list[str]:
    stmt = select(Ballot.receipt).where(Ballot.round_id == round_id).order_by(Ballot.receipt)
    return list(session.scalars(stmt))


def sealed_ballots(session: Session, round_id: str) -> list[bytes]:
    """Every sealed ballot of the round, shuffled: the count never sees the order of arrival."""
    found = list(session.scalars(select(Ballot.sealed).where(Ballot.round_id == round_id)))
    _shuffle(found)
    return found


# The cast's own statements, in Core on the session's connection: no ORM unit of work, no identity
# map, for the one request that comes by the hundred a second.
_rounds = cast(Table, Round.__table__)
_credentials = cast(Table, Credential.__table__)
_ballots = cast(Table, Ballot.__table__)
RoundState = tuple[RoundStatus, datetime | None, str]


# Built once: a statement object keeps its cache key, so each execution only binds the values.
_STATE = (
    select(_rounds.c.status, _rounds.c.archived_at, _rounds.c.title)
    .where(_rounds.c.id == bindparam("round_id"))
    .with_for_update(read=True)
)
_SPEND = (
    update(_credentials)
    .where(
        _credentials.c.round_id == bindparam("b_round_id"),
        _credentials.c.code_digest == bindparam("b_digest"),
        _credentials.c.state == CredentialState.UNUSED,
    )
    .values(state=bindparam("new_state"), receipt_box=bindparam("box"))
)
_ADD = insert(_ballots)


def round_state_for_ballot(session: Session, round_id: str) -> RoundState | None:
    """The round's status, archive date and title, share-locked like ``round_for_ballot``."""
    row = session.connection().execute(_STATE, {"round_id": round_id}).first()
    return None if row is None else (RoundStatus(row[0]), row[1], row[2])


def spend_fast(
    session: Session, round_id: str, digest: str, state: CredentialState, receipt_box: bytes
) -> bool:
    """``spend`` in Core: unused to ``state`` in one conditional UPDATE."""
    params = {"b_round_id": round_id, "b_digest": digest, "new_state": state, "box": receipt_box}
    return session.connection().execute(_SPEND, params).rowcount == 1


def add_ballot_fast(session: Session, round_id: str, sealed: bytes, receipt: str) -> None:
    """``add_ballot`` in Core (the id still random, from the column's default)."""
    session.connection().execute(_ADD, {"round_id": round_id, "sealed": sealed, "receipt": receipt})


def rewrite_in_key_order(session: Session, round_id: str) -> None:
    """Rewrite the round's ballots in the order of their random ids and its credentials in the order
    of their keyed hashes, so that a copy of the database taken after voting shows neither the order
    in which ballots arrived nor the order in which slips were spent.

    PostgreSQL keeps rows in its heap in the order they were written (an UPDATE writes a new row
    version too), each stamped with its writing transaction, and a plain dump reads them in storage
    order. Written anew in one statement, in key order, the rows share one transaction and take
    their places by key order and free space, not by arrival. SQLite already stores both tables in
    key order (WITHOUT ROWID). Done at close, when no ballot can arrive any more; old row versions
    are invisible to every reader and reclaimed by VACUUM."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table, key in (
        (cast(Table, Ballot.__table__), "id"),
        (cast(Table, Credential.__table__), "code_digest"),
    ):
        mine = table.c.round_id == round_id
        rows = [dict(r) for r in session.execute(select(table).where(mine).order_by(table.c[key])).mappings()]
        session.execute(delete(table).where(mine))
        if rows:
            session.execute(insert(table), rows)
