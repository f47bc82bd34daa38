from __future__ import annotations

import pytest

from ballots.ballot import Ballot, CheckedBallot, Row, check_ballot
from ballots.errors import InvalidInput
from ballots.levels import Band, FollowUpLevel, Level
from ballots.tally import band, needs_review, percent, quorum_met, tally, tally_follow_up

H, M, L = Level.HIGH, Level.MEDIUM, Level.LOW


def ballots_for(cadre: str, *marks: frozenset[Level]) -> list[CheckedBallot[Level]]:
    return [check_ballot(Ballot({cadre: Row(m)}), [cadre]) for m in marks]


@pytest.mark.parametrize(
    ("count", "returned", "shown"),
    [
        (19, 47, "40.43"),
        (2, 47, "4.26"),
        (25, 47, "53.19"),
        (1, 8, "12.50"),
        (1, 3, "33.33"),
        (2, 3, "66.67"),
        (1, 16, "6.25"),
        (1, 200, "0.50"),
        (1, 400, "0.25"),
        (1, 800, "0.13"),
        (1, 2000, "0.05"),
        (1, 20001, "0.00"),
        (0, 5, "0.00"),
        (5, 5, "100.00"),
        (0, 0, "0.00"),
    ],
)
def test_percentages_are_over_returned_with_two_decimals_rounded_half_up(
    count: int, returned: int, shown: str
) -> None:
    assert percent(count, returned) == shown


@pytest.mark.parametrize(("count", "returned"), [(-1, 5), (6, 5), (0, -1)])
def test_an_impossible_share_is_refused(count: int, returned: int) -> None:
    with pytest.raises(InvalidInput):
        percent(count, returned)


@pytest.mark.parametrize(
    ("low", "returned", "expected", "review"),
    [
        (0, 0, Band.NONE, False),
        (23, 46, Band.NONE, False),  # exactly one half
        (24, 46, Band.OVER_HALF_LOW, False),  # just over one half
        (30, 46, Band.OVER_HALF_LOW, False),  # just under two thirds (30/46 < 2/3)
        (31, 46, Band.TWO_THIRDS_LOW, False),  # just over two thirds
        (30, 45, Band.TWO_THIRDS_LOW, True),  # exactly two thirds
        (2, 3, Band.TWO_THIRDS_LOW, True),
        (3, 3, Band.TWO_THIRDS_LOW, False),
        (1, 2, Band.NONE, False),
        (0, 10, Band.NONE, False),
    ],
)
def test_bands_compare_integers_at_one_half_and_two_thirds(
    low: int, returned: int, expected: Band, review: bool
) -> None:
    assert band(low, returned) is expected
    assert needs_review(low, returned) is review


@pytest.mark.parametrize(
    ("present", "summoned", "met"),
    [(40, 60, True), (39, 60, False), (60, 60, True), (2, 3, True), (1, 3, False), (0, 1, False)],
)
def test_the_conference_proceeds_with_at_least_two_thirds_present(
    present: int, summoned: int, met: bool
) -> None:
    assert quorum_met(present, summoned) is met


@pytest.mark.parametrize(("present", "summoned"), [(61, 60), (-1, 60), (0, 0)])
def test_an_impossible_attendance_is_refused(present: int, summoned: int) -> None:
    with pytest.raises(InvalidInput, match="not a possible attendance"):
        quorum_met(present, summoned)


def test_the_worked_example_of_the_vinh_phuc_council() -> None:
    marks = [frozenset({H})] * 19 + [frozenset({M})] * 2 + [frozenset({L})] * 25 + [frozenset({H, L})]
    (result,) = tally(["x"], ballots_for("x", *marks), issued=48)
    assert (result.issued, result.returned, result.valid, result.invalid) == (48, 47, 46, 1)
    assert {lv: (c.count, c.percent) for lv, c in result.levels.items()} == {
        H: (19, "40.43"),
        M: (2, "4.26"),
        L: (25, "53.19"),
    }
    assert result.band is Band.OVER_HALF_LOW and not result.review


def test_each_cadre_is_counted_on_its_own_row() -> None:
    ballot_a = check_ballot(Ballot({"a": Row(frozenset({H})), "b": Row(frozenset({L}))}), ["a", "b"])
    ballot_b = check_ballot(Ballot({"a": Row(frozenset({H}))}), ["a", "b"])
    a, b = tally(["a", "b"], [ballot_a, ballot_b], issued=2)
    assert (a.levels[H].count, a.invalid) == (2, 0)
    assert (b.levels[L].count, b.invalid, b.valid) == (1, 1, 1)
    assert b.levels[L].percent == "50.00"


def test_nothing_returned_gives_zero_percent_and_no_band() -> None:
    (result,) = tally(["x"], [], issued=10)
    assert (result.returned, result.valid, result.invalid) == (0, 0, 0)
    assert all(c.percent == "0.00" for c in result.levels.values())
    assert result.band is Band.NONE


def test_when_every_row_is_invalid_the_invalid_stay_in_the_denominator() -> None:
    (result,) = tally(["x"], ballots_for("x", frozenset(), frozenset({H, M}), frozenset()), issued=3)
    assert (result.returned, result.valid, result.invalid) == (3, 0, 3)
    assert result.levels[L].percent == "0.00" and result.band is Band.NONE


def test_ballots_not_issued_count_as_returned_but_invalid_for_every_cadre() -> None:
    forged = check_ballot(Ballot({"x": Row(frozenset({L}))}, issued=False), ["x"])
    (result,) = tally(["x"], [forged, *ballots_for("x", frozenset({H}))], issued=5)
    assert (result.returned, result.invalid, result.levels[L].count) == (2, 1, 0)


def test_more_ballots_returned_than_issued_is_refused() -> None:
    with pytest.raises(InvalidInput, match="only 1 issued"):
        tally(["x"], ballots_for("x", frozenset({H}), frozenset({H})), issued=1)


def follow_up(*marks: frozenset[FollowUpLevel]) -> list[CheckedBallot[FollowUpLevel]]:
    return [check_ballot(Ballot({"x": Row(m)}), ["x"]) for m in marks]


@pytest.mark.parametrize(
    ("no_votes", "deputies", "majority"), [(26, 50, True), (25, 50, False), (26, 51, True)]
)
def test_the_follow_up_vote_fails_with_more_than_half_of_all_deputies_against(
    no_votes: int, deputies: int, majority: bool
) -> None:
    marks = [frozenset({FollowUpLevel.NO_TRUST})] * no_votes + [frozenset({FollowUpLevel.TRUST})] * 10
    (result,) = tally_follow_up(["x"], follow_up(*marks), issued=deputies + 20, deputies=deputies)
    assert result.no_confidence_majority is majority
    assert result.levels[FollowUpLevel.NO_TRUST].count == no_votes
    assert result.returned == no_votes + 10


def test_the_follow_up_counts_invalid_rows_and_needs_the_number_of_deputies() -> None:
    (result,) = tally_follow_up(["x"], follow_up(frozenset()), issued=1, deputies=3)
    assert (result.invalid, result.valid) == (1, 0)
    with pytest.raises(InvalidInput, match="number of deputies"):
        tally_follow_up(["x"], [], issued=1, deputies=0)
