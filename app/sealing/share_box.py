"""A committee member's share at rest between its entry and the count, encrypted under the service
secret for this round alone (ChaCha20-Poly1305, the round id and the member's slot as associated
data), so that a database copy alone never holds the words; the count deletes them."""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from ballots.codes import round_key
from ballots.errors import SealBroken

PURPOSE = "key share at rest"
NONCE_BYTES = 12


def _associated(round_id: str, slot: int) -> bytes:
    return f"tinnhiem key share v1|{round_id}|{slot}".encode()


def box_share(words: str, service_secret: bytes, round_id: str, slot: int) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    aead = ChaCha20Poly1305(round_key(service_secret, round_id, PURPOSE))
    return nonce + aead.encrypt(nonce, words.encode(), _associated(round_id, slot))


def open_share(boxed: bytes, service_secret: bytes, round_id: str, slot: int) -> str:
    aead = ChaCha20Poly1305(round_key(service_secret, round_id, PURPOSE))
    try:
        return aead.decrypt(boxed[:NONCE_BYTES], boxed[NONCE_BYTES:], _associated(round_id, slot)).decode()
    except InvalidTag:
        raise SealBroken(
            "a stored key share does not open: the service secret changed; enter the shares again",
            message_vi="Không mở được mảnh khóa đã lưu: khóa bí mật của hệ thống đã đổi; "
            "hãy nhập lại các mảnh khóa",
            details={"round_id": round_id},
        ) from None
