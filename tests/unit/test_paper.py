"""Double entry of paper ballots: two entries agree only on the same stamp, marks and struck names."""

from __future__ import annotations

import pytest

from ballots.ballot import Ballot, Row, check_ballot
from ballots.errors import InvalidInput
from ballots.levels import Level
from ballots.paper import EntryDifference, compare_entries, complete_entry

H, M, L = Level.HIGH, Level.MEDIUM, Level.LOW
LISTED = ("a", "b", "c")


def entry(issued: bool = True, **rows: Row[Level]) -> Ballot[Level]:
    return Ballot(rows=rows, issued=issued)


def test_identical_entries_agree() -> None:
    one = entry(a=Row(frozenset({H})), b=Row(frozenset({M, L})), c=Row(frozenset({L}), True))
    two = entry(a=Row(frozenset({H})), b=Row(frozenset({L, M})), c=Row(frozenset({L}), True))
    found = compare_entries(one, two, LISTED)
    assert found == EntryDifference(stamp=False, rows=()) and found.agreed


def test_a_missing_row_is_the_empty_row() -> None:
    assert compare_entries(entry(a=Row()), entry(), LISTED).agreed
    assert complete_entry(entry(issued=False), LISTED) == Ballot(
        rows={c: Row() for c in LISTED}, issued=False
    )


@pytest.mark.parametrize(
    ("second", "rows"),
    [
        (entry(a=Row(frozenset({M}))), ("a",)),  # another box
        (entry(a=Row(frozenset({H, M}))), ("a",)),  # one more box
        (entry(a=Row(frozenset({H}), True)), ("a",)),  # the name struck
        (entry(a=Row(frozenset({H})), c=Row(frozenset({L}))), ("c",)),  # a mark the first missed
        (entry(c=Row(frozenset({L})), b=Row(frozenset({L}))), ("a", "b", "c")),
    ],
)
def test_differing_rows_are_named_in_ballot_order(second: Ballot[Level], rows: tuple[str, ...]) -> None:
    found = compare_entries(entry(a=Row(frozenset({H}))), second, LISTED)
    assert found == EntryDifference(stamp=False, rows=rows) and not found.agreed


def test_a_differing_stamp_is_a_disagreement_even_with_the_same_rows() -> None:
    found = compare_entries(entry(a=Row(frozenset({H}))), entry(False, a=Row(frozenset({H}))), LISTED)
    assert found == EntryDifference(stamp=True, rows=()) and not found.agreed


def test_an_agreed_entry_is_checked_by_the_ballot_rules() -> None:
    agreed = complete_entry(entry(False, a=Row(frozenset({H}))), LISTED)
    assert not check_ballot(agreed, LISTED).valid_whole


def test_rows_for_cadres_not_on_the_ballot_are_refused() -> None:
    with pytest.raises(InvalidInput) as refused:
        compare_entries(entry(z=Row(), y=Row()), entry(), LISTED)
    assert refused.value.details == {"cadre_ids": ["y", "z"]} and refused.value.message_vi
