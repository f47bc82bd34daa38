"""The ``server`` sealing mode: a round's private key kept encrypted under the service secret.

The key is sealed with ChaCha20-Poly1305 under a key derived from the service secret for this round
alone (``ballots.codes.round_key``), with the round id as associated data: a wrapped key copied to
another round's row, or opened with another deployment's secret, is refused instead of misused.

Layout: one version byte, the 12-byte nonce, then the ciphertext and its 16-byte tag. The nonce is
random (each round's derived key wraps one private key, so a repeat is beyond reach); tests pass
their own to get fixed bytes.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from ballots.codes import round_key
from ballots.errors import InvalidInput, SealBroken
from ballots.sealing import KEY_BYTES

VERSION = b"\x01"
NONCE_BYTES = 12
TAG_BYTES = 16
WRAPPED_BYTES = len(VERSION) + NONCE_BYTES + KEY_BYTES + TAG_BYTES
PURPOSE = "round private key"


def _aead(service_secret: bytes, round_id: str) -> ChaCha20Poly1305:
    return ChaCha20Poly1305(round_key(service_secret, round_id, PURPOSE))


def _associated(round_id: str) -> bytes:
    return b"tinnhiem round key v1|" + round_id.encode()


def wrap_private_key(
    private_key: bytes, service_secret: bytes, round_id: str, *, nonce: bytes | None = None
) -> bytes:
    """The private key encrypted for storage beside its round."""
    if len(private_key) != KEY_BYTES:
        raise InvalidInput(f"a round's private key is {KEY_BYTES} bytes, got {len(private_key)}")
    nonce = os.urandom(NONCE_BYTES) if nonce is None else nonce
    if len(nonce) != NONCE_BYTES:
        raise InvalidInput(f"a nonce is {NONCE_BYTES} bytes, got {len(nonce)}")
    sealed = _aead(service_secret, round_id).encrypt(nonce, private_key, _associated(round_id))
    return VERSION + nonce + sealed


def unwrap_private_key(wrapped: bytes, service_secret: bytes, round_id: str) -> bytes:
    """The private key back; refused if the secret, the round or a single byte is not what it was."""
    refused = SealBroken(
        "the round's stored key does not open: the service secret changed, or it belongs to another round",
        message_vi=(
            "Không mở được khóa của đợt bỏ phiếu: khóa bí mật của hệ thống đã đổi hoặc khóa thuộc đợt khác"
        ),
        details={"round_id": round_id},
    )
    if len(wrapped) != WRAPPED_BYTES or wrapped[:1] != VERSION:
        raise refused
    nonce, sealed = wrapped[1 : 1 + NONCE_BYTES], wrapped[1 + NONCE_BYTES :]
    try:
        return _aead(service_secret, round_id).decrypt(nonce, sealed, _associated(round_id))
    except InvalidTag:
        raise refused from None
