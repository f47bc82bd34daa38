"""The Ed25519 keys that sign results: made on first need, listed publicly, rotated by the CLI.

A retired key stays listed (with ``retired_at``), so every result signed with it still verifies.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ballots.signing import Signature, sign

from ..models import SigningKey
from ..repositories import common
from ..repositories import counting as repo
from ..sealing.signing_keys import new_signing_key, unwrap_seed, wrap_seed


@dataclass(frozen=True)
class PublicKey:
    key_id: str
    public_key: bytes
    created_at: datetime
    retired_at: datetime | None


def _make(session: Session, secret: bytes, now: datetime) -> SigningKey:
    kid, public, seed = new_signing_key()
    key = SigningKey(
        key_id=kid, public_key=public, wrapped_private_key=wrap_seed(seed, secret, kid), created_at=now
    )
    return common.add(session, key)


def current(session: Session, secret: bytes, now: datetime) -> SigningKey:
    """The key that signs now, made on first need; two first uses at once make one key."""
    found = repo.current_signing_key(session)
    if found is not None:
        return found
    repo.lock_signing_keys(session)
    return repo.current_signing_key(session) or _make(session, secret, now)


def rotate(session: Session, secret: bytes, now: datetime) -> tuple[str | None, SigningKey]:
    """Retire the current key (if any) and make a new one: (the retired key id, the new key)."""
    repo.lock_signing_keys(session)
    old = repo.current_signing_key(session)
    repo.retire_current(session, now)
    return (old.key_id if old else None), _make(session, secret, now)


def sign_document(session: Session, document: Mapping[str, Any], secret: bytes, now: datetime) -> Signature:
    key = current(session, secret, now)
    return sign(document, unwrap_seed(key.wrapped_private_key, secret, key.key_id))


def public_keys(session: Session) -> list[PublicKey]:
    return [PublicKey(k.key_id, k.public_key, k.created_at, k.retired_at) for k in repo.signing_keys(session)]
