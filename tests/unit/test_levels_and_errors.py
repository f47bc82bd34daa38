"""The vocabulary (regulation.md §1, §5, §7) and the one exception tree of the rule core."""

from __future__ import annotations

import inspect
import unicodedata

import pytest

from ballots import errors
from ballots.levels import Band, FillMethod, FollowUpLevel, Level, PlaceKind, Rulebook, UnitLevel


@pytest.mark.parametrize(
    ("level", "value", "label"),
    [
        (Level.HIGH, "high", "Tín nhiệm cao"),
        (Level.MEDIUM, "medium", "Tín nhiệm"),
        (Level.LOW, "low", "Tín nhiệm thấp"),
        (FollowUpLevel.TRUST, "trust", "Tín nhiệm"),
        (FollowUpLevel.NO_TRUST, "no_trust", "Không tín nhiệm"),
    ],
)
def test_each_ballot_box_has_its_api_value_and_its_printed_vietnamese_label(
    level: Level | FollowUpLevel, value: str, label: str
) -> None:
    assert level.value == value
    assert level.label_vi == label


def test_the_confidence_ballot_prints_three_boxes_in_order_high_medium_low() -> None:
    assert [lv.label_vi for lv in Level] == ["Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp"]


def test_the_follow_up_ballot_prints_two_boxes() -> None:
    assert [lv.label_vi for lv in FollowUpLevel] == ["Tín nhiệm", "Không tín nhiệm"]


ALL_LABELS = [
    *(lv.label_vi for lv in Level),
    *(lv.label_vi for lv in FollowUpLevel),
    *(b.label_vi for b in Band),
    *(r.label_vi for r in Rulebook),
]


@pytest.mark.parametrize("label", ALL_LABELS)
def test_every_vietnamese_label_is_stored_in_composed_unicode_form(label: str) -> None:
    # "í" and "ệ" as single code points, as typed by a Vietnamese keyboard; decomposed text
    # would not match searches or the printed ballot.
    assert label == unicodedata.normalize("NFC", label)
    assert label.strip() == label != ""


@pytest.mark.parametrize(
    ("band", "starts"),
    [
        (Band.NONE, "Không thuộc diện"),
        (Band.OVER_HALF_LOW, "Trên 1/2"),
        (Band.TWO_THIRDS_LOW, "Từ 2/3"),
    ],
)
def test_each_band_has_a_vietnamese_label(band: Band, starts: str) -> None:
    assert band.label_vi.startswith(starts)


@pytest.mark.parametrize(
    ("rulebook", "value", "label"),
    [
        (Rulebook.QD96, "qd96", "Quy định 96-QĐ/TW"),
        (Rulebook.NQ96, "nq96", "Nghị quyết 96/2023/QH15"),
    ],
)
def test_each_rulebook_is_named_after_its_source(rulebook: Rulebook, value: str, label: str) -> None:
    assert (rulebook.value, rulebook.label_vi) == (value, label)


@pytest.mark.parametrize(
    ("method", "rulebook"),
    [
        (FillMethod.COUNCIL_ELECTED, Rulebook.NQ96),
        (FillMethod.PARTY_ELECTED, Rulebook.QD96),
        (FillMethod.APPOINTED, Rulebook.QD96),
    ],
)
def test_posts_elected_by_a_council_fall_under_nq96_and_all_others_under_qd96(
    method: FillMethod, rulebook: Rulebook
) -> None:
    assert method.rulebook is rulebook


@pytest.mark.parametrize(("level", "rank"), [(UnitLevel.PROVINCE, 0), (UnitLevel.DISTRICT, 1)])
def test_a_province_ranks_above_a_district(level: UnitLevel, rank: int) -> None:
    assert level.rank == rank


def test_the_place_kinds_are_listed_in_the_priority_order_of_the_regulation() -> None:
    assert list(PlaceKind) == [PlaceKind.PARTY_COMMITTEE, PlaceKind.COUNCIL, PlaceKind.WORKPLACE]


# Every exception class defined in ballots/errors.py, found by inspection so a new one cannot slip by.
ERROR_CLASSES = [
    cls
    for _, cls in inspect.getmembers(errors, inspect.isclass)
    if cls.__module__ == errors.__name__ and issubclass(cls, BaseException)
]

PARENTS = {
    errors.InvalidInput: errors.BallotsError,
    errors.NotFound: errors.BallotsError,
    errors.Conflict: errors.BallotsError,
    errors.PermissionDenied: errors.BallotsError,
    errors.SealBroken: errors.BallotsError,
    errors.RuleViolation: errors.BallotsError,
    errors.CandidateIneligible: errors.RuleViolation,
    errors.SchedulingRefused: errors.RuleViolation,
    errors.QuorumNotMet: errors.RuleViolation,
}


def test_the_error_tree_is_the_one_documented_in_the_module() -> None:
    assert set(ERROR_CLASSES) == {errors.BallotsError, *PARENTS}
    for cls, parent in PARENTS.items():
        assert cls.__bases__[0] is parent


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda c: c.__name__)
def test_every_error_subclasses_ballots_error_and_carries_a_message_and_empty_details(
    cls: type[errors.BallotsError],
) -> None:
    assert issubclass(cls, errors.BallotsError)
    error = cls("something is wrong")
    assert (error.message, str(error), error.details) == ("something is wrong", "something is wrong", {})


def test_error_codes_are_unique() -> None:
    codes = [cls.code for cls in ERROR_CLASSES]
    assert len(codes) == len(set(codes))
    assert errors.InvalidInput.code == "invalid_input"


def test_invalid_input_is_also_a_value_error() -> None:
    assert issubclass(errors.InvalidInput, ValueError)
    with pytest.raises(ValueError, match="bad"):
        raise errors.InvalidInput("bad")


def test_details_are_copied_so_the_caller_can_not_change_them_afterwards() -> None:
    given = {"id": "x"}
    error = errors.Conflict("taken", details=given)
    given["id"] = "y"
    assert error.details == {"id": "x"}
    assert errors.NotFound("a").details is not errors.NotFound("b").details
