"""Properties of the count, checked against an exact rational reference."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from ballots.ballot import Ballot, Row, check_ballot
from ballots.levels import Band, Level
from ballots.tally import band, percent, tally

CADRES = ["a", "b", "c"]
marks = st.frozensets(st.sampled_from(list(Level)), max_size=3)
rows = st.builds(Row, marks, st.booleans())
ballot = st.builds(Ballot, st.dictionaries(st.sampled_from(CADRES), rows), st.booleans(), st.booleans())
ballot_lists = st.lists(ballot, max_size=40)


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


@settings(max_examples=200, deadline=None)
@given(ballot_lists.flatmap(lambda bs: st.tuples(st.just(bs), st.permutations(bs))))
def test_the_tally_does_not_depend_on_the_order_of_the_ballots(
    orders: tuple[list[Ballot[Level]], list[Ballot[Level]]],
) -> None:
    original, shuffled = ([check_ballot(b, CADRES) for b in order] for order in orders)
    assert tally(CADRES, original, issued=len(original)) == tally(CADRES, shuffled, issued=len(original))


@settings(max_examples=200, deadline=None)
@given(ballot_lists)
def test_counts_and_invalid_rows_add_up_to_the_ballots_returned(ballots: list[Ballot[Level]]) -> None:
    checked = [check_ballot(b, CADRES) for b in ballots]
    for result in tally(CADRES, checked, issued=len(checked) + 3):
        assert (
            sum(c.count for c in result.levels.values()) + result.invalid == result.returned == len(checked)
        )
        assert result.valid + result.invalid == result.returned


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=100_000).flatmap(lambda r: st.tuples(st.integers(0, r), st.just(r)))
)
def test_percentages_and_bands_agree_with_exact_rationals(pair: tuple[int, int]) -> None:
    count, returned = pair
    assert percent(count, returned) == reference_percent(count, returned)
    assert band(count, returned) is reference_band(count, returned)
