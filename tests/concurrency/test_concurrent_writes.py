"""Requests sent at the same moment to a real server: none fails for it, and no rule is broken.

Each scenario fires its requests together from a thread pool against uvicorn on a fresh database
(tests/concurrency/live.py), on SQLite and PostgreSQL.
"""

from __future__ import annotations

from live import Live
from scenarios import (
    cadre_imports,
    logins,
    proposals,
    roster_additions,
    roster_imports,
    same_plan_number,
    same_top_level_unit,
)


def server_errors(live: Live) -> list[str]:
    return [line for line in live.log.read_text().splitlines() if "Traceback" in line or "locked" in line]


def test_forty_voters_summoned_to_one_round_at_once_are_all_stored(live: Live) -> None:
    outcome = roster_additions(live.base, live.token, 40)
    assert outcome.statuses == [201] * 40, server_errors(live)
    assert outcome.left == 40  # each with a number of its own


def test_a_burst_of_writers_beyond_the_thread_pool_all_succeed(live: Live) -> None:
    # Twice as many writers as the server's 40 worker threads: they take turns without starving a commit.
    outcome = roster_additions(live.base, live.token, 80)
    assert outcome.statuses == [201] * 80, server_errors(live)
    assert outcome.left == 80


def test_fifteen_people_logging_in_at_once_all_get_a_token(live: Live) -> None:
    outcome = logins(live.base, live.usernames)
    assert outcome.statuses == [201] * 15, server_errors(live)


def test_twenty_proposals_of_one_cadre_to_five_rounds_at_once_leave_exactly_two_places(live: Live) -> None:
    outcome = proposals(live.base, live.token, 20, 5)
    assert outcome.left == 2
    # Two places accepted; the rest refused as a third place (422) or a second proposal to one round.
    assert outcome.count(201) == 2 and outcome.failures == 0, outcome.statuses
    assert set(outcome.statuses) <= {201, 409, 422}


def test_twenty_imports_of_one_workbook_at_once_store_each_person_once(live: Live) -> None:
    outcome = cadre_imports(live.base, live.token, 20, 3)
    assert outcome.left == 3
    assert outcome.failures == 0, outcome.statuses
    assert outcome.count(201) >= 1


def test_ten_imports_of_one_roster_file_into_one_round_at_once_summon_each_voter_once(live: Live) -> None:
    outcome = roster_imports(live.base, live.token, 10, 5)
    assert outcome.left == 5
    # The first import summons them; the others find them on the roster and refuse every row.
    assert sorted(outcome.statuses) == [201] + [422] * 9, server_errors(live)


def test_one_top_level_unit_created_at_once_in_several_letter_cases_is_stored_once(live: Live) -> None:
    outcome = same_top_level_unit(live.base, live.token, 10)
    assert sorted(outcome.statuses) == [201] + [409] * 9
    assert outcome.left == 1
    refusals = [m for m in outcome.messages if m]
    assert len(refusals) == 9 and all("already exists" in m for m in refusals), refusals


def test_one_plan_number_created_at_once_in_several_letter_cases_is_stored_once(live: Live) -> None:
    outcome = same_plan_number(live.base, live.token, 10)
    assert sorted(outcome.statuses) == [201] + [409] * 9
    assert outcome.left == 1
    refusals = [m for m in outcome.messages if m]
    assert len(refusals) == 9 and all("already exists" in m for m in refusals), refusals
