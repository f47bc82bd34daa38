"""Signed results: the canonical JSON of a document and its Ed25519 signature (design.md, "Contracts").

The canonical form is the one other systems recompute to check a signature: keys sorted, no spaces,
UTF-8 (not ``\\u`` escapes), and the ``signature`` member left out. A key id is the first 16 bytes
of the SHA-256 of the raw public key, in hex, so a verifier can pick the key without trusting us.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import InvalidInput, SealBroken

ALGORITHM = "Ed25519"
SIGNATURE_MEMBER = "signature"


@dataclass(frozen=True)
class Signature:
    key_id: str
    value: str  # base64 (standard alphabet, padded) of the 64-byte signature
    alg: str = ALGORITHM

    def as_json(self) -> dict[str, str]:
        return {"alg": self.alg, "key_id": self.key_id, "value": self.value}


def canonical_json(document: Mapping[str, Any]) -> bytes:
    """Sorted keys, no whitespace, UTF-8; the ``signature`` member is never part of what is signed."""
    unsigned = {k: v for k, v in document.items() if k != SIGNATURE_MEMBER}
    return json.dumps(unsigned, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def key_id(public_key: bytes) -> str:
    if len(public_key) != 32:
        raise InvalidInput("an Ed25519 public key is 32 bytes")
    return hashlib.sha256(public_key).hexdigest()[:32]


def signing_key_from_seed(seed: bytes) -> tuple[bytes, bytes]:
    """(private seed, raw public key) for a 32-byte seed made by the caller."""
    if len(seed) != 32:
        raise InvalidInput("an Ed25519 private key is made from 32 bytes")
    public = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw()
    return seed, public


def sign(document: Mapping[str, Any], seed: bytes) -> Signature:
    private = Ed25519PrivateKey.from_private_bytes(seed)
    value = private.sign(canonical_json(document))
    return Signature(key_id(private.public_key().public_bytes_raw()), base64.b64encode(value).decode())


def check_signature(document: Mapping[str, Any], signature: Signature, public_key: bytes) -> None:
    """Raises SealBroken unless ``signature`` is ``public_key``'s signature over the document."""
    if signature.alg != ALGORITHM or signature.key_id != key_id(public_key):
        raise SealBroken(
            "the signature was not made with this key",
            message_vi="Chữ ký không được tạo bằng khóa này",
            details={"key_id": signature.key_id},
        )
    try:
        raw = base64.b64decode(signature.value, validate=True)
        Ed25519PublicKey.from_public_bytes(public_key).verify(raw, canonical_json(document))
    except (InvalidSignature, ValueError) as exc:
        raise SealBroken(
            "the signature does not match the document: it was changed after signing",
            message_vi="Chữ ký không khớp với nội dung: kết quả đã bị sửa sau khi ký",
        ) from exc
