from __future__ import annotations

import pytest

from ballots.ballot import Ballot, Row, RowDefect, check_ballot, check_row, row_from_marks
from ballots.errors import InvalidInput
from ballots.levels import FollowUpLevel, Level

H, M, L = Level.HIGH, Level.MEDIUM, Level.LOW


@pytest.mark.parametrize(
    ("row", "level", "defect"),
    [
        (None, None, RowDefect.NO_MARK),
        (Row[Level](), None, RowDefect.NO_MARK),
        (Row(frozenset({H})), H, None),
        (Row(frozenset({M})), M, None),
        (Row(frozenset({L})), L, None),
        (Row(frozenset({H, L})), None, RowDefect.SEVERAL_MARKS),
        (Row(frozenset({H, M, L})), None, RowDefect.SEVERAL_MARKS),
        (Row(frozenset({H}), name_struck=True), None, RowDefect.NAME_STRUCK),
        (Row[Level](frozenset(), name_struck=True), None, RowDefect.NO_MARK),
    ],
)
def test_a_row_counts_only_with_exactly_one_mark_and_the_name_intact(
    row: Row[Level] | None, level: Level | None, defect: RowDefect | None
) -> None:
    outcome = check_row(row)
    assert (outcome.level, outcome.defect) == (level, defect)


def test_an_invalid_row_leaves_the_other_rows_of_the_ballot_counting() -> None:
    ballot = Ballot({"a": Row(frozenset({H})), "b": Row(frozenset({H, L}))})
    checked = check_ballot(ballot, ["a", "b", "c"])
    assert checked.rows["a"].level is H
    assert checked.rows["b"].defect is RowDefect.SEVERAL_MARKS
    assert checked.rows["c"].defect is RowDefect.NO_MARK
    assert checked.valid_whole


def test_a_ballot_not_issued_by_the_committee_is_invalid_as_a_whole() -> None:
    ballot = Ballot({"a": Row(frozenset({H}))}, issued=False)
    checked = check_ballot(ballot, ["a", "b"])
    assert {o.defect for o in checked.rows.values()} == {RowDefect.BALLOT_NOT_ISSUED}
    assert not checked.valid_whole


def test_a_signature_never_invalidates_and_write_ins_are_ignored() -> None:
    ballot = Ballot(
        {"a": Row(frozenset({M})), "outsider": Row(frozenset({H}))}, signed=True, write_ins=("Nguyễn Văn Z",)
    )
    checked = check_ballot(ballot, ["a"])
    assert list(checked.rows) == ["a"]
    assert checked.rows["a"].level is M


def test_a_list_with_a_cadre_twice_is_refused() -> None:
    with pytest.raises(InvalidInput, match="duplicates"):
        check_ballot(Ballot[Level](), ["a", "a"])


def test_marks_are_read_from_api_values_for_both_ballot_kinds() -> None:
    assert row_from_marks(["high"], Level) == Row(frozenset({H}))
    assert row_from_marks(["no_trust"], FollowUpLevel, name_struck=True) == Row(
        frozenset({FollowUpLevel.NO_TRUST}), True
    )


def test_an_unknown_mark_is_refused_naming_the_allowed_values() -> None:
    with pytest.raises(InvalidInput, match="high, medium, low"):
        row_from_marks(["very_high"], Level)
