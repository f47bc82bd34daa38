"""Properties of the count (regulation.md §6, §7), checked against an exact rational reference."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ballots.ballot import Ballot, Row, check_ballot
from ballots.levels import Band, FollowUpLevel, Level
from ballots.tally import band, needs_review, percent, tally, tally_follow_up

CADRES = ["a", "b", "c"]
MODEST = settings(max_examples=200, deadline=None)


def ballots_of(levels: type[Level] | type[FollowUpLevel]) -> st.SearchStrategy[list[Ballot[Any]]]:
    """Lists of ballots with any rows: blank, one mark, several, struck, missing, written in, forged."""
    marks = st.frozensets(st.sampled_from(list(levels)), max_size=len(levels))
    rows = st.builds(Row, marks, st.booleans())
    names = st.sampled_from([*CADRES, "write-in"])
    ballot = st.builds(Ballot, st.dictionaries(names, rows), st.booleans(), st.booleans())
    return st.lists(ballot, max_size=40)


def reference_percent(count: int, returned: int) -> str:
    if returned == 0:
        return "0.00"
    exact = Fraction(count * 100, returned)
    value = Decimal(exact.numerator) / Decimal(exact.denominator)
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def reference_band(low: int, returned: int) -> Band:
    if returned and Fraction(low, returned) >= Fraction(2, 3):
        return Band.TWO_THIRDS_LOW
    if returned and Fraction(low, returned) > Fraction(1, 2):
        return Band.OVER_HALF_LOW
    return Band.NONE


def test_the_decimal_reference_itself_rounds_half_up() -> None:
    assert [reference_percent(1, 800), reference_percent(1, 3), reference_percent(0, 0)] == [
        "0.13",
        "33.33",
        "0.00",
    ]
    assert reference_band(1, 2) is Band.NONE and reference_band(2, 3) is Band.TWO_THIRDS_LOW


@MODEST
@given(ballots_of(Level).flatmap(lambda bs: st.tuples(st.just(bs), st.permutations(bs))))
def test_the_tally_does_not_depend_on_the_order_of_the_ballots(
    orders: tuple[list[Ballot[Level]], list[Ballot[Level]]],
) -> None:
    original, shuffled = ([check_ballot(b, CADRES) for b in order] for order in orders)
    issued = len(original)
    assert tally(CADRES, original, issued=issued) == tally(CADRES, shuffled, issued=issued)


@MODEST
@given(ballots_of(FollowUpLevel).flatmap(lambda bs: st.tuples(st.just(bs), st.permutations(bs))))
def test_the_follow_up_tally_does_not_depend_on_the_order_of_the_ballots(
    orders: tuple[list[Ballot[FollowUpLevel]], list[Ballot[FollowUpLevel]]],
) -> None:
    original, shuffled = ([check_ballot(b, CADRES) for b in order] for order in orders)
    issued = len(original)
    assert tally_follow_up(CADRES, original, issued, deputies=25) == tally_follow_up(
        CADRES, shuffled, issued, deputies=25
    )


@MODEST
@given(ballots_of(Level), st.integers(min_value=0, max_value=5))
def test_for_each_cadre_the_three_levels_and_the_invalid_rows_add_up_to_the_ballots_returned(
    ballots: list[Ballot[Level]], absent: int
) -> None:
    checked = [check_ballot(b, CADRES) for b in ballots]
    for result in tally(CADRES, checked, issued=len(checked) + absent):
        counts = result.levels
        assert counts[Level.HIGH].count + counts[Level.MEDIUM].count + counts[
            Level.LOW
        ].count + result.invalid == (result.returned)
        assert result.returned == len(checked)
        assert result.valid + result.invalid == result.returned
        assert result.issued == len(checked) + absent


@MODEST
@given(ballots_of(Level))
def test_the_percentages_and_band_of_each_result_agree_with_exact_rationals(
    ballots: list[Ballot[Level]],
) -> None:
    checked = [check_ballot(b, CADRES) for b in ballots]
    for result in tally(CADRES, checked, issued=len(checked)):
        for level_count in result.levels.values():
            assert level_count.percent == reference_percent(level_count.count, result.returned)
        low = result.levels[Level.LOW].count
        assert result.band is reference_band(low, result.returned)
        assert result.review is (result.returned > 0 and Fraction(low, result.returned) == Fraction(2, 3))


@MODEST
@given(ballots_of(Level))
def test_a_ballot_not_issued_only_ever_adds_invalid_rows(ballots: list[Ballot[Level]]) -> None:
    checked = [check_ballot(b, CADRES) for b in ballots]
    forged = check_ballot(Ballot({c: Row(frozenset({Level.LOW})) for c in CADRES}, issued=False), CADRES)
    before = tally(CADRES, checked, issued=len(checked) + 1)
    after = tally(CADRES, [*checked, forged], issued=len(checked) + 1)
    for old, new in zip(before, after, strict=True):
        assert new.invalid == old.invalid + 1 and new.returned == old.returned + 1
        assert {lv: c.count for lv, c in new.levels.items()} == {lv: c.count for lv, c in old.levels.items()}


returned_and_count = st.integers(min_value=0, max_value=100_000).flatmap(
    lambda r: st.tuples(st.integers(0, r), st.just(r))
)


@settings(max_examples=300, deadline=None)
@given(returned_and_count)
def test_percentages_and_bands_agree_with_exact_rationals(pair: tuple[int, int]) -> None:
    count, returned = pair
    assert percent(count, returned) == reference_percent(count, returned)
    assert band(count, returned) is reference_band(count, returned)
    assert needs_review(count, returned) is (returned > 0 and Fraction(count, returned) == Fraction(2, 3))


@MODEST
@given(st.integers(min_value=1, max_value=30_000), st.sampled_from([(1, 2), (2, 3), (1, 8), (1, 800)]))
def test_at_exact_fractions_the_band_and_rounding_hold_whatever_the_scale(
    k: int, fraction: tuple[int, int]
) -> None:
    numerator, denominator = fraction
    count, returned = numerator * k, denominator * k
    assert percent(count, returned) == reference_percent(numerator, denominator)
    assert band(count, returned) is band(numerator, denominator)
