"""Validating one marked ballot (regulation.md §5)."""

from __future__ import annotations

import pytest

from ballots.ballot import Ballot, Row, RowDefect, RowOutcome, check_ballot, check_row, row_from_marks
from ballots.errors import InvalidInput
from ballots.levels import FollowUpLevel, Level

H, M, L = Level.HIGH, Level.MEDIUM, Level.LOW
TRUST, NO = FollowUpLevel.TRUST, FollowUpLevel.NO_TRUST


def row(*marks: Level, struck: bool = False) -> Row[Level]:
    return Row(frozenset(marks), struck)


@pytest.mark.parametrize(
    ("given", "level", "defect"),
    [
        (None, None, RowDefect.NO_MARK),
        (row(), None, RowDefect.NO_MARK),
        (row(H), H, None),
        (row(M), M, None),
        (row(L), L, None),
        (row(H, M), None, RowDefect.SEVERAL_MARKS),
        (row(H, L), None, RowDefect.SEVERAL_MARKS),
        (row(M, L), None, RowDefect.SEVERAL_MARKS),
        (row(H, M, L), None, RowDefect.SEVERAL_MARKS),
        (row(H, struck=True), None, RowDefect.NAME_STRUCK),
        (row(L, struck=True), None, RowDefect.NAME_STRUCK),
        (row(H, L, struck=True), None, RowDefect.NAME_STRUCK),
        (row(struck=True), None, RowDefect.NO_MARK),
    ],
    ids=[
        "missing-row",
        "no-mark",
        "high",
        "medium",
        "low",
        "two-marks-high-medium",
        "two-marks-high-low",
        "two-marks-medium-low",
        "three-marks",
        "struck-with-a-mark",
        "struck-with-low",
        "struck-with-two-marks",
        "struck-without-a-mark",
    ],
)
def test_a_row_counts_only_with_exactly_one_mark_and_the_name_intact(
    given: Row[Level] | None, level: Level | None, defect: RowDefect | None
) -> None:
    assert check_row(given) == RowOutcome(level, defect)


@pytest.mark.parametrize(
    ("given", "level", "defect"),
    [
        (Row[FollowUpLevel](), None, RowDefect.NO_MARK),
        (Row(frozenset({TRUST})), TRUST, None),
        (Row(frozenset({NO})), NO, None),
        (Row(frozenset({TRUST, NO})), None, RowDefect.SEVERAL_MARKS),
        (Row(frozenset({NO}), name_struck=True), None, RowDefect.NAME_STRUCK),
    ],
)
def test_the_follow_up_ballot_follows_the_same_row_rules(
    given: Row[FollowUpLevel], level: FollowUpLevel | None, defect: RowDefect | None
) -> None:
    assert check_row(given) == RowOutcome(level, defect)


def test_an_invalid_row_leaves_the_other_rows_of_the_ballot_counting() -> None:
    ballot = Ballot({"a": row(H), "b": row(H, L), "d": row(M, struck=True)})
    checked = check_ballot(ballot, ["a", "b", "c", "d"])
    assert checked.rows == {
        "a": RowOutcome(H, None),
        "b": RowOutcome(None, RowDefect.SEVERAL_MARKS),
        "c": RowOutcome(None, RowDefect.NO_MARK),
        "d": RowOutcome(None, RowDefect.NAME_STRUCK),
    }
    assert checked.valid_whole


def test_the_outcomes_follow_the_order_of_the_printed_list() -> None:
    checked = check_ballot(Ballot({"a": row(H), "b": row(L)}), ["b", "c", "a"])
    assert list(checked.rows) == ["b", "c", "a"]


@pytest.mark.parametrize("signed", [False, True])
def test_a_ballot_not_issued_by_the_committee_is_invalid_as_a_whole(signed: bool) -> None:
    ballot = Ballot({"a": row(H), "b": row(M), "outsider": row(L)}, issued=False, signed=signed)
    checked = check_ballot(ballot, ["a", "b", "c"])
    assert checked.rows == dict.fromkeys(["a", "b", "c"], RowOutcome(None, RowDefect.BALLOT_NOT_ISSUED))
    assert checked.valid_whole is False


def test_a_follow_up_ballot_not_issued_is_invalid_as_a_whole_too() -> None:
    checked = check_ballot(Ballot({"x": Row(frozenset({NO}))}, issued=False), ["x"])
    assert checked.rows["x"].defect is RowDefect.BALLOT_NOT_ISSUED
    assert not checked.valid_whole


@pytest.mark.parametrize("signed", [False, True], ids=["unsigned", "signed"])
def test_a_signature_never_invalidates_a_ballot(signed: bool) -> None:
    checked = check_ballot(Ballot({"a": row(M)}, signed=signed), ["a"])
    assert checked.rows == {"a": RowOutcome(M, None)}
    assert checked.valid_whole


def test_names_written_in_from_outside_the_list_are_not_counted() -> None:
    ballot = Ballot({"a": row(M), "outsider": row(H)}, write_ins=("Nguyễn Văn Z",))
    checked = check_ballot(ballot, ["a"])
    assert checked.rows == {"a": RowOutcome(M, None)}
    assert checked.valid_whole


@pytest.mark.parametrize("listed", [["a", "a"], ["a", "b", "a"]])
def test_a_list_with_a_cadre_twice_is_refused(listed: list[str]) -> None:
    with pytest.raises(InvalidInput, match="duplicates"):
        check_ballot(Ballot[Level](), listed)


@pytest.mark.parametrize(
    ("marks", "levels", "expected"),
    [
        ([], Level, frozenset()),
        (["high"], Level, frozenset({H})),
        (["medium"], Level, frozenset({M})),
        (["low"], Level, frozenset({L})),
        (["high", "low"], Level, frozenset({H, L})),
        (("high", "medium", "low"), Level, frozenset({H, M, L})),
        (["trust"], FollowUpLevel, frozenset({TRUST})),
        (["no_trust"], FollowUpLevel, frozenset({NO})),
        ({"trust", "no_trust"}, FollowUpLevel, frozenset({TRUST, NO})),
    ],
)
def test_marks_are_read_from_api_values_for_both_ballot_kinds(
    marks: list[str], levels: type[Level] | type[FollowUpLevel], expected: frozenset[Level | FollowUpLevel]
) -> None:
    parsed = row_from_marks(marks, levels)
    assert parsed.marks == expected and parsed.name_struck is False


def test_a_struck_name_is_read_with_the_marks() -> None:
    parsed = row_from_marks(["no_trust"], FollowUpLevel, name_struck=True)
    assert parsed == Row(frozenset({NO}), True)
    assert check_row(parsed).defect is RowDefect.NAME_STRUCK


@pytest.mark.parametrize(
    ("marks", "levels", "allowed"),
    [
        (["very_high"], Level, "high, medium, low"),
        (["high", "HIGH"], Level, "high, medium, low"),
        (["Tín nhiệm cao"], Level, "high, medium, low"),
        (["trust"], Level, "high, medium, low"),
        (["high"], FollowUpLevel, "trust, no_trust"),
        ([""], FollowUpLevel, "trust, no_trust"),
    ],
)
def test_an_unknown_mark_is_refused_naming_the_allowed_values(
    marks: list[str], levels: type[Level] | type[FollowUpLevel], allowed: str
) -> None:
    with pytest.raises(InvalidInput, match=f"use one of: {allowed}$") as refused:
        row_from_marks(marks, levels)
    assert refused.value.code == "invalid_input"
