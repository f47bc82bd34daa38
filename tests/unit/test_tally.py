"""Counting a round and what a result means (regulation.md §3 quorum, §6, §7)."""

from __future__ import annotations

import pytest

from ballots.ballot import Ballot, CheckedBallot, Row, check_ballot
from ballots.errors import InvalidInput
from ballots.levels import Band, FollowUpLevel, Level
from ballots.tally import LevelCount, band, needs_review, percent, quorum_met, tally, tally_follow_up

H, M, L = Level.HIGH, Level.MEDIUM, Level.LOW
TRUST, NO = FollowUpLevel.TRUST, FollowUpLevel.NO_TRUST
BLANK: frozenset[Level] = frozenset()


def ballots_for(cadre: str, *marks: frozenset[Level]) -> list[CheckedBallot[Level]]:
    return [check_ballot(Ballot({cadre: Row(m)}), [cadre]) for m in marks]


def marked(high: int = 0, medium: int = 0, low: int = 0, invalid: int = 0) -> list[CheckedBallot[Level]]:
    marks = (
        [frozenset({H})] * high
        + [frozenset({M})] * medium
        + [frozenset({L})] * low
        + [frozenset({H, L})] * invalid
    )
    return ballots_for("x", *marks)


# --- percentages (§6) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "returned", "shown"),
    [
        (19, 47, "40.43"),
        (2, 47, "4.26"),
        (25, 47, "53.19"),
        (1, 8, "12.50"),
        (3, 8, "37.50"),
        (1, 3, "33.33"),
        (2, 3, "66.67"),
        (1, 16, "6.25"),
        (1, 40, "2.50"),
        (1, 200, "0.50"),
        (1, 400, "0.25"),
        (1, 800, "0.13"),  # 0.125 rounds up
        (3, 800, "0.38"),  # 0.375 rounds up
        (1, 160, "0.63"),  # 0.625 rounds up
        (7, 8000, "0.09"),  # 0.0875 rounds up
        (1, 2000, "0.05"),
        (1, 20000, "0.01"),  # 0.005 rounds up
        (1, 20001, "0.00"),  # just under 0.005 rounds down
        (1, 6, "16.67"),
        (1, 7, "14.29"),
        (0, 5, "0.00"),
        (5, 5, "100.00"),
        (0, 0, "0.00"),
    ],
)
def test_percentages_are_over_returned_with_two_decimals_rounded_half_up(
    count: int, returned: int, shown: str
) -> None:
    assert percent(count, returned) == shown


@pytest.mark.parametrize(("count", "returned"), [(-1, 5), (6, 5), (0, -1), (1, 0), (-1, -1)])
def test_an_impossible_share_is_refused(count: int, returned: int) -> None:
    with pytest.raises(InvalidInput, match="cannot take"):
        percent(count, returned)


# --- bands (§7) ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "returned", "expected", "review"),
    [
        (0, 0, Band.NONE, False),  # nothing returned
        (0, 10, Band.NONE, False),
        (23, 46, Band.NONE, False),  # exactly one half
        (1, 2, Band.NONE, False),  # exactly one half
        (24, 47, Band.OVER_HALF_LOW, False),  # just over one half (24/47 = 51.06 %)
        (24, 46, Band.OVER_HALF_LOW, False),
        (30, 46, Band.OVER_HALF_LOW, False),  # just under two thirds (30/46 = 65.22 %)
        (666, 1000, Band.OVER_HALF_LOW, False),  # 66.60 %: under 2/3 although "66.67" is close
        (30, 45, Band.TWO_THIRDS_LOW, True),  # exactly two thirds
        (2, 3, Band.TWO_THIRDS_LOW, True),
        (31, 46, Band.TWO_THIRDS_LOW, False),  # above two thirds
        (667, 1000, Band.TWO_THIRDS_LOW, False),
        (3, 3, Band.TWO_THIRDS_LOW, False),
        (1, 1, Band.TWO_THIRDS_LOW, False),
    ],
)
def test_bands_compare_integers_at_one_half_and_two_thirds(
    low: int, returned: int, expected: Band, review: bool
) -> None:
    assert band(low, returned) is expected
    assert needs_review(low, returned) is review


def test_bands_never_compare_rounded_percentages() -> None:
    # 2000/3001 is 66.64 %, under 2/3; 2001/3001 is 66.68 %, over.
    assert band(2000, 3001) is Band.OVER_HALF_LOW
    assert band(2001, 3001) is Band.TWO_THIRDS_LOW
    # 66666/99999 is exactly 2/3 and shows as "66.67", like 66667/100000 which is above it.
    assert needs_review(66666, 99999) and not needs_review(66667, 100000)


# --- quorum (§3) ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("present", "summoned", "met"),
    [
        (40, 60, True),  # exactly 2/3
        (39, 60, False),  # just under
        (60, 60, True),
        (2, 3, True),
        (1, 3, False),
        (0, 1, False),
        (1, 1, True),
        (34, 50, True),  # 68 %
        (33, 50, False),  # 66 %: under 2/3
    ],
)
def test_the_conference_proceeds_with_at_least_two_thirds_present(
    present: int, summoned: int, met: bool
) -> None:
    assert quorum_met(present, summoned) is met


@pytest.mark.parametrize(("present", "summoned"), [(61, 60), (-1, 60), (0, 0), (0, -3)])
def test_an_impossible_attendance_is_refused(present: int, summoned: int) -> None:
    with pytest.raises(InvalidInput, match="not a possible attendance"):
        quorum_met(present, summoned)


# --- the result of each cadre (§6) -----------------------------------------------------------


def test_the_worked_example_of_the_vinh_phuc_council() -> None:
    (result,) = tally(["x"], marked(high=19, medium=2, low=25, invalid=1), issued=48)
    assert (result.cadre_id, result.issued, result.returned, result.valid, result.invalid) == (
        "x",
        48,
        47,
        46,
        1,
    )
    assert dict(result.levels) == {
        H: LevelCount(19, "40.43"),
        M: LevelCount(2, "4.26"),
        L: LevelCount(25, "53.19"),
    }
    assert result.band is Band.OVER_HALF_LOW and not result.review


def test_the_levels_are_listed_in_the_order_printed_on_the_ballot() -> None:
    (result,) = tally(["x"], marked(low=1), issued=1)
    assert list(result.levels) == [H, M, L]


def test_invalid_rows_stay_in_the_denominator_and_absentees_do_not() -> None:
    # 60 issued, 40 returned (20 absent), 4 of the rows invalid: 18 low is 45 % of 40, not of 36 or 60.
    (result,) = tally(["x"], marked(high=10, medium=8, low=18, invalid=4), issued=60)
    assert (result.returned, result.valid, result.invalid) == (40, 36, 4)
    assert result.levels[L] == LevelCount(18, "45.00")
    assert result.band is Band.NONE


def test_each_cadre_is_counted_on_its_own_row_in_list_order() -> None:
    ballot_a = check_ballot(Ballot({"a": Row(frozenset({H})), "b": Row(frozenset({L}))}), ["a", "b"])
    ballot_b = check_ballot(Ballot({"a": Row(frozenset({H}))}), ["a", "b"])
    b, a = tally(["b", "a"], [ballot_a, ballot_b], issued=2)
    assert (a.cadre_id, a.levels[H].count, a.invalid, a.valid) == ("a", 2, 0, 2)
    assert (b.cadre_id, b.levels[L].count, b.invalid, b.valid) == ("b", 1, 1, 1)
    assert b.levels[L].percent == "50.00"


def test_a_cadre_missing_from_a_checked_ballot_counts_as_an_invalid_row() -> None:
    checked_for_a_only = check_ballot(Ballot({"a": Row(frozenset({H}))}), ["a"])
    a, b = tally(["a", "b"], [checked_for_a_only], issued=1)
    assert (a.valid, b.valid, b.invalid) == (1, 0, 1)


def test_nothing_returned_gives_zero_percent_and_no_band() -> None:
    (result,) = tally(["x"], [], issued=10)
    assert (result.issued, result.returned, result.valid, result.invalid) == (10, 0, 0, 0)
    assert all(c == LevelCount(0, "0.00") for c in result.levels.values())
    assert result.band is Band.NONE and not result.review


def test_nothing_issued_and_nothing_returned_is_a_possible_empty_count() -> None:
    assert tally(["x"], [], issued=0)[0].returned == 0
    assert tally([], [], issued=0) == ()


def test_when_every_row_is_invalid_the_invalid_stay_in_the_denominator() -> None:
    (result,) = tally(["x"], ballots_for("x", BLANK, frozenset({H, M}), BLANK), issued=3)
    assert (result.returned, result.valid, result.invalid) == (3, 0, 3)
    assert all(c == LevelCount(0, "0.00") for c in result.levels.values())
    assert result.band is Band.NONE


def test_ballots_not_issued_count_as_returned_but_invalid_for_every_cadre() -> None:
    forged = check_ballot(
        Ballot({"x": Row(frozenset({L})), "y": Row(frozenset({L}))}, issued=False), ["x", "y"]
    )
    genuine = check_ballot(Ballot({"x": Row(frozenset({H})), "y": Row(frozenset({H}))}), ["x", "y"])
    for result in tally(["x", "y"], [forged, genuine], issued=5):
        assert (result.returned, result.invalid, result.levels[L].count, result.levels[H].count) == (
            2,
            1,
            0,
            1,
        )


@pytest.mark.parametrize(
    ("low", "returned_other", "expected", "review"),
    [
        (15, 15, Band.NONE, False),  # exactly one half of 30
        (16, 14, Band.OVER_HALF_LOW, False),
        (20, 10, Band.TWO_THIRDS_LOW, True),  # exactly two thirds of 30
        (21, 9, Band.TWO_THIRDS_LOW, False),
    ],
)
def test_the_band_of_a_result_counts_invalid_rows_in_the_ballots_returned(
    low: int, returned_other: int, expected: Band, review: bool
) -> None:
    # The rest of the 30 returned ballots are invalid rows: they still weigh against the low count.
    (result,) = tally(["x"], marked(low=low, invalid=returned_other), issued=30)
    assert (result.band, result.review) == (expected, review)


@pytest.mark.parametrize("issued", [1, 0, -1])
def test_more_ballots_returned_than_issued_is_refused(issued: int) -> None:
    with pytest.raises(InvalidInput, match=f"2 ballots returned but only {issued} issued"):
        tally(["x"], ballots_for("x", frozenset({H}), frozenset({H})), issued=issued)


# --- the nq96 follow-up vote ---------------------------------------------------------------


def follow_up(no: int = 0, trust: int = 0, invalid: int = 0) -> list[CheckedBallot[FollowUpLevel]]:
    marks = [frozenset({NO})] * no + [frozenset({TRUST})] * trust + [frozenset({NO, TRUST})] * invalid
    return [check_ballot(Ballot({"x": Row(m)}), ["x"]) for m in marks]


@pytest.mark.parametrize(
    ("no_votes", "deputies", "majority"),
    [
        (26, 50, True),  # 2*26 > 50
        (25, 50, False),  # exactly half of all deputies is not more than half
        (26, 51, True),
        (25, 51, False),
        (1, 1, True),
        (0, 1, False),
    ],
)
def test_the_follow_up_vote_fails_with_more_than_half_of_all_deputies_against(
    no_votes: int, deputies: int, majority: bool
) -> None:
    (result,) = tally_follow_up(
        ["x"], follow_up(no=no_votes, trust=10), issued=deputies + 20, deputies=deputies
    )
    assert result.no_confidence_majority is majority
    assert result.levels[NO].count == no_votes
    assert result.returned == no_votes + 10


def test_the_follow_up_majority_is_of_all_deputies_not_of_the_ballots_returned() -> None:
    # 20 of 50 deputies present, 15 "no confidence": a majority of those voting, not of the council.
    (result,) = tally_follow_up(["x"], follow_up(no=15, trust=5), issued=20, deputies=50)
    assert result.levels[NO] == LevelCount(15, "75.00")
    assert result.no_confidence_majority is False


def test_the_follow_up_result_lists_both_levels_with_percentages_over_returned() -> None:
    (result,) = tally_follow_up(["x"], follow_up(no=2, trust=1, invalid=1), issued=4, deputies=4)
    assert (result.issued, result.returned, result.valid, result.invalid) == (4, 4, 3, 1)
    assert dict(result.levels) == {TRUST: LevelCount(1, "25.00"), NO: LevelCount(2, "50.00")}
    assert result.no_confidence_majority is False


@pytest.mark.parametrize("deputies", [0, -1])
def test_the_follow_up_vote_needs_the_number_of_deputies(deputies: int) -> None:
    with pytest.raises(InvalidInput, match="number of deputies"):
        tally_follow_up(["x"], [], issued=1, deputies=deputies)


def test_the_follow_up_refuses_more_ballots_returned_than_issued() -> None:
    with pytest.raises(InvalidInput, match="only 1 issued"):
        tally_follow_up(["x"], follow_up(trust=2), issued=1, deputies=10)
