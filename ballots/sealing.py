"""The sealed ballot box: fixed-length ballots, HPKE sealing to the round's key, receipts, the board.

A cast ballot is encoded with one character per row of the round's layout, so every ballot of a round
has the same length and the ciphertext's size says nothing about the choices. It is sealed with HPKE
(RFC 9180: X25519, HKDF-SHA256, ChaCha20-Poly1305) to the round's public key, with the round id bound
in ``info``: a ballot copied into another round does not open there.

Randomness: the round's key pair comes from 32 bytes handed in by the shell, like every other random
value of the core. HPKE's ephemeral key is the one exception: ``cryptography`` draws it from the
operating system inside ``Suite.encrypt`` and offers no way to pass it in. We accept that, since it is
what makes two identical ballots seal to different bytes (so equal receipts cannot reveal equal
votes); tests therefore check properties of ``seal``, never its exact output.

A receipt is the SHA-256 of the sealed bytes (the board needs the whole hash to resist collisions);
``short_receipt`` is its first 80 bits in Crockford groups, short enough to read aloud.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import overload

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from .codes import encode_base32, grouped
from .errors import InvalidInput, SealBroken
from .levels import FollowUpLevel, Level

SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)
INFO_PREFIX = b"tinnhiem ballot v1|"
KEY_BYTES = 32
BLANK = "-"  # a row left blank: counted as invalid for that cadre (regulation.md §5)
MARKS = {Level.HIGH: "H", Level.MEDIUM: "M", Level.LOW: "L"}
LEVELS = {mark: level for level, mark in MARKS.items()}
# The nq96 follow-up ballot has its own marks, so a ballot of one kind never decodes as the other.
FOLLOW_UP_MARKS = {FollowUpLevel.TRUST: "T", FollowUpLevel.NO_TRUST: "N"}
FOLLOW_UP_LEVELS = {mark: level for level, mark in FOLLOW_UP_MARKS.items()}
AnyLevel = Level | FollowUpLevel
ALL_MARKS: dict[AnyLevel, str] = {
    level: mark for table in (MARKS, FOLLOW_UP_MARKS) for level, mark in table.items()
}
RECEIPT_HEX = 64
SHORT_RECEIPT_BYTES = 10  # 80 bits: 16 characters, enough to find one's own among millions


@dataclass(frozen=True)
class RoundKeys:
    """A round's X25519 key pair as raw bytes (32 each); the private half is never published."""

    private_key: bytes
    public_key: bytes


def round_keys(random32: bytes) -> RoundKeys:
    if len(random32) != KEY_BYTES:
        raise InvalidInput(f"a round key needs exactly {KEY_BYTES} random bytes, got {len(random32)}")
    private = X25519PrivateKey.from_private_bytes(random32)
    return RoundKeys(private.private_bytes_raw(), private.public_key().public_bytes_raw())


def _check_layout(cadre_ids: Sequence[str]) -> None:
    if len(set(cadre_ids)) != len(cadre_ids):
        raise InvalidInput(
            "the list of cadres on a ballot has duplicates",
            message_vi="Danh sách cán bộ trên phiếu bị trùng",
        )


def encode_ballot(
    cadre_ids: Sequence[str],
    choices: Mapping[str, AnyLevel | None],
    levels: type[Level] | type[FollowUpLevel] = Level,
) -> bytes:
    """One character per row in the layout's order (H, M, L, or T, N on a follow-up ballot; ``-`` for
    a blank row)."""
    _check_layout(cadre_ids)
    unknown = sorted(set(choices) - set(cadre_ids))
    if unknown:
        raise InvalidInput(
            f"the ballot has choices for cadres not on it: {', '.join(unknown)}",
            message_vi="Phiếu có lựa chọn cho người không có tên trên phiếu; tải lại phiếu và bầu lại",
            details={"field": "choices", "unknown": unknown},
        )
    missing = [c for c in cadre_ids if c not in choices]
    if missing:
        raise InvalidInput(
            f"the ballot has no row for: {', '.join(missing)} (send null for a blank row)",
            message_vi="Phiếu thiếu dòng của một số cán bộ; tải lại phiếu và bầu lại",
            details={"field": "choices", "missing": missing},
        )
    return "".join(_mark(c, choices[c], levels) for c in cadre_ids).encode("ascii")


def _mark(cadre_id: str, choice: AnyLevel | None, levels: type[Level] | type[FollowUpLevel]) -> str:
    if choice is None:
        return BLANK
    try:
        return ALL_MARKS[levels(choice)]
    except ValueError as exc:  # the shell may hand in the API's strings as they came
        allowed = ", ".join(level.value for level in levels)
        raise InvalidInput(
            f"unknown choice {choice!r} for {cadre_id}; use one of: {allowed}, or null",
            message_vi="Lựa chọn không hợp lệ; chọn một trong các mức trên phiếu hoặc để trống",
            details={"field": "choices", "cadre_id": cadre_id},
        ) from exc


@overload
def decode_ballot(cadre_ids: Sequence[str], data: bytes) -> dict[str, Level | None]: ...
@overload
def decode_ballot(
    cadre_ids: Sequence[str], data: bytes, levels: type[FollowUpLevel]
) -> dict[str, FollowUpLevel | None]: ...
def decode_ballot(
    cadre_ids: Sequence[str], data: bytes, levels: type[Level] | type[FollowUpLevel] = Level
) -> dict[str, Level | None] | dict[str, FollowUpLevel | None]:
    """The choices back from an unsealed ballot; a ballot of another layout is refused, not guessed at."""
    _check_layout(cadre_ids)
    text = data.decode("ascii", errors="replace")
    by_mark: Mapping[str, AnyLevel] = LEVELS if levels is Level else FOLLOW_UP_LEVELS
    if len(text) != len(cadre_ids) or set(text) - {BLANK, *by_mark}:
        raise InvalidInput(
            f"the ballot does not fit this round's layout of {len(cadre_ids)} rows",
            message_vi="Phiếu không khớp với danh sách cán bộ của đợt này",
            details={"rows": len(cadre_ids), "length": len(data)},
        )
    return {c: None if mark == BLANK else by_mark[mark] for c, mark in zip(cadre_ids, text, strict=True)}  # type: ignore[return-value]


def _info(round_id: str) -> bytes:
    return INFO_PREFIX + round_id.encode()


def seal(plaintext: bytes, public_key: bytes, round_id: str) -> bytes:
    """The ballot sealed to the round's public key; only the round's private key opens it, in that round."""
    try:
        recipient = X25519PublicKey.from_public_bytes(public_key)
    except ValueError as exc:
        raise InvalidInput(f"a round's public key is {KEY_BYTES} bytes, got {len(public_key)}") from exc
    return SUITE.encrypt(plaintext, recipient, info=_info(round_id))


def _private(private_key: bytes) -> X25519PrivateKey:
    try:
        return X25519PrivateKey.from_private_bytes(private_key)
    except ValueError as exc:
        raise InvalidInput(f"a round's private key is {KEY_BYTES} bytes, got {len(private_key)}") from exc


def _open(sealed: bytes, recipient: X25519PrivateKey, info: bytes) -> bytes:
    try:
        return SUITE.decrypt(sealed, recipient, info=info)
    except InvalidTag as exc:
        raise SealBroken(
            "a sealed ballot does not open: it was altered, belongs to another round, or the key is wrong",
            message_vi="Một phiếu niêm phong không mở được: đã bị sửa, thuộc đợt khác, hoặc sai khóa",
            details={"receipt": receipt(sealed)},
        ) from exc


def unseal(sealed: bytes, private_key: bytes, round_id: str) -> bytes:
    return _open(sealed, _private(private_key), _info(round_id))


def unseal_all(sealed: Iterable[bytes], private_key: bytes, round_id: str) -> list[bytes]:
    """Every ballot of a round, in the order given; the first that does not open stops the count.

    Loading the key once instead of per ballot makes a count about 1.6 times faster."""
    recipient, info = _private(private_key), _info(round_id)
    return [_open(one, recipient, info) for one in sealed]


def receipt(sealed: bytes) -> str:
    """The full SHA-256 of the sealed ballot, lowercase hex: what the board lists."""
    return hashlib.sha256(sealed).hexdigest()


def _check_receipt(value: str) -> None:
    if len(value) != RECEIPT_HEX or value.strip("0123456789abcdef"):
        raise InvalidInput(
            f"a receipt is {RECEIPT_HEX} lowercase hexadecimal characters",
            message_vi="Biên nhận không đúng định dạng",
            details={"field": "receipt"},
        )


def short_receipt(full: str) -> str:
    """The first 80 bits of a receipt in Crockford groups (``XXXX-XXXX-XXXX-XXXX``), to read aloud."""
    _check_receipt(full)
    return grouped(encode_base32(bytes.fromhex(full)[:SHORT_RECEIPT_BYTES]))


def board_digest(receipts: Iterable[str]) -> str:
    """SHA-256 over the sorted receipts, one per line: the same board in any order gives the same digest.

    Duplicates are kept, not merged: a ballot stored twice must change the digest."""
    listed = sorted(receipts)
    for value in listed:
        _check_receipt(value)
    body = "".join(f"{value}\n" for value in listed)
    return hashlib.sha256(b"tinnhiem board v1\n" + body.encode("ascii")).hexdigest()
