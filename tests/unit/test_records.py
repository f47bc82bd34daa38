from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from ballots.errors import InvalidInput
from ballots.records import (
    age_on,
    check_birth_date,
    check_post_dates,
    has_control_characters,
    name_key,
)

TODAY = date(2027, 6, 1)


def test_names_compare_without_case_spacing_or_how_the_accents_were_typed() -> None:
    decomposed = unicodedata.normalize("NFD", "Sở Nội vụ")  # as some input methods send it
    assert name_key("SỞ NỘI VỤ") == name_key("sở nội vụ") == name_key("Sở  Nội vụ")
    assert name_key(decomposed) == name_key("Sở Nội vụ")


def test_tabs_and_newlines_are_text_but_other_control_characters_are_not() -> None:
    assert not has_control_characters("Dòng 1\nDòng 2\tcột\r")
    assert has_control_characters("Nguyễn\x00Văn")
    assert has_control_characters("\x1b[31m")


def test_an_age_counts_whole_years_up_to_the_birthday() -> None:
    assert age_on(date(1980, 6, 1), TODAY) == 47
    assert age_on(date(1980, 6, 2), TODAY) == 46


@pytest.mark.parametrize(
    ("born", "says"),
    [(TODAY, "not in the past"), (date(2010, 1, 1), "age of 17"), (date(1926, 1, 1), "age of 101")],
)
def test_a_birth_date_today_or_an_age_outside_18_to_100_is_refused(born: date, says: str) -> None:
    with pytest.raises(InvalidInput, match=says) as refused:
        check_birth_date(born, TODAY)
    assert refused.value.details["field"] == "date_of_birth"
    assert refused.value.message_vi.startswith("Ngày sinh")


@pytest.mark.parametrize("born", [date(2009, 6, 1), date(1927, 6, 1)])
def test_ages_of_exactly_18_and_100_are_accepted(born: date) -> None:
    check_birth_date(born, TODAY)


@pytest.mark.parametrize(
    ("since", "ended", "born", "field"),
    [
        (date(2027, 6, 2), None, None, "since"),
        (date(1970, 1, 1), None, date(1970, 1, 1), "since"),
        (date(2021, 3, 15), date(2021, 3, 14), None, "ended_on"),
    ],
)
def test_a_post_in_the_future_before_birth_or_ending_before_it_starts_is_refused(
    since: date, ended: date | None, born: date | None, field: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_post_dates("Giám đốc", since, ended, born, TODAY)
    assert refused.value.details == {"field": field}
    assert "Giám đốc" in refused.value.message_vi


def test_a_post_may_start_today_and_end_the_day_it_starts() -> None:
    check_post_dates("Giám đốc", TODAY, TODAY, date(1970, 1, 1), TODAY)
