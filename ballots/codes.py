"""Voting-code slips: the conference-day credential (design.md, "Anonymity, sealing and verification").

A code is 80 random bits written as 16 Crockford base32 characters in groups of four, followed by
Crockford's mod-37 check symbol as a last group: ``K7QF-2M9X-RT4B-8HNW-Q``. Because 37 is prime and
neither 32 nor 31 is a multiple of it, the check symbol catches every single mistyped character and
every swap of two adjacent ones (the check symbol included). The randomness is a parameter: the shell
hands in the bytes, so the core stays pure and the tests reproducible.

The server never stores a code: only ``code_digest``, an HMAC under a key from ``round_key``.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import InvalidInput

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # no I, L, O, U: nothing to misread
CHECK_SYMBOLS = ALPHABET + "*~$=U"  # values 32..36 exist only as check symbols
CODE_BYTES = 10  # 80 bits, exactly 16 characters of 5 bits
DATA_LENGTH = 16
GROUP = 4
# Crockford decoding: what people type for the characters left out of the alphabet.
READ_AS = {"I": "1", "L": "1", "O": "0"}
MIN_SECRET_BYTES = 16

_VALUES = {ch: i for i, ch in enumerate(CHECK_SYMBOLS)}
_WRONG_CODE_VI = "Mã không đúng: kiểm tra lại từng ký tự"


def encode_base32(data: bytes) -> str:
    """Crockford base32 of a whole number of 5-bit characters (len(data) * 8 must be a multiple of 5)."""
    bits = len(data) * 8
    if bits % 5:
        raise InvalidInput(f"{len(data)} bytes do not fill whole base32 characters")
    number = int.from_bytes(data, "big")
    return "".join(ALPHABET[(number >> shift) & 31] for shift in range(bits - 5, -1, -5))


def check_symbol(data: str) -> str:
    """Crockford's check symbol: the value of the whole number modulo 37."""
    number = 0
    for ch in data:
        number = number * 32 + _VALUES[ch]
    return CHECK_SYMBOLS[number % 37]


def grouped(characters: str) -> str:
    """Groups of four joined by hyphens, so a slip can be read and typed in chunks."""
    return "-".join(characters[i : i + GROUP] for i in range(0, len(characters), GROUP))


def new_code(random: bytes) -> str:
    """A new slip code from 10 random bytes handed in by the shell."""
    if len(random) != CODE_BYTES:
        raise InvalidInput(f"a code needs exactly {CODE_BYTES} random bytes, got {len(random)}")
    data = encode_base32(random)
    return f"{grouped(data)}-{check_symbol(data)}"


def _wrong(message: str, **details: object) -> InvalidInput:
    return InvalidInput(message, message_vi=_WRONG_CODE_VI, details={"field": "code", **details})


def parse_code(typed: str) -> str:
    """What a person typed, in any case and spacing, as the canonical code; a typing error is refused."""
    # NFKC folds full-width letters and digits (East Asian keyboards) to ASCII; any dash a phone's
    # autocorrect puts in (en dash, minus) separates groups like a hyphen.
    folded = unicodedata.normalize("NFKC", typed).upper()
    cleaned = "".join(ch for ch in folded if not (ch.isspace() or unicodedata.category(ch) == "Pd"))
    cleaned = "".join(READ_AS.get(ch, ch) for ch in cleaned)
    if len(cleaned) != DATA_LENGTH + 1:
        raise _wrong(
            f"a code has {DATA_LENGTH + 1} characters besides hyphens and spaces, not {len(cleaned)}",
            length=len(cleaned),
        )
    data, check = cleaned[:DATA_LENGTH], cleaned[DATA_LENGTH]
    foreign = sorted({ch for ch in data if ch not in ALPHABET} | ({check} - set(CHECK_SYMBOLS)))
    if foreign:
        raise _wrong(f"a code has no character {', '.join(map(repr, foreign))}; check each character")
    if check_symbol(data) != check:
        raise _wrong("the code's last character does not match the others; check each character")
    return f"{grouped(data)}-{check}"


def round_key(secret: bytes, round_id: str, purpose: str) -> bytes:
    """A 32-byte key for one round and one purpose, so a key leaked for one use opens nothing else."""
    if len(secret) < MIN_SECRET_BYTES:
        raise InvalidInput(f"a service secret has at least {MIN_SECRET_BYTES} bytes")
    # Length-prefixed fields: no choice of round id and purpose can collide with another pair.
    fields = [b"tinnhiem round key v1", purpose.encode(), round_id.encode()]
    info = b"".join(len(f).to_bytes(4, "big") + f for f in fields)
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(secret)


def code_digest(key: bytes, code: str) -> str:
    """The keyed hash stored instead of a code; any way of typing the code gives the same digest."""
    return hmac.new(key, parse_code(code).encode("ascii"), hashlib.sha256).hexdigest()
