"""The keys of paper entry: one key per row, several for several marks, x for a struck name."""

from __future__ import annotations

import pytest

from ballots.entry_keys import TypedRow, keys_of, read_keys
from ballots.errors import InvalidInput
from ballots.levels import FollowUpLevel, Level

BOXES = list(Level)


@pytest.mark.parametrize(
    ("typed", "marks", "struck"),
    [
        ("1", {Level.HIGH}, False),
        ("2", {Level.MEDIUM}, False),
        ("3", {Level.LOW}, False),
        ("0", set(), False),
        ("", set(), False),
        ("13", {Level.HIGH, Level.LOW}, False),
        ("1 3", {Level.HIGH, Level.LOW}, False),
        ("x", set(), True),
        ("2X", {Level.MEDIUM}, True),
        ("0x", set(), True),
    ],
)
def test_each_key_is_a_box_in_print_order(typed: str, marks: set[Level], struck: bool) -> None:
    assert read_keys(typed, BOXES) == TypedRow(frozenset(marks), struck)


@pytest.mark.parametrize("typed", ["4", "a", "-", "1.", "02"])
def test_any_other_key_is_refused_never_guessed(typed: str) -> None:
    with pytest.raises(InvalidInput):
        read_keys(typed, BOXES)


def test_the_follow_up_ballot_has_two_boxes() -> None:
    boxes = list(FollowUpLevel)
    assert read_keys("2", boxes).marks == {FollowUpLevel.NO_TRUST}
    with pytest.raises(InvalidInput, match="use 1, 2"):
        read_keys("3", boxes)


@pytest.mark.parametrize("typed", ["1", "0", "13", "23x", "0x"])
def test_a_row_is_typed_back_with_the_same_keys(typed: str) -> None:
    assert keys_of(read_keys(typed, BOXES), BOXES) == typed
