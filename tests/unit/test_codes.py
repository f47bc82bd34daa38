"""Voting-code slips: generation, typing tolerance, the check symbol, keyed digests."""

from __future__ import annotations

import hashlib
import random
import re

import pytest

from ballots.codes import (
    ALPHABET,
    CHECK_SYMBOLS,
    check_symbol,
    code_digest,
    encode_base32,
    new_code,
    parse_code,
    round_key,
)
from ballots.errors import InvalidInput

SECRET = b"s" * 32
SHAPE = re.compile(r"^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z*~$=U]$")


def sample_codes(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [new_code(rng.randbytes(10)) for _ in range(count)]


def characters(code: str) -> list[str]:
    return list(code.replace("-", ""))


def typed(chars: list[str]) -> str:
    return "".join(chars)


def test_a_code_is_sixteen_characters_in_groups_of_four_and_a_check_symbol() -> None:
    for code in sample_codes(50):
        assert SHAPE.match(code), code


def test_a_code_carries_all_eighty_random_bits() -> None:
    assert new_code(bytes(10)) == "0000-0000-0000-0000-0"
    assert new_code(b"\xff" * 10) == "ZZZZ-ZZZZ-ZZZZ-ZZZZ-" + CHECK_SYMBOLS[(2**80 - 1) % 37]
    assert len({new_code(bytes([0] * 9 + [i])) for i in range(256)}) == 256


def test_the_same_random_bytes_give_the_same_code() -> None:
    assert new_code(b"0123456789") == new_code(b"0123456789")


@pytest.mark.parametrize("size", [0, 9, 11, 32])
def test_a_code_needs_exactly_ten_random_bytes(size: int) -> None:
    with pytest.raises(InvalidInput, match="exactly 10 random bytes"):
        new_code(bytes(size))


def test_base32_refuses_bytes_that_do_not_fill_whole_characters() -> None:
    with pytest.raises(InvalidInput):
        encode_base32(b"\x01")


def test_the_check_symbol_is_the_value_modulo_37() -> None:
    assert check_symbol("0") == "0"
    assert check_symbol("10") == "*"  # 32
    assert check_symbol("14") == "U"  # 36
    assert check_symbol("15") == "0"  # 37


def test_a_code_parses_back_to_itself() -> None:
    for code in sample_codes(50):
        assert parse_code(code) == code


def test_lowercase_spaces_and_missing_hyphens_are_tolerated() -> None:
    for code in sample_codes(20):
        bare = code.replace("-", "")
        assert parse_code(bare.lower()) == code
        assert parse_code("  " + " ".join(bare[i : i + 4] for i in range(0, 17, 4)) + "\t") == code


def test_full_width_characters_and_other_dashes_are_tolerated() -> None:
    code = sample_codes(1)[0]
    full_width = "".join(chr(ord(ch) + 0xFEE0) if ch.isalnum() else ch for ch in code)
    assert full_width != code
    assert parse_code(full_width) == code
    assert parse_code(code.replace("-", "\u2013")) == code  # an en dash from autocorrect
    assert parse_code(code.replace("-", "\u00a0")) == code  # a no-break space


def test_i_and_l_are_read_as_one_and_o_as_zero() -> None:
    code = new_code(int("0101010101010101", 32).to_bytes(10, "big"))  # only 0s and 1s
    assert code.startswith("0101-0101")
    variant = code.replace("1", "l", 1).replace("1", "I", 1).replace("0", "o", 1).replace("0", "O", 1)
    assert variant != code
    assert parse_code(variant) == code


def test_every_single_mistyped_character_is_caught() -> None:
    for code in sample_codes(4, seed=11):
        chars = characters(code)
        for position, original in enumerate(chars):
            symbols = ALPHABET if position < 16 else CHECK_SYMBOLS
            for replacement in symbols:
                if replacement == original:
                    continue
                mistyped = chars.copy()
                mistyped[position] = replacement
                with pytest.raises(InvalidInput):
                    parse_code(typed(mistyped))


def test_every_swap_of_two_adjacent_characters_is_caught_the_check_symbol_included() -> None:
    for code in sample_codes(300, seed=3):
        chars = characters(code)
        for position in range(len(chars) - 1):
            if chars[position] == chars[position + 1]:
                continue
            swapped = chars.copy()
            swapped[position], swapped[position + 1] = swapped[position + 1], swapped[position]
            with pytest.raises(InvalidInput):
                parse_code(typed(swapped))


@pytest.mark.parametrize("wrong", ["", "K7QF-2M9X-RT4B-8HNW", "K7QF-2M9X-RT4B-8HNW-QQ-Q"])
def test_a_code_of_the_wrong_length_is_refused_in_both_languages(wrong: str) -> None:
    with pytest.raises(InvalidInput, match="a code has 17 characters") as refused:
        parse_code(wrong)
    assert refused.value.message_vi == "Mã không đúng: kiểm tra lại từng ký tự"
    assert refused.value.details["field"] == "code"


@pytest.mark.parametrize("foreign", ["U", "*", "#", "Ư"])
def test_a_character_outside_the_alphabet_is_refused(foreign: str) -> None:
    chars = characters(sample_codes(1)[0])
    chars[5] = foreign
    with pytest.raises(InvalidInput, match="has no character") as refused:
        parse_code(typed(chars))
    assert refused.value.message_vi.startswith("Mã không đúng")


def test_a_check_symbol_outside_its_alphabet_is_refused() -> None:
    chars = characters(sample_codes(1)[0])
    chars[16] = "#"
    with pytest.raises(InvalidInput, match="has no character '#'"):
        parse_code(typed(chars))


def test_a_wrong_check_symbol_is_refused_with_a_clear_message() -> None:
    code = sample_codes(1)[0]
    wrong = CHECK_SYMBOLS[(CHECK_SYMBOLS.index(code[-1]) + 1) % 37]
    with pytest.raises(InvalidInput, match="last character does not match"):
        parse_code(code[:-1] + wrong)


def test_round_keys_differ_by_round_and_by_purpose() -> None:
    keys = {
        round_key(SECRET, round_id, purpose)
        for round_id in ("r1", "r2", "r1|codes")
        for purpose in ("codes", "receipts", "codes|r1")
    }
    assert len(keys) == 9
    assert all(len(k) == 32 for k in keys)
    assert round_key(SECRET, "r1", "codes") == round_key(SECRET, "r1", "codes")
    assert round_key(b"t" * 32, "r1", "codes") != round_key(SECRET, "r1", "codes")


def test_a_short_service_secret_is_refused() -> None:
    with pytest.raises(InvalidInput, match="at least 16 bytes"):
        round_key(b"short", "r1", "codes")


def test_the_digest_is_the_same_however_the_code_was_typed() -> None:
    key = round_key(SECRET, "r1", "codes")
    code = sample_codes(1)[0]
    digest = code_digest(key, code)
    assert code_digest(key, code.replace("-", " ").lower()) == digest
    assert len(digest) == 64 and digest != hashlib.sha256(code.encode()).hexdigest()
    assert code not in digest


def test_the_digest_depends_on_the_key_and_the_code() -> None:
    first, second = sample_codes(2)
    key = round_key(SECRET, "r1", "codes")
    assert code_digest(key, first) != code_digest(key, second)
    assert code_digest(key, first) != code_digest(round_key(SECRET, "r2", "codes"), first)


def test_a_mistyped_code_has_no_digest() -> None:
    with pytest.raises(InvalidInput):
        code_digest(round_key(SECRET, "r1", "codes"), "not a code")
