from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ballots.calendar import (
    Milestone,
    PlannedRound,
    check_schedule,
    deadline,
    deadlines,
    local_day,
    midterm_year,
    ordering_problems,
    timeliness,
)
from ballots.errors import InvalidInput, SchedulingRefused
from ballots.levels import Rulebook, UnitLevel


@pytest.mark.parametrize(
    ("vote", "report", "dossier", "requests", "answers"),
    [
        (date(2023, 9, 20), date(2023, 8, 31), date(2023, 9, 5), date(2023, 9, 10), date(2023, 9, 17)),
        (date(2024, 1, 5), date(2023, 12, 16), date(2023, 12, 21), date(2023, 12, 26), date(2024, 1, 2)),
        (date(2024, 3, 20), date(2024, 2, 29), date(2024, 3, 5), date(2024, 3, 10), date(2024, 3, 17)),
        (date(2023, 3, 20), date(2023, 2, 28), date(2023, 3, 5), date(2023, 3, 10), date(2023, 3, 17)),
        (date(2024, 3, 2), date(2024, 2, 11), date(2024, 2, 16), date(2024, 2, 21), date(2024, 2, 28)),
        (date(2025, 3, 1), date(2025, 2, 9), date(2025, 2, 14), date(2025, 2, 19), date(2025, 2, 26)),
    ],
    ids=["plain", "across-year-end", "leap-day", "non-leap", "answers-before-leap-day", "march-first"],
)
def test_the_four_deadlines_count_calendar_days_back_from_the_vote(
    vote: date, report: date, dossier: date, requests: date, answers: date
) -> None:
    assert deadlines(vote) == {
        Milestone.REPORT: report,
        Milestone.DOSSIER: dossier,
        Milestone.CLARIFICATION_REQUEST: requests,
        Milestone.ANSWERS: answers,
    }


def test_each_milestone_has_a_vietnamese_label() -> None:
    assert Milestone.REPORT.label_vi.startswith("Báo cáo")
    assert all(m.label_vi for m in Milestone)


VOTE = date(2023, 9, 20)  # report due 2023-08-31


@pytest.mark.parametrize(
    ("submitted", "on_time", "days_late"),
    [
        (datetime(2023, 8, 1, 3, tzinfo=UTC), True, 0),
        (datetime(2023, 8, 31, 16, 59, tzinfo=UTC), True, 0),  # 23:59 in Vietnam on the deadline
        (datetime(2023, 8, 31, 17, 0, tzinfo=UTC), False, 1),  # 00:00 the next day in Vietnam
        (datetime(2023, 9, 2, 2, tzinfo=UTC), False, 2),
        (datetime(2023, 9, 20, 2, tzinfo=UTC), False, 20),
    ],
)
def test_a_submission_is_on_time_up_to_the_end_of_the_deadline_day_in_vietnam(
    submitted: datetime, on_time: bool, days_late: int
) -> None:
    result = timeliness(Milestone.REPORT, VOTE, submitted)
    assert (result.on_time, result.days_late, result.deadline) == (on_time, days_late, date(2023, 8, 31))


def test_a_late_evening_in_utc_is_already_the_next_day_in_vietnam() -> None:
    assert local_day(datetime(2023, 8, 30, 23, 30, tzinfo=UTC)) == date(2023, 8, 31)


def test_a_submission_time_without_a_zone_is_refused() -> None:
    with pytest.raises(InvalidInput, match="time zone"):
        timeliness(Milestone.ANSWERS, VOTE, datetime(2023, 9, 1, 9))


TODAY = date(2027, 6, 1)


def test_a_vote_date_in_the_past_is_refused_even_with_a_reason() -> None:
    with pytest.raises(SchedulingRefused, match="in the past"):
        check_schedule(date(2027, 5, 31), TODAY, "cấp trên yêu cầu tổ chức gấp")


@pytest.mark.parametrize("days", [0, 1, 19])
def test_under_twenty_days_ahead_needs_a_written_reason(days: int) -> None:
    vote = date.fromordinal(TODAY.toordinal() + days)
    with pytest.raises(SchedulingRefused, match="at least 20") as refused:
        check_schedule(vote, TODAY)
    assert refused.value.details["days_ahead"] == days
    with pytest.raises(SchedulingRefused):
        check_schedule(vote, TODAY, "  gấp  ")
    decision = check_schedule(vote, TODAY, "  Ban Thường vụ quyết định tổ chức sớm  ")
    assert decision.overridden and decision.override_reason == "Ban Thường vụ quyết định tổ chức sớm"


def test_twenty_days_ahead_needs_no_override_and_keeps_none() -> None:
    decision = check_schedule(date(2027, 6, 21), TODAY, "một lý do không cần thiết")
    assert (decision.days_ahead, decision.overridden, decision.override_reason) == (20, False, None)


def planned(rid: str, rulebook: Rulebook, when: date, *, standing: bool = True, **kw: object) -> PlannedRound:
    level = kw.get("level", UnitLevel.PROVINCE)
    locality = kw.get("locality", "tinh")
    assert isinstance(level, UnitLevel) and isinstance(locality, str)
    return PlannedRound(rid, rulebook, level, locality, when, standing)


COUNCIL = planned("hdnd", Rulebook.NQ96, date(2023, 7, 10), standing=False)


@pytest.mark.parametrize(
    ("party_date", "problems"),
    [(date(2023, 7, 5), 1), (date(2023, 7, 10), 1), (date(2023, 7, 11), 0)],
    ids=["before", "same-day", "after"],
)
def test_a_standing_committee_round_comes_after_the_council_round_of_its_level(
    party_date: date, problems: int
) -> None:
    found = ordering_problems([COUNCIL, planned("btv", Rulebook.QD96, party_date)])
    assert len(found) == problems
    if found:
        assert (found[0].round_id, found[0].council_round_id) == ("btv", "hdnd")
        assert "HĐND" in found[0].message_vi
        assert "btv (" in found[0].message


def test_rounds_of_other_localities_levels_or_without_standing_members_are_not_compared() -> None:
    early = date(2023, 7, 1)
    rounds = [
        COUNCIL,
        planned("other-place", Rulebook.QD96, early, locality="huyen"),
        planned("other-level", Rulebook.QD96, early, level=UnitLevel.DISTRICT),
        planned("no-standing", Rulebook.QD96, early, standing=False),
    ]
    assert ordering_problems(rounds) == ()


def test_problems_name_the_rounds_by_their_labels_when_given() -> None:
    council = PlannedRound(
        "hdnd", Rulebook.NQ96, UnitLevel.PROVINCE, "tinh", date(2023, 7, 10), False, "Kỳ họp thứ 12"
    )
    party = PlannedRound(
        "btv", Rulebook.QD96, UnitLevel.PROVINCE, "tinh", date(2023, 7, 1), True, "Hội nghị BCH"
    )
    (problem,) = ordering_problems([council, party])
    assert (
        problem.message_vi.startswith("Hội nghị BCH (01/07/2023)") and "Kỳ họp thứ 12" in problem.message_vi
    )


def test_the_periodic_vote_falls_in_the_third_year_of_the_term() -> None:
    assert midterm_year(2020) == 2023
    assert deadline(Milestone.ANSWERS, date(2024, 1, 1)) == date(2023, 12, 29)
