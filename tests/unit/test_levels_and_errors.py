from __future__ import annotations

import pytest

from ballots import errors
from ballots.levels import Band, FillMethod, FollowUpLevel, Level, Rulebook, UnitLevel


def test_the_ballot_boxes_read_as_printed_in_vietnamese() -> None:
    assert [lv.label_vi for lv in Level] == ["Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp"]
    assert [lv.value for lv in Level] == ["high", "medium", "low"]


def test_the_follow_up_ballot_has_two_boxes() -> None:
    assert [lv.label_vi for lv in FollowUpLevel] == ["Tín nhiệm", "Không tín nhiệm"]


def test_each_band_and_rulebook_has_a_vietnamese_label() -> None:
    assert Band.TWO_THIRDS_LOW.label_vi.startswith("Từ 2/3")
    assert Band.OVER_HALF_LOW.label_vi.startswith("Trên 1/2")
    assert Band.NONE.label_vi
    assert Rulebook.QD96.label_vi == "Quy định 96-QĐ/TW"
    assert Rulebook.NQ96.label_vi == "Nghị quyết 96/2023/QH15"


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


def test_a_province_ranks_above_a_district() -> None:
    assert UnitLevel.PROVINCE.rank < UnitLevel.DISTRICT.rank


ALL_ERRORS = [
    errors.InvalidInput,
    errors.NotFound,
    errors.Conflict,
    errors.PermissionDenied,
    errors.RuleViolation,
    errors.CandidateIneligible,
    errors.SchedulingRefused,
    errors.QuorumNotMet,
]


def test_every_refusal_belongs_to_one_tree_with_distinct_codes() -> None:
    assert all(issubclass(cls, errors.BallotsError) for cls in ALL_ERRORS)
    codes = [cls.code for cls in [errors.BallotsError, *ALL_ERRORS]]
    assert len(codes) == len(set(codes))
    assert issubclass(errors.InvalidInput, ValueError)
    assert issubclass(errors.CandidateIneligible, errors.RuleViolation)


def test_an_error_carries_its_message_and_details() -> None:
    plain = errors.NotFound("no round")
    assert (plain.message, plain.details, str(plain)) == ("no round", {}, "no round")
    detailed = errors.Conflict("taken", details={"id": "x"})
    assert detailed.details == {"id": "x"}
