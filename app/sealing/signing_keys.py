"""The service's Ed25519 signing keys at rest: the 32-byte seed wrapped under the service secret.

It reuses the round-key wrapping (keystore.py) under a context of its own ("signing key" and the
key id), so a wrapped signing key cannot be unwrapped as a round's key, nor as another signing key.
"""

from __future__ import annotations

import os

from ballots.signing import key_id, signing_key_from_seed

from .keystore import unwrap_private_key, wrap_private_key

CONTEXT = "signing key|"


def new_signing_key() -> tuple[str, bytes, bytes]:
    """(key id, raw public key, seed) for a fresh key drawn from the operating system."""
    seed, public = signing_key_from_seed(os.urandom(32))
    return key_id(public), public, seed


def wrap_seed(seed: bytes, service_secret: bytes, kid: str) -> bytes:
    return wrap_private_key(seed, service_secret, CONTEXT + kid)


def unwrap_seed(wrapped: bytes, service_secret: bytes, kid: str) -> bytes:
    return unwrap_private_key(wrapped, service_secret, CONTEXT + kid)
