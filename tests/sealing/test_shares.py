"""Committee key shares: any k of n open the round's key, fewer or foreign or mistyped shares do not."""

from __future__ import annotations

import dataclasses
import itertools
import random

import pytest
from shamir_mnemonic import Share
from shamir_mnemonic.wordlist import WORDLIST

from app.sealing.shares import recover_key, split_key
from ballots.errors import InvalidInput
from ballots.sealing import RoundKeys, round_keys


def keys(seed: int = 1) -> RoundKeys:
    return round_keys(random.Random(seed).randbytes(32))


def with_word_changed(share: str, position: int) -> str:
    words = share.split()
    words[position] = WORDLIST[(WORDLIST.index(words[position]) + 1) % len(WORDLIST)]
    return " ".join(words)


@pytest.fixture(scope="module")
def three_of_five() -> list[str]:
    return split_key(keys().private_key, 3, 5)


def test_each_member_gets_one_share_of_33_words(three_of_five: list[str]) -> None:
    assert len(three_of_five) == 5
    assert len(set(three_of_five)) == 5
    assert all(len(share.split()) == 33 for share in three_of_five)


def test_any_three_of_five_shares_open_the_key(three_of_five: list[str]) -> None:
    pair = keys()
    for chosen in itertools.combinations(three_of_five, 3):
        assert recover_key(chosen, pair.public_key) == pair.private_key


def test_more_shares_than_needed_also_open_the_key(three_of_five: list[str]) -> None:
    pair = keys()
    assert recover_key(three_of_five, pair.public_key) == pair.private_key
    assert recover_key(list(reversed(three_of_five[1:])), pair.public_key) == pair.private_key


def test_two_of_three_needed_shares_are_refused_clearly(three_of_five: list[str]) -> None:
    for chosen in itertools.combinations(three_of_five, 2):
        with pytest.raises(InvalidInput, match=r"3 different shares are needed.*2 were given") as refused:
            recover_key(chosen, keys().public_key)
        assert refused.value.message_vi == "Cần 3 mảnh khóa khác nhau để mở hòm phiếu, mới có 2"


def test_a_share_typed_twice_counts_once(three_of_five: list[str]) -> None:
    with pytest.raises(InvalidInput, match="2 were given"):
        recover_key([three_of_five[0], three_of_five[1], three_of_five[0].upper()], keys().public_key)


def test_shares_are_read_in_any_case_and_spacing(three_of_five: list[str]) -> None:
    typed = ["  " + "   ".join(share.upper().split()) + "\n" for share in three_of_five[:3]]
    assert recover_key(typed, keys().public_key) == keys().private_key


@pytest.mark.parametrize("position", [0, 4, 20, 32])
def test_a_share_with_a_changed_word_is_refused_and_named(three_of_five: list[str], position: int) -> None:
    shares = [three_of_five[0], with_word_changed(three_of_five[1], position), three_of_five[2]]
    with pytest.raises(InvalidInput, match="share 2 is mistyped or not of this round") as refused:
        recover_key(shares, keys().public_key)
    assert refused.value.details == {"field": "shares", "share": 2, "reason": "checksum"}
    assert refused.value.message_vi.startswith("Mảnh khóa số 2 bị gõ sai")


def test_a_word_outside_the_list_is_refused_without_quoting_the_words(three_of_five: list[str]) -> None:
    words = three_of_five[2].split()
    words[10] = "tínnhiệm"
    with pytest.raises(InvalidInput, match=r"share 3 .* not in the word list") as refused:
        recover_key([*three_of_five[:2], " ".join(words)], keys().public_key)
    assert "tínnhiệm" not in refused.value.message and refused.value.__cause__ is None
    assert not any(word in refused.value.message.split() for word in words)


def test_a_share_with_a_word_missing_is_refused(three_of_five: list[str]) -> None:
    short = " ".join(three_of_five[0].split()[:-1])
    with pytest.raises(InvalidInput, match="share 1 is mistyped"):
        recover_key([short, *three_of_five[1:3]], keys().public_key)


def test_a_share_of_another_set_is_refused_and_named(three_of_five: list[str]) -> None:
    other = split_key(keys().private_key, 3, 5)  # same key, another split: a fresh identifier
    with pytest.raises(InvalidInput, match="share 3 is not of the same set as share 1"):
        recover_key([*three_of_five[:2], other[2]], keys().public_key)


def test_shares_of_two_sets_that_drew_the_same_identifier_are_refused(three_of_five: list[str]) -> None:
    # A 15-bit identifier: two rounds' sets collide about once in 32,768 pairs. Forge such a collision.
    ours = Share.from_mnemonic(three_of_five[0])
    theirs = Share.from_mnemonic(split_key(keys(2).private_key, 3, 5)[2])
    impostor = dataclasses.replace(theirs, identifier=ours.identifier).mnemonic()
    with pytest.raises(InvalidInput, match="do not belong together"):
        recover_key([*three_of_five[:2], impostor], keys().public_key)


def test_shares_of_another_key_are_refused_by_the_public_key_check() -> None:
    shares = split_key(keys(2).private_key, 2, 3)
    with pytest.raises(InvalidInput, match="not this round's") as refused:
        recover_key(shares[:2], keys(1).public_key)
    assert refused.value.message_vi.startswith("Các mảnh khóa mở ra một khóa khác")


def test_no_share_at_all_is_refused() -> None:
    with pytest.raises(InvalidInput, match="no share was given"):
        recover_key([], keys().public_key)


def test_one_of_n_gives_each_member_the_whole_power_to_open() -> None:
    pair = keys(3)
    shares = split_key(pair.private_key, 1, 3)
    assert len(set(shares)) == 3
    assert all(recover_key([share], pair.public_key) == pair.private_key for share in shares)
    assert recover_key(shares, pair.public_key) == pair.private_key


def test_one_of_one_and_n_of_n_work() -> None:
    pair = keys(4)
    assert recover_key(split_key(pair.private_key, 1, 1), pair.public_key) == pair.private_key
    every = split_key(pair.private_key, 4, 4)
    assert recover_key(every, pair.public_key) == pair.private_key
    with pytest.raises(InvalidInput, match="4 different shares are needed"):
        recover_key(every[:3], pair.public_key)


@pytest.mark.parametrize(("threshold", "members"), [(0, 3), (-1, 3), (4, 3), (2, 0), (2, 17)])
def test_an_impossible_threshold_or_committee_size_is_refused(threshold: int, members: int) -> None:
    with pytest.raises(InvalidInput) as refused:
        split_key(keys().private_key, threshold, members)
    assert refused.value.message_vi
    assert refused.value.details["field"] in {"threshold", "members"}


def test_only_a_32_byte_key_is_split() -> None:
    with pytest.raises(InvalidInput, match="32 bytes, got 16"):
        split_key(bytes(16), 2, 3)
