"""The sealed ballot box: fixed-length ballots, HPKE sealing, receipts and the board's digest."""

from __future__ import annotations

import hashlib
import itertools
import random

import pytest

from ballots.errors import InvalidInput, SealBroken
from ballots.levels import FollowUpLevel, Level
from ballots.sealing import (
    RoundKeys,
    board_digest,
    decode_ballot,
    encode_ballot,
    receipt,
    round_keys,
    seal,
    short_receipt,
    unseal,
    unseal_all,
)

H, M, L = Level.HIGH, Level.MEDIUM, Level.LOW
LAYOUT = ["c-1", "c-2", "c-3"]
ROUND = "round-1"


def keys(seed: int = 1) -> RoundKeys:
    return round_keys(random.Random(seed).randbytes(32))


def some_receipts(count: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    return [receipt(rng.randbytes(60)) for _ in range(count)]


def test_round_keys_come_from_the_given_bytes() -> None:
    pair = keys()
    assert pair == keys()
    assert len(pair.private_key) == len(pair.public_key) == 32
    assert pair.public_key != keys(2).public_key


@pytest.mark.parametrize("size", [0, 31, 33])
def test_round_keys_need_exactly_32_random_bytes(size: int) -> None:
    with pytest.raises(InvalidInput, match="exactly 32 random bytes"):
        round_keys(bytes(size))


def test_a_ballot_is_one_character_per_row_in_the_layouts_order() -> None:
    assert encode_ballot(LAYOUT, {"c-3": L, "c-1": H, "c-2": None}) == b"H-L"


def test_a_ballot_decodes_to_the_choices_it_was_made_from() -> None:
    for pattern in itertools.product([H, M, L, None], repeat=len(LAYOUT)):
        choices = dict(zip(LAYOUT, pattern, strict=True))
        assert decode_ballot(LAYOUT, encode_ballot(LAYOUT, choices)) == choices


def test_the_apis_strings_are_accepted_as_levels() -> None:
    assert encode_ballot(LAYOUT, {"c-1": "high", "c-2": "medium", "c-3": "low"}) == b"HML"  # type: ignore[dict-item]


def test_an_unknown_choice_is_refused_in_both_languages() -> None:
    with pytest.raises(InvalidInput, match="unknown choice 'yes' for c-2") as refused:
        encode_ballot(LAYOUT, {"c-1": H, "c-2": "yes", "c-3": L})  # type: ignore[dict-item]
    assert refused.value.message_vi and refused.value.details["cadre_id"] == "c-2"


def test_choices_for_a_cadre_not_on_the_ballot_are_refused() -> None:
    with pytest.raises(InvalidInput, match="not on it: c-9") as refused:
        encode_ballot(LAYOUT, {"c-1": H, "c-2": H, "c-3": H, "c-9": L})
    assert refused.value.details["unknown"] == ["c-9"]
    assert refused.value.message_vi.startswith("Phiếu có lựa chọn")


def test_a_ballot_missing_a_row_is_refused_rather_than_read_as_blank() -> None:
    with pytest.raises(InvalidInput, match="no row for: c-2") as refused:
        encode_ballot(LAYOUT, {"c-1": H, "c-3": H})
    assert refused.value.details["missing"] == ["c-2"]
    assert refused.value.message_vi.startswith("Phiếu thiếu")


def test_a_layout_with_a_cadre_twice_is_refused() -> None:
    with pytest.raises(InvalidInput, match="duplicates"):
        encode_ballot(["c-1", "c-1"], {"c-1": H})
    with pytest.raises(InvalidInput, match="duplicates"):
        decode_ballot(["c-1", "c-1"], b"HH")


@pytest.mark.parametrize("data", [b"HM", b"HMLH", b"HMX", b"H\xffL", b""])
def test_a_ballot_of_another_layout_is_refused_not_guessed_at(data: bytes) -> None:
    with pytest.raises(InvalidInput, match="layout of 3 rows") as refused:
        decode_ballot(LAYOUT, data)
    assert refused.value.message_vi


def test_a_sealed_ballot_opens_with_the_rounds_key() -> None:
    pair = keys()
    ballot = encode_ballot(LAYOUT, {"c-1": H, "c-2": None, "c-3": L})
    assert unseal(seal(ballot, pair.public_key, ROUND), pair.private_key, ROUND) == ballot


def test_sealed_ballots_of_every_choice_pattern_have_the_same_length() -> None:
    pair = keys()
    lengths = {
        len(seal(encode_ballot(LAYOUT, dict(zip(LAYOUT, pattern, strict=True))), pair.public_key, ROUND))
        for pattern in itertools.product([H, M, L, None], repeat=len(LAYOUT))
    }
    assert len(lengths) == 1


def test_the_same_ballot_sealed_twice_gives_different_bytes_and_receipts() -> None:
    pair = keys()
    ballot = encode_ballot(LAYOUT, {"c-1": H, "c-2": H, "c-3": H})
    first, second = seal(ballot, pair.public_key, ROUND), seal(ballot, pair.public_key, ROUND)
    assert first != second
    assert receipt(first) != receipt(second)


def test_a_ballot_with_any_byte_flipped_does_not_open() -> None:
    pair = keys()
    sealed = seal(b"HML", pair.public_key, ROUND)
    for position in range(len(sealed)):
        tampered = bytearray(sealed)
        tampered[position] ^= 0x01
        with pytest.raises(SealBroken, match="does not open"):
            unseal(bytes(tampered), pair.private_key, ROUND)


def test_a_truncated_ballot_does_not_open() -> None:
    pair = keys()
    with pytest.raises(SealBroken):
        unseal(seal(b"HML", pair.public_key, ROUND)[:-1], pair.private_key, ROUND)


def test_a_ballot_does_not_open_in_another_round() -> None:
    pair = keys()
    sealed = seal(b"HML", pair.public_key, ROUND)
    with pytest.raises(SealBroken) as refused:
        unseal(sealed, pair.private_key, "round-2")
    assert refused.value.message_vi.startswith("Một phiếu niêm phong không mở được")
    assert refused.value.details == {"receipt": receipt(sealed)}


def test_a_ballot_does_not_open_with_another_rounds_key() -> None:
    with pytest.raises(SealBroken):
        unseal(seal(b"HML", keys(1).public_key, ROUND), keys(2).private_key, ROUND)


def test_keys_of_the_wrong_size_are_refused() -> None:
    with pytest.raises(InvalidInput, match="public key is 32 bytes, got 31"):
        seal(b"HML", bytes(31), ROUND)
    with pytest.raises(InvalidInput, match="private key is 32 bytes, got 33"):
        unseal(b"x" * 60, bytes(33), ROUND)


def test_a_receipt_is_the_full_sha256_of_the_sealed_ballot() -> None:
    assert receipt(b"sealed") == hashlib.sha256(b"sealed").hexdigest()


def test_a_short_receipt_is_its_first_80_bits_in_groups_of_four() -> None:
    full = "00" * 9 + "01" + "ff" * 22
    assert short_receipt(full) == "0000-0000-0000-0001"
    assert all(short_receipt(r).replace("-", "").isalnum() for r in some_receipts(20))


@pytest.mark.parametrize("wrong", ["", "ab" * 31, "AB" * 32, "zz" * 32, "ab" * 32 + "\n"])
def test_a_malformed_receipt_is_refused(wrong: str) -> None:
    with pytest.raises(InvalidInput, match="64 lowercase hexadecimal"):
        short_receipt(wrong)
    with pytest.raises(InvalidInput):
        board_digest([*some_receipts(2), wrong])


def test_the_boards_digest_does_not_depend_on_the_order_of_the_receipts() -> None:
    listed = some_receipts(30)
    shuffled = listed.copy()
    random.Random(9).shuffle(shuffled)
    assert board_digest(shuffled) == board_digest(listed) == board_digest(iter(sorted(listed)))


def test_the_boards_digest_changes_when_one_receipt_changes_is_added_or_doubled() -> None:
    listed = some_receipts(30)
    digest = board_digest(listed)
    changed = [*listed[:-1], some_receipts(1, seed=99)[0]]
    assert board_digest(changed) != digest
    assert board_digest(listed[:-1]) != digest
    assert board_digest([*listed, listed[0]]) != digest


def test_an_empty_board_has_a_digest_of_its_own() -> None:
    assert board_digest([]) != board_digest(some_receipts(1))
    assert len(board_digest([])) == 64


def test_a_whole_box_opens_in_order_with_the_key_loaded_once() -> None:
    pair = keys()
    ballots = [b"HML", b"---", b"LLL"]
    sealed = [seal(b, pair.public_key, ROUND) for b in ballots]
    assert unseal_all(sealed, pair.private_key, ROUND) == ballots
    assert unseal_all([], pair.private_key, ROUND) == []


def test_one_broken_ballot_stops_the_whole_count_and_names_its_receipt() -> None:
    pair = keys()
    sealed = [seal(b"HML", pair.public_key, ROUND) for _ in range(3)]
    sealed[1] = sealed[1][:-1] + bytes([sealed[1][-1] ^ 1])
    with pytest.raises(SealBroken) as refused:
        unseal_all(sealed, pair.private_key, ROUND)
    assert refused.value.details["receipt"] == receipt(sealed[1])
    with pytest.raises(InvalidInput, match="private key is 32 bytes"):
        unseal_all(sealed, bytes(3), ROUND)


def test_a_follow_up_ballot_has_its_own_marks_and_decodes_only_as_one() -> None:
    trust, no = FollowUpLevel.TRUST, FollowUpLevel.NO_TRUST
    encoded = encode_ballot(LAYOUT, {"c-1": trust, "c-2": None, "c-3": no}, FollowUpLevel)
    assert encoded == b"T-N"
    assert decode_ballot(LAYOUT, encoded, FollowUpLevel) == {"c-1": trust, "c-2": None, "c-3": no}
    with pytest.raises(InvalidInput):
        decode_ballot(LAYOUT, encoded)  # a follow-up ballot never reads as a confidence ballot
    with pytest.raises(InvalidInput):
        decode_ballot(LAYOUT, b"HML", FollowUpLevel)
    with pytest.raises(InvalidInput, match="use one of: trust, no_trust"):
        encode_ballot(LAYOUT, {"c-1": Level.HIGH, "c-2": None, "c-3": None}, FollowUpLevel)
