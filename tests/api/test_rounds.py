"""Rounds: scheduling under the legal calendar, the status workflow, archive and delete."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, TypeVar

import pytest
from fastapi.testclient import TestClient
from model_builders import make_cadre, make_plan, make_unit, post, saved
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Cadre, Candidate, CommitteeMember, Plan, RosterEntry, Round, RoundStatus, Unit
from ballots.levels import PlaceKind, Rulebook, UnitLevel

Headers = dict[str, str]
T = TypeVar("T")
ROUNDS = "/api/v1/rounds"
ARCHIVED = datetime(2027, 1, 1, tzinfo=UTC)


# Builders: plans, units and cadres go straight into the database; rounds go through the API.


def round_body(plan: Plan, unit: Unit, **overrides: Any) -> dict[str, Any]:
    return {
        "plan_id": plan.id,
        "unit_id": unit.id,
        "title": "Hội nghị lấy phiếu Sở Tài chính",
        "vote_date": "2027-09-20",
        "rulebook": "qd96",
    } | overrides


def make_round(
    client: TestClient, headers: Headers, plan: Plan, unit: Unit, **overrides: Any
) -> dict[str, Any]:
    response = client.post(ROUNDS, json=round_body(plan, unit, **overrides), headers=headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def set_status(session: Session, round_id: str, status: RoundStatus) -> None:
    round_ = session.get(Round, round_id)
    assert round_ is not None
    round_.status = status
    session.commit()


def propose(client: TestClient, headers: Headers, round_id: str, cadre: Cadre) -> Any:
    return client.post(f"{ROUNDS}/{round_id}/candidates", json={"cadre_id": cadre.id}, headers=headers)


def eligible(client: TestClient, headers: Headers, round_id: str) -> bool:
    (candidate,) = client.get(f"{ROUNDS}/{round_id}/candidates", headers=headers).json()["items"]
    return bool(candidate["eligible"])


def database(session: Session) -> dict[str, list[str]]:
    """Everything the rounds API can write, to show that a refused request changed nothing."""
    session.expire_all()
    reasons = [r.schedule_override_reason for r in session.scalars(select(Round).order_by(Round.id))]
    rows: dict[str, list[Any]] = {
        "rounds": [
            (r.id, r.title, r.venue, r.vote_date, r.unit_id, r.place_kind, r.status, r.archived_at)
            for r in session.scalars(select(Round))
        ],
        "roster": [(e.id, e.round_id, e.full_name, e.contact) for e in session.scalars(select(RosterEntry))],
        "candidates": [
            (c.id, c.round_id, c.cadre_id, c.post_ids, c.eligible, c.reasons)
            for c in session.scalars(select(Candidate))
        ],
        "committee": [(m.id, m.round_id, m.full_name) for m in session.scalars(select(CommitteeMember))],
    }
    return {table: sorted(map(repr, found)) for table, found in rows.items()} | {
        "reasons": list(map(repr, reasons))
    }


class World:
    def __init__(self, session: Session) -> None:
        self.province = make_unit(session, "Tỉnh Hòa Bình")
        self.finance = make_unit(session, "Sở Tài chính", parent=self.province)
        self.district = make_unit(session, "Huyện Lạc Sơn", UnitLevel.DISTRICT, self.province)
        self.plan = make_plan(session)


@pytest.fixture
def world(session: Session) -> World:
    return World(session)


def test_a_new_round_is_a_draft_shown_with_its_plan_unit_and_four_deadlines(
    client: TestClient, organizer: Headers, world: World
) -> None:
    created = make_round(client, organizer, world.plan, world.finance, venue="Hội trường tầng 3")
    shown = client.get(f"{ROUNDS}/{created['id']}", headers=organizer).json()
    assert shown == created
    assert (shown["status"], shown["place_kind"], shown["plan_number"], shown["unit_name"]) == (
        "draft",
        "workplace",
        "96-KH/TU",
        "Sở Tài chính",
    )
    assert shown["deadlines"] == {
        "report": "2027-08-31",
        "dossier": "2027-09-05",
        "clarification_request": "2027-09-10",
        "answers": "2027-09-17",
    }
    assert (shown["override_reason"], shown["warnings"], shown["next_statuses"]) == (
        None,
        [],
        ["scheduled"],
    )
    counts = [shown[k] for k in ("roster_count", "candidate_count", "eligible_count", "committee_count")]
    assert counts == [0, 0, 0, 0]


def test_a_round_counts_its_summoned_voters_candidates_and_committee(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    round_id = make_round(client, organizer, world.plan, world.finance)["id"]
    saved(
        session,
        RosterEntry(round_id=round_id, position=1, full_name="Lê Thị Mai"),
        RosterEntry(round_id=round_id, position=2, full_name="Đỗ Văn Bình"),
        CommitteeMember(round_id=round_id, position=1, full_name="Phạm Thị Lan"),
    )
    assert (
        propose(
            client, organizer, round_id, make_cadre(session, "Nguyễn Văn Hùng", [post(world.finance)])
        ).status_code
        == 201
    )
    shown = client.get(f"{ROUNDS}/{round_id}", headers=organizer).json()
    counts = [shown[k] for k in ("roster_count", "candidate_count", "eligible_count", "committee_count")]
    assert counts == [2, 1, 1, 1]
    (listed,) = client.get(ROUNDS, headers=organizer).json()["items"]
    assert listed == shown


def test_the_place_kind_follows_the_rulebook_and_a_council_vote_is_never_held_elsewhere(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    assert (
        make_round(client, organizer, world.plan, world.finance, rulebook="nq96")["place_kind"] == "council"
    )
    assert make_round(client, organizer, world.plan, world.finance)["place_kind"] == "workplace"
    party = make_round(client, organizer, world.plan, world.province, place_kind="party_committee")
    assert party["place_kind"] == "party_committee"
    before = database(session)
    for body in (
        {"rulebook": "nq96", "place_kind": "workplace"},
        {"rulebook": "qd96", "place_kind": "council"},
    ):
        refused = client.post(ROUNDS, json=round_body(world.plan, world.finance, **body), headers=organizer)
        assert refused.status_code == 422 and "People's Council" in refused.json()["error"]["message"]
    assert database(session) == before


@pytest.mark.parametrize(
    ("overrides", "status", "words"),
    [
        ({"vote_date": "2027-05-31"}, 422, "in the past"),
        ({"vote_date": "2027-05-31", "override_reason": "Tỉnh ủy quyết định gấp"}, 422, "in the past"),
        ({"vote_date": "2027-06-15"}, 422, "at least 20"),
        ({"vote_date": "2027-06-20", "override_reason": "gấp lắm"}, 422, "7 characters long"),
        ({"vote_date": "2028-01-15"}, 422, "vote year 2027"),
        ({"vote_date": "2026-12-20"}, 422, "vote year 2027"),
        ({"vote_date": "20/09/2027"}, 422, "vote_date"),
        ({"vote_date": 20270920}, 422, "vote_date"),
        ({"rulebook": "qd41"}, 422, "rulebook"),
        ({"place_kind": "hall"}, 422, "place_kind"),
        ({"title": "HN"}, 422, "title"),
        ({"title": None}, 422, "title"),
        ({"plan_id": 7}, 422, "plan_id"),
        ({"colour": "red"}, 422, "colour"),
        ({"plan_id": "no-such-plan"}, 404, "no plan"),
        ({"unit_id": "no-such-unit"}, 404, "no unit"),
    ],
)
def test_a_round_that_breaks_the_calendar_or_the_data_is_refused_and_not_saved(
    client: TestClient,
    organizer: Headers,
    session: Session,
    world: World,
    overrides: dict[str, Any],
    status: int,
    words: str,
) -> None:
    before = database(session)
    response = client.post(ROUNDS, json=round_body(world.plan, world.finance) | overrides, headers=organizer)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]["message"]
    assert database(session) == before


def test_an_archived_plan_or_unit_takes_no_new_round(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    old_plan = make_plan(session, "95-KH/TU", archived_at=ARCHIVED)
    old_unit = make_unit(session, "Sở cũ", parent=world.province)
    old_unit.archived_at = ARCHIVED
    session.commit()
    before = database(session)
    for plan, unit in ((old_plan, world.finance), (world.plan, old_unit)):
        refused = client.post(ROUNDS, json=round_body(plan, unit), headers=organizer)
        assert refused.status_code == 409 and "archived" in refused.json()["error"]["message"]
    assert database(session) == before


def test_a_short_notice_is_accepted_with_a_written_reason_that_the_round_shows(
    client: TestClient, organizer: Headers, world: World
) -> None:
    reason = "Ban Thường vụ Tỉnh ủy quyết định tổ chức sớm"
    created = make_round(
        client, organizer, world.plan, world.finance, vote_date="2027-06-15", override_reason=reason
    )
    assert client.get(f"{ROUNDS}/{created['id']}", headers=organizer).json()["override_reason"] == reason
    # Twenty days ahead needs no override, so none is kept to explain a notice that was not short.
    on_time = make_round(
        client, organizer, world.plan, world.finance, vote_date="2027-06-21", override_reason=reason
    )
    assert on_time["override_reason"] is None
    today = make_round(
        client, organizer, world.plan, world.finance, vote_date="2027-06-01", override_reason=reason
    )
    assert today["deadlines"]["answers"] == "2027-05-29"


def test_a_vote_after_the_plans_completion_date_is_a_warning_not_a_refusal(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    plan = make_plan(session, "97-KH/TU", completion_date=date(2027, 9, 30))
    inside = make_round(client, organizer, plan, world.finance, vote_date="2027-09-30")
    late = make_round(client, organizer, plan, world.finance, vote_date="2027-10-15")
    assert inside["warnings"] == []
    assert late["warnings"] == ["the vote is after the plan's completion date 2027-09-30"]
    assert client.get(f"{ROUNDS}/{late['id']}", headers=organizer).json()["warnings"] == late["warnings"]


def test_rounds_are_listed_a_page_at_a_time_and_filtered(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    other_plan = make_plan(session, "98-KH/TU")
    august = make_round(client, organizer, world.plan, world.finance, vote_date="2027-08-01")["id"]
    council = make_round(
        client, organizer, world.plan, world.province, vote_date="2027-09-01", rulebook="nq96"
    )["id"]
    october = make_round(client, organizer, world.plan, world.district, vote_date="2027-10-01")["id"]
    elsewhere = make_round(client, organizer, other_plan, world.finance, vote_date="2027-11-01")["id"]
    client.post(f"{ROUNDS}/{october}/status", json={"status": "scheduled"}, headers=organizer)
    client.post(f"{ROUNDS}/{elsewhere}/archive", headers=organizer)

    def ids(query: str) -> list[str]:
        response = client.get(f"{ROUNDS}?{query}", headers=organizer)
        assert response.status_code == 200, response.text
        return [r["id"] for r in response.json()["items"]]

    assert ids("") == [august, council, october]
    assert ids("include_archived=true") == [august, council, october, elsewhere]
    assert ids(f"plan_id={world.plan.id}&status=scheduled") == [october]
    assert ids(f"unit_id={world.finance.id}&include_archived=true") == [august, elsewhere]
    assert ids("rulebook=nq96") == [council]
    assert ids("date_from=2027-08-02&date_to=2027-10-01") == [council, october]
    page = client.get(f"{ROUNDS}?limit=2&offset=1", headers=organizer).json()
    assert (page["total"], page["limit"], page["offset"], [r["id"] for r in page["items"]]) == (
        3,
        2,
        1,
        [council, october],
    )


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("status=voting", "status"),
        ("rulebook=qd41", "rulebook"),
        ("date_from=01/08/2027", "date_from"),
        ("date_from=2027-09-01&date_to=2027-08-01", "swap them"),
        ("limit=0", "limit"),
        ("offset=-1", "offset"),
    ],
)
def test_bad_list_filters_are_refused_with_a_message(
    client: TestClient, organizer: Headers, query: str, words: str
) -> None:
    response = client.get(f"{ROUNDS}?{query}", headers=organizer)
    assert response.status_code == 422 and words in response.json()["error"]["message"]


def test_a_draft_round_is_edited_and_a_new_date_goes_through_the_calendar_again(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    path = f"{ROUNDS}/{make_round(client, organizer, world.plan, world.finance)['id']}"
    renamed = client.patch(
        path, json={"title": "Hội nghị lấy phiếu (lần 1)", "venue": "Hội trường B"}, headers=organizer
    )
    assert (renamed.json()["title"], renamed.json()["venue"]) == (
        "Hội nghị lấy phiếu (lần 1)",
        "Hội trường B",
    )

    before = database(session)
    too_soon = client.patch(path, json={"vote_date": "2027-06-10"}, headers=organizer)
    assert too_soon.status_code == 422 and "at least 20" in too_soon.json()["error"]["message"]
    assert database(session) == before

    reason = "Tỉnh ủy chỉ đạo hoàn thành trước kỳ họp HĐND"
    soon = client.patch(path, json={"vote_date": "2027-06-10", "override_reason": reason}, headers=organizer)
    assert soon.status_code == 200 and soon.json()["override_reason"] == reason
    later = client.patch(
        path, json={"vote_date": "2027-10-02", "unit_id": world.district.id}, headers=organizer
    )
    assert later.json()["override_reason"] is None
    assert (later.json()["deadlines"]["report"], later.json()["unit_name"]) == ("2027-09-12", "Huyện Lạc Sơn")


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"vote_date": "2027-05-20"}, 422, "in the past"),
        ({"vote_date": "2028-03-01"}, 422, "vote year 2027"),
        ({"vote_date": "tomorrow"}, 422, "vote_date"),
        ({"place_kind": "council"}, 422, "People's Council"),
        ({"unit_id": "no-such-unit"}, 404, "no unit"),
        ({"title": None}, 422, "cannot be emptied"),
        ({"venue": None, "vote_date": None}, 422, "venue, vote_date cannot be emptied"),
        ({"title": "A"}, 422, "title"),
        ({"status": "open"}, 422, "status"),
    ],
)
def test_bad_edits_are_refused_and_change_nothing(
    client: TestClient,
    organizer: Headers,
    session: Session,
    world: World,
    body: dict[str, Any],
    status: int,
    words: str,
) -> None:
    round_id = make_round(client, organizer, world.plan, world.finance)["id"]
    before = database(session)
    response = client.patch(f"{ROUNDS}/{round_id}", json=body, headers=organizer)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]["message"]
    assert database(session) == before


@pytest.mark.parametrize(
    "status", [RoundStatus.OPEN, RoundStatus.CLOSED, RoundStatus.COUNTED, RoundStatus.PUBLISHED]
)
def test_a_round_whose_voting_has_opened_is_neither_edited_nor_deleted(
    client: TestClient, organizer: Headers, session: Session, world: World, status: RoundStatus
) -> None:
    round_id = make_round(client, organizer, world.plan, world.finance)["id"]
    set_status(session, round_id, status)
    before = database(session)
    edited = client.patch(f"{ROUNDS}/{round_id}", json={"venue": "Hội trường khác"}, headers=organizer)
    assert edited.status_code == 409 and "only while draft or scheduled" in edited.json()["error"]["message"]
    deleted = client.delete(f"{ROUNDS}/{round_id}", headers=organizer)
    assert deleted.status_code == 409 and "archive it instead" in deleted.json()["error"]["message"]
    assert database(session) == before
    assert client.post(f"{ROUNDS}/{round_id}/archive", headers=organizer).status_code == 200


def test_the_status_moves_only_along_the_workflow(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    round_id = make_round(client, organizer, world.plan, world.finance)["id"]
    path = f"{ROUNDS}/{round_id}/status"
    saved(session, RosterEntry(round_id=round_id, position=1, full_name="Lê Thị Mai"))
    assert (
        propose(
            client, organizer, round_id, make_cadre(session, "Nguyễn Văn Hùng", [post(world.finance)])
        ).status_code
        == 201
    )

    def move(status: str) -> Any:
        # Closing, counting and publishing have routes of their own, with the figures behind them.
        own = {
            "closed": ("close", {"present": 1}),
            "counted": ("count", None),
            "published": ("publish", None),
        }
        if status not in own:
            return client.post(path, json={"status": status}, headers=organizer)
        route, body = own[status]
        done = client.post(f"{ROUNDS}/{round_id}/{route}", json=body, headers=organizer)
        assert done.status_code == 200, done.text
        return client.get(f"{ROUNDS}/{round_id}", headers=organizer)

    refusals = {
        "draft": ["open", "closed", "draft"],
        "open": ["scheduled", "draft", "counted"],
        "published": ["counted"],
    }
    walk = ["scheduled", "draft", "scheduled", "open", "closed", "counted", "published"]
    expected_next = [
        ["draft", "open"],
        ["scheduled"],
        ["draft", "open"],
        ["closed"],
        ["counted"],
        ["published"],
        [],
    ]
    for status, next_statuses in zip(walk, expected_next, strict=True):
        current = client.get(f"{ROUNDS}/{round_id}", headers=organizer).json()["status"]
        before = database(session)
        for wrong in refusals.get(current, []):
            refused = client.post(path, json={"status": wrong}, headers=organizer)
            assert refused.status_code == 409, (current, wrong)
            assert (
                refused.json()["error"]["details"]["allowed"]
                == client.get(f"{ROUNDS}/{round_id}", headers=organizer).json()["next_statuses"]
            )
        assert database(session) == before
        moved = move(status)
        assert moved.status_code == 200, moved.text
        assert (moved.json()["status"], moved.json()["next_statuses"]) == (status, next_statuses)
    final = client.post(path, json={"status": "counted"}, headers=organizer)
    assert (
        final.json()["error"]["message"]
        == "a published round cannot become counted; next: none (the round is published)"
    )


def test_a_bad_transition_names_the_allowed_next_statuses(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    round_id = make_round(client, organizer, world.plan, world.finance)["id"]
    before = database(session)
    skip = client.post(f"{ROUNDS}/{round_id}/status", json={"status": "published"}, headers=organizer)
    assert skip.status_code == 409
    assert skip.json()["error"]["message"] == "a draft round cannot become published; next: scheduled"
    unknown = client.post(f"{ROUNDS}/{round_id}/status", json={"status": "voting"}, headers=organizer)
    assert unknown.status_code == 422 and "status" in unknown.json()["error"]["message"]
    assert database(session) == before


def test_a_round_opens_only_with_an_eligible_candidate_and_a_roster(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    round_id = make_round(client, organizer, world.plan, world.finance)["id"]
    path = f"{ROUNDS}/{round_id}/status"
    client.post(path, json={"status": "scheduled"}, headers=organizer)
    before = database(session)
    empty = client.post(path, json={"status": "open"}, headers=organizer)
    assert empty.status_code == 422
    assert empty.json()["error"]["details"]["missing"] == [
        "at least one eligible candidate",
        "a roster of summoned voters",
    ]
    assert database(session) == before

    client.post(f"{ROUNDS}/{round_id}/roster", json={"full_name": "Lê Thị Mai"}, headers=organizer)
    no_candidate = client.post(path, json={"status": "open"}, headers=organizer)
    assert no_candidate.status_code == 422 and "eligible candidate" in no_candidate.json()["error"]["message"]
    assert (
        propose(
            client, organizer, round_id, make_cadre(session, "Nguyễn Văn Hùng", [post(world.finance)])
        ).status_code
        == 201
    )
    assert client.post(path, json={"status": "open"}, headers=organizer).json()["status"] == "open"


def test_scheduling_a_draft_checks_the_twenty_days_again(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    # A draft saved weeks ago for 10 June: on 1 June it is only 9 days ahead.
    old = saved(
        session,
        Round(
            plan_id=world.plan.id,
            unit_id=world.finance.id,
            title="Hội nghị cũ",
            vote_date=date(2027, 6, 10),
            rulebook=Rulebook.QD96,
            place_kind=PlaceKind.WORKPLACE,
        ),
    )
    path = f"{ROUNDS}/{old.id}/status"
    before = database(session)
    refused = client.post(path, json={"status": "scheduled"}, headers=organizer)
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "scheduling_refused"
    assert database(session) == before
    reason = "Thường trực Tỉnh ủy đồng ý tổ chức ngày 10/6"
    scheduled = client.post(path, json={"status": "scheduled", "override_reason": reason}, headers=organizer)
    assert (scheduled.json()["status"], scheduled.json()["override_reason"]) == ("scheduled", reason)
    # Back to draft and scheduled again: the reason already written still stands.
    client.post(path, json={"status": "draft"}, headers=organizer)
    again = client.post(path, json={"status": "scheduled"}, headers=organizer)
    assert (again.status_code, again.json()["override_reason"]) == (200, reason)


def test_moving_the_vote_date_recomputes_the_stored_verdicts(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    cadre = make_cadre(
        session, "Cao Thị Yến", [post(world.finance)], retirement_notice_date=date(2027, 10, 1)
    )
    round_id = make_round(client, organizer, world.plan, world.finance)["id"]
    assert propose(client, organizer, round_id, cadre).status_code == 201
    moved = client.patch(f"{ROUNDS}/{round_id}", json={"vote_date": "2027-10-05"}, headers=organizer)
    assert moved.json()["eligible_count"] == 0
    (stored,) = client.get(f"{ROUNDS}/{round_id}/candidates", headers=organizer).json()["items"]
    assert stored["eligible"] is False and stored["reasons"][0]["code"] == "retirement_pending"
    client.patch(f"{ROUNDS}/{round_id}", json={"vote_date": "2027-09-30"}, headers=organizer)
    assert eligible(client, organizer, round_id) is True


@pytest.mark.parametrize(
    "change",
    [{"place_kind": "workplace"}, {"unit_id": "district"}],
    ids=["place_kind", "unit"],
)
def test_a_round_that_loses_its_priority_keeps_the_place_it_holds_and_the_reason_elsewhere_changes(
    client: TestClient, organizer: Headers, session: Session, world: World, change: dict[str, str]
) -> None:
    cadre = make_cadre(
        session, "Vũ Thị Hằng", [post(world.finance)], standing_committee_unit_id=world.province.id
    )
    early = make_round(client, organizer, world.plan, world.finance, vote_date="2027-09-10")["id"]
    late = make_round(client, organizer, world.plan, world.finance, vote_date="2027-09-12")["id"]
    party = make_round(
        client, organizer, world.plan, world.province, vote_date="2027-09-25", place_kind="party_committee"
    )["id"]
    for round_id in (early, late, party):
        assert propose(client, organizer, round_id, cadre).status_code == 201
    assert [eligible(client, organizer, r) for r in (early, late, party)] == [True, False, True]
    body = {"unit_id": world.district.id} if "unit_id" in change else change
    assert client.patch(f"{ROUNDS}/{party}", json=body, headers=organizer).status_code == 200
    # Now an ordinary place, but one the cadre holds: a tie-break does not silently take it back.
    assert [eligible(client, organizer, r) for r in (early, late, party)] == [True, False, True]
    (waiting,) = client.get(f"{ROUNDS}/{late}/candidates", headers=organizer).json()["items"]
    assert [r["code"] for r in waiting["reasons"]] == ["third_place"]


def test_renaming_a_round_renames_it_in_the_reasons_stored_on_other_rounds(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    cadre = make_cadre(
        session, "Hà Văn Phú", [post(world.finance)], standing_committee_unit_id=world.province.id
    )
    early = make_round(client, organizer, world.plan, world.finance, vote_date="2027-09-10")["id"]
    late = make_round(client, organizer, world.plan, world.finance, vote_date="2027-09-12")["id"]
    party = make_round(client, organizer, world.plan, world.province, place_kind="party_committee")["id"]
    for round_id in (early, late, party):
        propose(client, organizer, round_id, cadre)
    client.patch(
        f"{ROUNDS}/{party}", json={"title": "Hội nghị Ban Chấp hành Đảng bộ tỉnh"}, headers=organizer
    )
    (stored,) = client.get(f"{ROUNDS}/{late}/candidates", headers=organizer).json()["items"]
    assert "Hội nghị Ban Chấp hành Đảng bộ tỉnh (20/09/2027)" in stored["reasons"][0]["message"]


def test_an_archived_round_leaves_the_lists_takes_no_changes_and_frees_its_place(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    cadre = make_cadre(
        session, "Lê Hồng Phong", [post(world.finance)], standing_committee_unit_id=world.province.id
    )
    early = make_round(client, organizer, world.plan, world.finance, vote_date="2027-09-10")["id"]
    late = make_round(client, organizer, world.plan, world.finance, vote_date="2027-09-12")["id"]
    party = make_round(client, organizer, world.plan, world.province, place_kind="party_committee")["id"]
    for round_id in (early, late, party):
        propose(client, organizer, round_id, cadre)
    archived = client.post(f"{ROUNDS}/{party}/archive", headers=organizer)
    assert archived.status_code == 200 and archived.json()["archived_at"] is not None
    assert archived.json()["next_statuses"] == []
    assert eligible(client, organizer, late) is True
    assert party not in [r["id"] for r in client.get(ROUNDS, headers=organizer).json()["items"]]
    assert party in [
        r["id"] for r in client.get(f"{ROUNDS}?include_archived=true", headers=organizer).json()["items"]
    ]

    before = database(session)
    for method, suffix, body in (
        ("PATCH", "", {"venue": "Khác"}),
        ("POST", "/status", {"status": "scheduled"}),
    ):
        refused = client.request(method, f"{ROUNDS}/{party}{suffix}", json=body, headers=organizer)
        assert refused.status_code == 409 and "archived" in refused.json()["error"]["message"]
    again = client.post(f"{ROUNDS}/{party}/archive", headers=organizer)
    assert again.json()["archived_at"] == archived.json()["archived_at"]
    assert database(session) == before


def test_a_round_being_prepared_is_deleted_with_its_members_and_frees_its_place(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    cadre = make_cadre(
        session, "Đặng Văn Long", [post(world.finance)], standing_committee_unit_id=world.province.id
    )
    early = make_round(client, organizer, world.plan, world.finance, vote_date="2027-09-10")["id"]
    late = make_round(client, organizer, world.plan, world.finance, vote_date="2027-09-12")["id"]
    party = make_round(client, organizer, world.plan, world.province, place_kind="party_committee")["id"]
    for round_id in (early, late, party):
        propose(client, organizer, round_id, cadre)
    client.post(f"{ROUNDS}/{party}/status", json={"status": "scheduled"}, headers=organizer)
    client.post(f"{ROUNDS}/{party}/roster", json={"full_name": "Lê Thị Mai"}, headers=organizer)
    assert client.delete(f"{ROUNDS}/{party}", headers=organizer).status_code == 204
    assert client.get(f"{ROUNDS}/{party}", headers=organizer).status_code == 404
    tables = database(session)
    assert not any(party in row for rows in tables.values() for row in rows)
    assert eligible(client, organizer, late) is True


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("GET", "", None),
        ("PATCH", "", {"venue": "Hội trường"}),
        ("POST", "/status", {"status": "scheduled"}),
        ("POST", "/archive", None),
        ("DELETE", "", None),
    ],
)
def test_an_unknown_round_is_not_found(
    client: TestClient, organizer: Headers, method: str, suffix: str, body: dict[str, Any] | None
) -> None:
    response = client.request(method, f"{ROUNDS}/no-such-round{suffix}", json=body, headers=organizer)
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "no round with id 'no-such-round'"


def test_an_observer_reads_rounds_but_cannot_change_them(
    client: TestClient, organizer: Headers, observer: Headers, session: Session, world: World
) -> None:
    round_id = make_round(client, organizer, world.plan, world.finance)["id"]
    assert client.get(f"{ROUNDS}/{round_id}", headers=observer).status_code == 200
    assert client.get(ROUNDS, headers=observer).json()["total"] == 1
    before = database(session)
    writes = [
        ("POST", ROUNDS, round_body(world.plan, world.finance)),
        ("PATCH", f"{ROUNDS}/{round_id}", {"venue": "Khác"}),
        ("POST", f"{ROUNDS}/{round_id}/status", {"status": "scheduled"}),
        ("POST", f"{ROUNDS}/{round_id}/archive", None),
        ("DELETE", f"{ROUNDS}/{round_id}", None),
    ]
    for method, path, body in writes:
        denied = client.request(method, path, json=body, headers=observer)
        assert denied.status_code == 403 and "'write' right" in denied.json()["error"]["message"], path
        assert client.request(method, path, json=body).status_code == 401
    assert database(session) == before
