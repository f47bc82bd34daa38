"""The server sealing mode: a round's private key encrypted under the service secret and the round."""

from __future__ import annotations

import random

import pytest

from app.sealing.keystore import WRAPPED_BYTES, unwrap_private_key, wrap_private_key
from ballots.errors import InvalidInput, SealBroken
from ballots.sealing import round_keys

SECRET = b"service-secret-" + b"x" * 17
ROUND = "round-1"
PRIVATE = round_keys(random.Random(1).randbytes(32)).private_key


def test_a_wrapped_key_unwraps_with_the_same_secret_and_round() -> None:
    wrapped = wrap_private_key(PRIVATE, SECRET, ROUND)
    assert len(wrapped) == WRAPPED_BYTES
    assert PRIVATE not in wrapped
    assert unwrap_private_key(wrapped, SECRET, ROUND) == PRIVATE


def test_wrapping_twice_gives_different_bytes_unless_the_nonce_is_given() -> None:
    assert wrap_private_key(PRIVATE, SECRET, ROUND) != wrap_private_key(PRIVATE, SECRET, ROUND)
    nonce = bytes(12)
    assert wrap_private_key(PRIVATE, SECRET, ROUND, nonce=nonce) == wrap_private_key(
        PRIVATE, SECRET, ROUND, nonce=nonce
    )


def test_another_service_secret_does_not_open_the_key() -> None:
    wrapped = wrap_private_key(PRIVATE, SECRET, ROUND)
    with pytest.raises(SealBroken, match="service secret changed") as refused:
        unwrap_private_key(wrapped, b"another-secret-" + b"y" * 17, ROUND)
    assert refused.value.message_vi.startswith("Không mở được khóa")
    assert refused.value.details == {"round_id": ROUND}


def test_a_key_copied_to_another_round_does_not_open() -> None:
    with pytest.raises(SealBroken):
        unwrap_private_key(wrap_private_key(PRIVATE, SECRET, ROUND), SECRET, "round-2")


def test_a_wrapped_key_with_any_byte_flipped_does_not_open() -> None:
    wrapped = wrap_private_key(PRIVATE, SECRET, ROUND)
    for position in range(len(wrapped)):
        tampered = bytearray(wrapped)
        tampered[position] ^= 0x80
        with pytest.raises(SealBroken):
            unwrap_private_key(bytes(tampered), SECRET, ROUND)


@pytest.mark.parametrize("cut", [0, 1, WRAPPED_BYTES - 1])
def test_a_truncated_or_lengthened_key_does_not_open(cut: int) -> None:
    wrapped = wrap_private_key(PRIVATE, SECRET, ROUND)
    with pytest.raises(SealBroken):
        unwrap_private_key(wrapped[:cut], SECRET, ROUND)
    with pytest.raises(SealBroken):
        unwrap_private_key(wrapped + b"\x00", SECRET, ROUND)


def test_only_a_32_byte_key_and_a_12_byte_nonce_are_accepted() -> None:
    with pytest.raises(InvalidInput, match="32 bytes, got 31"):
        wrap_private_key(PRIVATE[:31], SECRET, ROUND)
    with pytest.raises(InvalidInput, match="nonce is 12 bytes, got 8"):
        wrap_private_key(PRIVATE, SECRET, ROUND, nonce=bytes(8))


def test_a_short_service_secret_is_refused() -> None:
    with pytest.raises(InvalidInput, match="at least 16 bytes"):
        wrap_private_key(PRIVATE, b"short", ROUND)
