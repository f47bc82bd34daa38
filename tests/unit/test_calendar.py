"""The legal calendar of a round (regulation.md §1, §3)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

import pytest

from ballots.calendar import (
    MIN_DAYS_AHEAD,
    VIETNAM_TZ,
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
    ("milestone", "days"),
    [
        (Milestone.REPORT, 20),
        (Milestone.DOSSIER, 15),
        (Milestone.CLARIFICATION_REQUEST, 10),
        (Milestone.ANSWERS, 3),
    ],
)
def test_each_milestone_is_due_its_number_of_days_before_the_vote(milestone: Milestone, days: int) -> None:
    assert milestone.days_before == days
    assert deadline(milestone, date(2023, 9, 20)) == date(2023, 9, 20) - timedelta(days=days)


@pytest.mark.parametrize(
    ("vote", "report", "dossier", "requests", "answers"),
    [
        (date(2023, 9, 20), date(2023, 8, 31), date(2023, 9, 5), date(2023, 9, 10), date(2023, 9, 17)),
        (date(2023, 10, 10), date(2023, 9, 20), date(2023, 9, 25), date(2023, 9, 30), date(2023, 10, 7)),
        (date(2023, 5, 2), date(2023, 4, 12), date(2023, 4, 17), date(2023, 4, 22), date(2023, 4, 29)),
        (date(2024, 1, 5), date(2023, 12, 16), date(2023, 12, 21), date(2023, 12, 26), date(2024, 1, 2)),
        (date(2024, 1, 2), date(2023, 12, 13), date(2023, 12, 18), date(2023, 12, 23), date(2023, 12, 30)),
        (date(2024, 3, 20), date(2024, 2, 29), date(2024, 3, 5), date(2024, 3, 10), date(2024, 3, 17)),
        (date(2023, 3, 20), date(2023, 2, 28), date(2023, 3, 5), date(2023, 3, 10), date(2023, 3, 17)),
        (date(2024, 3, 2), date(2024, 2, 11), date(2024, 2, 16), date(2024, 2, 21), date(2024, 2, 28)),
        (date(2024, 3, 3), date(2024, 2, 12), date(2024, 2, 17), date(2024, 2, 22), date(2024, 2, 29)),
        (date(2025, 3, 1), date(2025, 2, 9), date(2025, 2, 14), date(2025, 2, 19), date(2025, 2, 26)),
    ],
    ids=[
        "month-end-31",
        "month-end-30",
        "april-30-days",
        "across-year-end",
        "all-but-one-in-previous-year",
        "leap-day-report",
        "non-leap-year",
        "leap-year-before-feb-29",
        "leap-day-answers",
        "march-first-non-leap",
    ],
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


@pytest.mark.parametrize("milestone", list(Milestone))
def test_each_milestone_has_a_vietnamese_label(milestone: Milestone) -> None:
    assert milestone.label_vi
    assert len({m.label_vi for m in Milestone}) == len(Milestone)


def test_the_report_label_names_the_cadres_self_report() -> None:
    assert Milestone.REPORT.label_vi.startswith("Báo cáo")


VOTE = date(2023, 9, 20)  # report due 2023-08-31


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    """A wall-clock time in Vietnam."""
    return datetime(year, month, day, hour, minute, second, tzinfo=VIETNAM_TZ)


@pytest.mark.parametrize(
    ("submitted", "on_time", "days_late"),
    [
        (vn(2023, 8, 1, 10), True, 0),  # early
        (vn(2023, 8, 30, 23, 59), True, 0),  # the day before
        (vn(2023, 8, 31, 0, 0), True, 0),  # first minute of the deadline day
        (vn(2023, 8, 31, 23, 59, 59), True, 0),  # last second of the deadline day
        (vn(2023, 9, 1, 0, 0), False, 1),  # one day late
        (vn(2023, 9, 2, 9), False, 2),
        (vn(2023, 9, 20, 9), False, 20),  # on the vote day itself
        (vn(2023, 10, 1, 9), False, 31),  # after the vote
    ],
)
def test_a_submission_is_on_time_up_to_the_end_of_the_deadline_day(
    submitted: datetime, on_time: bool, days_late: int
) -> None:
    result = timeliness(Milestone.REPORT, VOTE, submitted)
    assert (result.on_time, result.days_late) == (on_time, days_late)
    assert (result.milestone, result.deadline, result.submitted_on) == (
        Milestone.REPORT,
        date(2023, 8, 31),
        submitted.date(),
    )


@pytest.mark.parametrize(
    ("milestone", "last_on_time"),
    [
        (Milestone.REPORT, date(2023, 8, 31)),
        (Milestone.DOSSIER, date(2023, 9, 5)),
        (Milestone.CLARIFICATION_REQUEST, date(2023, 9, 10)),
        (Milestone.ANSWERS, date(2023, 9, 17)),
    ],
)
def test_each_milestone_is_on_time_on_its_deadline_day_and_late_the_day_after(
    milestone: Milestone, last_on_time: date
) -> None:
    on_day = vn(last_on_time.year, last_on_time.month, last_on_time.day, 17)
    assert timeliness(milestone, VOTE, on_day).on_time
    late = timeliness(milestone, VOTE, on_day + timedelta(days=1))
    assert (late.on_time, late.days_late) == (False, 1)


@pytest.mark.parametrize(
    ("submitted", "day"),
    [
        (datetime(2023, 8, 30, 23, 30, tzinfo=UTC), date(2023, 8, 31)),  # 06:30 the next morning in Vietnam
        (datetime(2023, 8, 31, 16, 59, tzinfo=UTC), date(2023, 8, 31)),  # 23:59 in Vietnam
        (datetime(2023, 8, 31, 17, 0, tzinfo=UTC), date(2023, 9, 1)),  # midnight in Vietnam
        (datetime(2023, 12, 31, 17, 0, tzinfo=UTC), date(2024, 1, 1)),  # new year in Vietnam first
        (datetime(2023, 9, 1, 1, 0, tzinfo=timezone(timedelta(hours=9))), date(2023, 8, 31)),  # Tokyo
        (datetime(2023, 8, 31, 12, 0, tzinfo=timezone(timedelta(hours=-5))), date(2023, 9, 1)),  # New York
    ],
)
def test_the_day_of_a_submission_is_the_day_in_vietnam(submitted: datetime, day: date) -> None:
    assert local_day(submitted) == day


def test_a_late_evening_in_utc_on_the_deadline_is_already_one_day_late_in_vietnam() -> None:
    # 23:30 UTC on 31 August is 06:30 on 1 September in Vietnam.
    result = timeliness(Milestone.REPORT, VOTE, datetime(2023, 8, 31, 23, 30, tzinfo=UTC))
    assert (result.submitted_on, result.on_time, result.days_late) == (date(2023, 9, 1), False, 1)
    # 23:30 UTC the day before is the deadline day itself in Vietnam: on time.
    assert timeliness(Milestone.REPORT, VOTE, datetime(2023, 8, 30, 23, 30, tzinfo=UTC)).on_time


class _Floating(tzinfo):
    """A time zone object that knows no offset: Python counts such a datetime as naive."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str | None:
        return None


@pytest.mark.parametrize(
    "naive",
    [datetime(2023, 9, 1, 9), datetime(2023, 9, 1, 9, tzinfo=_Floating())],
    ids=["no-tzinfo", "no-offset"],
)
def test_a_submission_time_without_a_zone_is_refused(naive: datetime) -> None:
    with pytest.raises(InvalidInput, match="time zone"):
        timeliness(Milestone.ANSWERS, VOTE, naive)
    with pytest.raises(InvalidInput):
        local_day(naive)


def test_vietnam_keeps_utc_plus_seven_all_year() -> None:
    for month in (1, 7):
        assert VIETNAM_TZ.utcoffset(datetime(2023, month, 1)) == timedelta(hours=7)


TODAY = date(2027, 6, 1)
GOOD_REASON = "  Ban Thường vụ quyết định tổ chức sớm  "


@pytest.mark.parametrize("days_ago", [1, 365])
def test_a_vote_date_in_the_past_is_refused_even_with_a_reason(days_ago: int) -> None:
    past = TODAY - timedelta(days=days_ago)
    with pytest.raises(SchedulingRefused, match="in the past") as refused:
        check_schedule(past, TODAY, GOOD_REASON)
    assert refused.value.details == {"vote_date": past.isoformat(), "today": TODAY.isoformat()}
    assert refused.value.code == "scheduling_refused"


@pytest.mark.parametrize("days", [0, 1, 10, 19])
def test_under_twenty_days_ahead_without_a_reason_is_refused(days: int) -> None:
    with pytest.raises(SchedulingRefused, match="at least 20") as refused:
        check_schedule(TODAY + timedelta(days=days), TODAY)
    assert refused.value.details == {
        "days_ahead": days,
        "minimum": MIN_DAYS_AHEAD,
        "field": "override_reason",
    }


@pytest.mark.parametrize("reason", ["", "   ", " " * 30])
def test_a_blank_reason_is_no_reason(reason: str) -> None:
    with pytest.raises(SchedulingRefused, match="unless an override reason of at least 10 characters"):
        check_schedule(TODAY + timedelta(days=19), TODAY, reason)


@pytest.mark.parametrize(("reason", "length"), [("gấp", 3), ("  gấp lắm  ", 7), ("123456789", 9)])
def test_a_too_short_reason_is_told_how_short_it_is(reason: str, length: int) -> None:
    with pytest.raises(SchedulingRefused, match=f"is {length} characters long; write at least 10") as refused:
        check_schedule(TODAY + timedelta(days=19), TODAY, reason)
    assert refused.value.details["reason_length"] == length
    assert f"mới có {length} ký tự" in refused.value.message_vi


@pytest.mark.parametrize(
    ("days", "reason", "stored"),
    [
        (19, GOOD_REASON, GOOD_REASON.strip()),
        (0, GOOD_REASON, GOOD_REASON.strip()),
        (19, "1234567890", "1234567890"),  # exactly 10 characters
        (5, " Tỉnh ủy chỉ đạo ", "Tỉnh ủy chỉ đạo"),
    ],
)
def test_under_twenty_days_ahead_with_a_written_reason_is_allowed_and_the_reason_stored(
    days: int, reason: str, stored: str
) -> None:
    decision = check_schedule(TODAY + timedelta(days=days), TODAY, reason)
    assert (decision.days_ahead, decision.overridden, decision.override_reason) == (days, True, stored)
    assert decision.vote_date == TODAY + timedelta(days=days)


@pytest.mark.parametrize("reason", [None, "một lý do không cần thiết"])
@pytest.mark.parametrize("days", [20, 21, 200])
def test_twenty_days_ahead_or_more_needs_no_override_and_keeps_none(days: int, reason: str | None) -> None:
    decision = check_schedule(TODAY + timedelta(days=days), TODAY, reason)
    assert (decision.days_ahead, decision.overridden, decision.override_reason) == (days, False, None)


def test_twenty_days_ahead_leaves_the_report_due_today() -> None:
    vote = TODAY + timedelta(days=MIN_DAYS_AHEAD)
    assert deadline(Milestone.REPORT, vote) == TODAY


def planned(
    rid: str,
    rulebook: Rulebook,
    when: date,
    *,
    standing: bool = True,
    level: UnitLevel = UnitLevel.PROVINCE,
    locality: str = "tinh",
    label: str = "",
) -> PlannedRound:
    return PlannedRound(rid, rulebook, level, locality, when, standing, label)


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
        assert found[0].message.startswith("btv (")


@pytest.mark.parametrize(
    "other",
    [
        planned("other-place", Rulebook.QD96, date(2023, 7, 1), locality="huyen"),
        planned("other-level", Rulebook.QD96, date(2023, 7, 1), level=UnitLevel.DISTRICT),
        planned("no-standing", Rulebook.QD96, date(2023, 7, 1), standing=False),
        planned("another-council", Rulebook.NQ96, date(2023, 7, 1)),
    ],
    ids=lambda r: r.round_id,
)
def test_rounds_of_other_localities_or_levels_or_without_standing_members_are_not_compared(
    other: PlannedRound,
) -> None:
    assert ordering_problems([COUNCIL, other]) == ()


def test_without_a_council_round_there_is_nothing_to_order() -> None:
    assert ordering_problems([planned("btv", Rulebook.QD96, date(2023, 7, 1))]) == ()
    assert ordering_problems([]) == ()


def test_one_problem_is_reported_per_standing_committee_round_and_council_session() -> None:
    rounds = [
        planned("btv-1", Rulebook.QD96, date(2023, 7, 1)),
        COUNCIL,
        planned("hdnd-2", Rulebook.NQ96, date(2023, 7, 20)),
        planned("btv-2", Rulebook.QD96, date(2023, 7, 15)),
    ]
    found = [(p.round_id, p.council_round_id) for p in ordering_problems(rounds)]
    assert found == [("btv-1", "hdnd"), ("btv-1", "hdnd-2"), ("btv-2", "hdnd-2")]


def test_problems_name_the_rounds_by_their_labels_when_given() -> None:
    council = planned("hdnd", Rulebook.NQ96, date(2023, 7, 10), standing=False, label="Kỳ họp thứ 12")
    party = planned("btv", Rulebook.QD96, date(2023, 7, 1), label="Hội nghị BCH")
    (problem,) = ordering_problems([council, party])
    assert problem.message_vi.startswith("Hội nghị BCH (01/07/2023)")
    assert "Kỳ họp thứ 12 (10/07/2023)" in problem.message_vi
    assert "Kỳ họp thứ 12 (2023-07-10)" in problem.message
    assert (problem.round_id, problem.council_round_id) == ("btv", "hdnd")


@pytest.mark.parametrize(("term_start", "year"), [(2020, 2023), (2015, 2018), (2025, 2028)])
def test_the_periodic_vote_falls_in_the_third_year_of_the_term(term_start: int, year: int) -> None:
    assert midterm_year(term_start) == year
