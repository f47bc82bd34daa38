"""Casting a ballot with a code slip, exactly once.

Casting is one transaction: the credential goes from unused to online in a conditional UPDATE and
the sealed ballot is inserted; the request's commit keeps both or neither. The ballot row carries
nothing of the credential: the only bridge is the receipt box on the spent credential, which only
the code itself opens (app/sealing/receipt_box.py), so that a lost answer can be asked for again.

Fast path: an open round's layout and public key never change, so each process keeps them
(``Boxes``) and seals the ballot and derives the keyed hashes before its first statement, that is
before SQLite's write lock is taken; the transaction itself is three short statements (the round's
status under a share lock, the conditional UPDATE, the INSERT), written in Core, not the ORM.
"""

from __future__ import annotations

import hmac
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ballots.codes import parse_code
from ballots.levels import FollowUpLevel, Level
from ballots.sealing import encode_ballot, receipt, seal

from ..models import CredentialState
from ..repositories import voting as repo
from ..repositories.common import not_found
from ..sealing.receipt_box import DUMMY_BOX, box_key, choices_check, close_box, open_box
from .paper import levels_of
from .slips import digest_of
from .voting import ballot_box, refused, require_open, require_open_state

Choice = Level | FollowUpLevel | None


@dataclass(frozen=True)
class Box:
    """What sealing a ballot of a round needs: its rows (frozen at opening), its public key, and its
    boxes (the three levels, or the two of an nq96 follow-up vote)."""

    layout: tuple[str, ...]
    public_key: bytes
    levels: type[Level] | type[FollowUpLevel] = Level


class Boxes:
    """Per process, the boxes of the rounds cast into lately (a few hundred at most)."""

    def __init__(self, size: int = 256) -> None:
        self._found: OrderedDict[str, Box] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, round_id: str) -> Box | None:
        with self._lock:
            return self._found.get(round_id)

    def put(self, round_id: str, box: Box) -> None:
        with self._lock:
            self._found[round_id] = box
            while len(self._found) > self._size:
                self._found.popitem(last=False)


def _first_box(session: Session, round_id: str, boxes: Boxes) -> Box:
    """A round not seen yet by this process: checked and share-locked the slow way, then kept."""
    round_ = require_open(repo.round_for_ballot(session, round_id), round_id)
    key = ballot_box(session, round_)
    box = Box(tuple(key.layout), key.public_key, levels_of(round_))
    boxes.put(round_id, box)
    return box


@dataclass(frozen=True)
class Sealed:
    """A ballot made ready to store: sealed, its receipt, the code's keyed hash and receipt box."""

    key: bytes
    check: bytes
    sealed: bytes
    made: str
    digest: str
    receipt_box: bytes


def _seal(box: Box, round_id: str, canonical: str, choices: Mapping[str, Choice], secret: bytes) -> Sealed:
    # Unknown or missing rows, or a level not on this ballot: refused before any write.
    plaintext = encode_ballot(box.layout, choices, box.levels)
    key = box_key(secret, round_id, canonical)
    check = choices_check(key, plaintext)
    sealed = seal(plaintext, box.public_key, round_id)
    made = receipt(sealed)
    return Sealed(
        key, check, sealed, made, digest_of(secret, round_id, canonical), close_box(key, made, check)
    )


def prepare(
    round_id: str, code: str, choices: Mapping[str, Choice], secret: bytes, boxes: Boxes
) -> Sealed | None:
    """Everything but the database, done before the transaction (None: the round's box is not known
    to this process yet, and ``store`` reads it first)."""
    canonical = parse_code(code)  # a typing error is told apart (422); it proves nothing about slips
    box = boxes.get(round_id)
    return None if box is None else _seal(box, round_id, canonical, choices, secret)


def store(
    session: Session,
    ready: Sealed | None,
    *,
    round_id: str,
    code: str,
    choices: Mapping[str, Choice],
    secret: bytes,
    boxes: Boxes,
) -> tuple[str, bool]:
    """The transaction: the receipt, and whether the ballot was stored now (False: the identical
    request came before)."""
    if ready is None:
        ready = _seal(_first_box(session, round_id, boxes), round_id, parse_code(code), choices, secret)
    else:
        # The first statement: from here SQLite's write lock is held, so the sealing ran without it.
        state = repo.round_state_for_ballot(session, round_id)
        if state is None:
            raise not_found("round", round_id)
        require_open_state(*state)
    if repo.spend_fast(session, round_id, ready.digest, CredentialState.ONLINE, ready.receipt_box):
        repo.add_ballot_fast(session, round_id, ready.sealed, ready.made)
        return ready.made, True
    # Unknown, spent on paper, or spent online: the same work (a box opened) and the same refusal,
    # except for the one case the code's own box proves: this very ballot was cast with it before.
    found = repo.credential_state(session, round_id, ready.digest)
    stored = found[1] if found is not None and found[1] is not None else DUMMY_BOX
    opened = open_box(ready.key, stored)
    if found is not None and found[0] is CredentialState.ONLINE and opened is not None:
        earlier, earlier_check = opened
        if hmac.compare_digest(earlier_check, ready.check):
            return earlier, False
    raise refused()


def cast(
    session: Session,
    round_id: str,
    code: str,
    choices: Mapping[str, Choice],
    secret: bytes,
    boxes: Boxes | None = None,
) -> tuple[str, bool]:
    """``prepare`` and ``store`` in one go (the web page, the demo). ``boxes``: the process's cache
    (without one, the round is read afresh)."""
    boxes = Boxes() if boxes is None else boxes
    ready = prepare(round_id, code, choices, secret, boxes)
    return store(session, ready, round_id=round_id, code=code, choices=choices, secret=secret, boxes=boxes)
