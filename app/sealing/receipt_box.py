"""The answer to an identical retry: a spent slip keeps its ballot's receipt, locked by its own code.

A voter whose answer was lost (a dropped connection, a double click) sends the same request again
and must get the same receipt back, not a refusal. So the credential keeps, after spending, a small
box: the receipt and a keyed check of the choices, encrypted with ChaCha20-Poly1305 under a key
derived from the service secret, the round and the code itself. The database holds only the code's
keyed hash, never the code: without the slip in hand nobody (an operator included) can open the box
and join a credential to its ballot. The check of the choices is keyed by the same key, so it cannot
be matched against guessed ballots either.

Layout: the 12-byte nonce, then the ciphertext of receipt (32 bytes) + check (32 bytes) and its tag.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ballots.codes import round_key

NONCE_BYTES = 12
RECEIPT_BYTES = 32
BOX_BYTES = NONCE_BYTES + 2 * RECEIPT_BYTES + 16
PURPOSE = "receipt box"
ASSOCIATED = b"tinnhiem receipt box v1"
# Opened when a code is unknown, so that answer costs what a spent code's answer costs.
DUMMY_BOX = bytes(BOX_BYTES)


def box_key(service_secret: bytes, round_id: str, code: str) -> bytes:
    """The key of one slip's box; ``code`` is the canonical code (ballots.codes.parse_code)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=code.encode("ascii")).derive(
        round_key(service_secret, round_id, PURPOSE)
    )


def choices_check(key: bytes, encoded_ballot: bytes) -> bytes:
    """Tells an identical retry from a different ballot without keeping the ballot."""
    return hmac.new(key, b"choices|" + encoded_ballot, hashlib.sha256).digest()


def close_box(key: bytes, receipt: str, check: bytes, *, nonce: bytes | None = None) -> bytes:
    nonce = os.urandom(NONCE_BYTES) if nonce is None else nonce
    sealed = ChaCha20Poly1305(key).encrypt(nonce, bytes.fromhex(receipt) + check, ASSOCIATED)
    return nonce + sealed


def open_box(key: bytes, box: bytes) -> tuple[str, bytes] | None:
    """The receipt and the check, or None when the box is not this code's (or not a box at all)."""
    try:
        opened = ChaCha20Poly1305(key).decrypt(box[:NONCE_BYTES], box[NONCE_BYTES:], ASSOCIATED)
    except InvalidTag:
        return None
    return opened[:RECEIPT_BYTES].hex(), opened[RECEIPT_BYTES:]
