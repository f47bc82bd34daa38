"""Who takes part in a round: summoned voters, candidates with their verdicts, the counting committee."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, TypeVar

import pytest
from fastapi.testclient import TestClient
from model_builders import make_cadre, make_plan, make_unit, post
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Candidate, CommitteeMember, Plan, RosterEntry, Round, Unit
from ballots.levels import FillMethod

Headers = dict[str, str]
T = TypeVar("T")
ROUNDS = "/api/v1/rounds"


# Builders: plans, units and cadres go straight into the database; rounds go through the API.


def make_round(
    client: TestClient, headers: Headers, plan: Plan, unit: Unit, when: str = "2027-09-20", **fields: Any
) -> str:
    body = {
        "plan_id": plan.id,
        "unit_id": unit.id,
        "title": f"Hội nghị {unit.name} {when}",
        "vote_date": when,
        "rulebook": "qd96",
    } | fields
    response = client.post(ROUNDS, json=body, headers=headers)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def propose(client: TestClient, headers: Headers, round_id: str, cadre_id: str, **extra: Any) -> Any:
    return client.post(
        f"{ROUNDS}/{round_id}/candidates", json={"cadre_id": cadre_id} | extra, headers=headers
    )


def verdicts(client: TestClient, headers: Headers, *round_ids: str) -> list[bool]:
    return [
        client.get(f"{ROUNDS}/{r}/candidates", headers=headers).json()["items"][0]["eligible"]
        for r in round_ids
    ]


def reason_codes(response: Any) -> list[str]:
    return [r["code"] for r in response.json()["error"]["details"]["reasons"]]


def database(session: Session) -> dict[str, list[str]]:
    """Everything these endpoints can write, to show that a refused request changed nothing."""
    session.expire_all()
    rows: dict[str, list[Any]] = {
        "roster": [
            (e.id, e.round_id, e.position, e.full_name, e.title, e.contact)
            for e in session.scalars(select(RosterEntry))
        ],
        "candidates": [
            (c.id, c.round_id, c.cadre_id, c.position, c.post_ids, c.eligible, c.reasons)
            for c in session.scalars(select(Candidate))
        ],
        "committee": [
            (m.id, m.round_id, m.position, m.full_name, m.role, m.cadre_id)
            for m in session.scalars(select(CommitteeMember))
        ],
        "rounds": [(r.id, r.status, r.archived_at) for r in session.scalars(select(Round))],
    }
    return {table: sorted(map(repr, found)) for table, found in rows.items()}


class World:
    def __init__(self, session: Session) -> None:
        self.province = make_unit(session, "Tỉnh Hòa Bình")
        self.finance = make_unit(session, "Sở Tài chính", parent=self.province)
        self.council = make_unit(session, "HĐND tỉnh", parent=self.province)
        self.plan = make_plan(session)


@pytest.fixture
def world(session: Session) -> World:
    return World(session)


# Roster


def test_voters_are_summoned_one_by_one_or_in_bulk_and_numbered_in_order(
    client: TestClient, organizer: Headers, world: World
) -> None:
    path = f"{ROUNDS}/{make_round(client, organizer, world.plan, world.finance)}/roster"
    one = client.post(
        path,
        json={"full_name": "Lê Thị Mai", "title": "Trưởng phòng", "contact": "0912 345 678"},
        headers=organizer,
    )
    assert one.status_code == 201
    assert {k: v for k, v in one.json().items() if k != "id"} == {
        "position": 1,
        "full_name": "Lê Thị Mai",
        "title": "Trưởng phòng",
        "contact": "0912 345 678",
    }
    bulk = client.post(
        f"{path}/bulk",
        json={"entries": [{"full_name": "Đỗ Văn Bình"}, {"full_name": "Hà Thị Cúc"}]},
        headers=organizer,
    )
    assert bulk.status_code == 201 and [e["position"] for e in bulk.json()] == [2, 3]
    assert client.delete(f"{path}/{bulk.json()[0]['id']}", headers=organizer).status_code == 204
    # The next number follows the highest one, so the list keeps the order people were summoned in.
    again = client.post(path, json={"full_name": "Ngô Văn Dũng"}, headers=organizer)
    assert again.json()["position"] == 4
    listed = client.get(path, headers=organizer).json()
    assert {k: listed[k] for k in ("total", "limit", "offset")} == {"total": 3, "limit": 50, "offset": 0}
    # Listed by given name (Cúc, Dũng, Mai); each keeps the number it was summoned with.
    assert [(e["position"], e["full_name"]) for e in listed["items"]] == [
        (3, "Hà Thị Cúc"),
        (4, "Ngô Văn Dũng"),
        (1, "Lê Thị Mai"),
    ]


@pytest.mark.parametrize(
    ("suffix", "body", "named"),
    [
        ("", {"full_name": "Lê Thị Mai"}, ["Lê Thị Mai"]),
        ("", {"full_name": "lê thị mai"}, ["lê thị mai"]),
        ("/bulk", {"entries": [{"full_name": "Mới Một"}, {"full_name": "Lê Thị Mai"}]}, ["Lê Thị Mai"]),
        (
            "/bulk",
            {"entries": [{"full_name": "Trùng Tên"}, {"full_name": "Mới Hai"}, {"full_name": "trùng tên"}]},
            ["Trùng Tên"],
        ),
        (
            "/bulk",
            {"entries": [{"full_name": "Lê Thị Mai"}, {"full_name": "Ba Lần", "contact": "x"}] * 2},
            ["Lê Thị Mai", "Ba Lần (x)"],
        ),
    ],
    ids=["single", "single_other_case", "bulk_against_roster", "bulk_within_itself", "bulk_both"],
)
def test_duplicate_voters_refuse_the_whole_request_naming_them(
    client: TestClient,
    organizer: Headers,
    session: Session,
    world: World,
    suffix: str,
    body: dict[str, Any],
    named: list[str],
) -> None:
    path = f"{ROUNDS}/{make_round(client, organizer, world.plan, world.finance)}/roster"
    client.post(path, json={"full_name": "Lê Thị Mai"}, headers=organizer)
    before = database(session)
    refused = client.post(f"{path}{suffix}", json=body, headers=organizer)
    assert refused.status_code == 409
    assert refused.json()["error"]["message"] == f"already on the roster or listed twice: {', '.join(named)}"
    assert database(session) == before


def test_the_same_name_with_another_contact_is_another_voter(
    client: TestClient, organizer: Headers, world: World
) -> None:
    path = f"{ROUNDS}/{make_round(client, organizer, world.plan, world.finance)}/roster/bulk"
    namesakes = [{"full_name": "Nguyễn Văn An", "contact": "Phòng Ngân sách"}, {"full_name": "Nguyễn Văn An"}]
    assert client.post(path, json={"entries": namesakes}, headers=organizer).status_code == 201


@pytest.mark.parametrize(
    ("suffix", "body", "field"),
    [
        ("/bulk", {"entries": []}, "entries"),
        ("/bulk", {"entries": [{"full_name": "Lê Thị Mai"}, {"title": "Không tên"}]}, "entries.1.full_name"),
        ("/bulk", [{"full_name": "Lê Thị Mai"}], "body"),
        ("", {"full_name": 42}, "full_name"),
        ("", {"full_name": "A"}, "full_name"),
        ("", {"full_name": "Lê Thị\x00 Mai"}, "full_name"),
        ("", {"full_name": "Lê Thị Mai", "email": "mai@example.vn"}, "email"),
    ],
)
def test_malformed_roster_entries_are_refused_and_nothing_is_saved(
    client: TestClient,
    organizer: Headers,
    session: Session,
    world: World,
    suffix: str,
    body: Any,
    field: str,
) -> None:
    path = f"{ROUNDS}/{make_round(client, organizer, world.plan, world.finance)}/roster{suffix}"
    before = database(session)
    refused = client.post(path, json=body, headers=organizer)
    assert refused.status_code == 422
    assert field in [p["field"] or "body" for p in refused.json()["error"]["details"]["fields"]]
    assert database(session) == before


# Candidates


def test_a_cadre_is_voted_on_for_the_posts_the_round_rulebook_covers(
    client: TestClient, organizer: Headers, world: World, session: Session
) -> None:
    director = post(world.finance)
    vice_chair = post(world.council, "Phó Chủ tịch HĐND tỉnh", FillMethod.COUNCIL_ELECTED)
    cadre = make_cadre(session, "Nguyễn Văn Hùng", [director, vice_chair])
    workplace = make_round(client, organizer, world.plan, world.finance)
    added = propose(client, organizer, workplace, cadre.id)
    assert added.status_code == 201
    body = added.json()
    assert (body["cadre_name"], body["position"], body["posts"]) == (
        "Nguyễn Văn Hùng",
        1,
        [{"id": director.id, "title": "Giám đốc Sở"}],
    )
    assert (body["eligible"], body["reasons"], body["warnings"], body["displaced"]) == (True, [], [], [])
    (listed,) = client.get(f"{ROUNDS}/{workplace}/candidates", headers=organizer).json()["items"]
    assert listed == {k: v for k, v in body.items() if k not in ("warnings", "displaced")}

    session_of_council = make_round(
        client, organizer, world.plan, world.council, "2027-09-10", rulebook="nq96"
    )
    council = propose(client, organizer, session_of_council, cadre.id).json()
    assert [p["title"] for p in council["posts"]] == ["Phó Chủ tịch HĐND tỉnh"]


def test_a_partly_excluded_cadre_is_voted_on_and_keeps_the_reason_for_the_excluded_post(
    client: TestClient, organizer: Headers, world: World, session: Session
) -> None:
    new_post = post(world.finance, "Bí thư Đảng ủy Sở", FillMethod.PARTY_ELECTED, since=date(2027, 2, 1))
    cadre = make_cadre(session, "Trịnh Văn Quyết", [post(world.finance), new_post])
    added = propose(client, organizer, make_round(client, organizer, world.plan, world.finance), cadre.id)
    assert added.status_code == 201 and added.json()["eligible"] is True
    (reason,) = added.json()["reasons"]
    assert (reason["code"], reason["post_id"]) == ("filled_in_vote_year", new_post.id)
    assert "trong năm lấy phiếu 2027" in reason["message_vi"]


@pytest.mark.parametrize(
    ("fields", "posts", "code"),
    [
        ({}, [{"since": date(2027, 2, 1)}], "filled_in_vote_year"),
        ({}, [{"since": date(2027, 1, 1)}], "filled_in_vote_year"),
        ({"retirement_notice_date": date(2027, 4, 1)}, [{}], "retirement_pending"),
        ({"retirement_notice_date": date(2027, 9, 20)}, [{}], "retirement_pending"),
        ({}, [{"filled_by": FillMethod.COUNCIL_ELECTED}], "rulebook_mismatch"),
        ({}, [], "no_posts"),
    ],
)
def test_an_ineligible_cadre_is_refused_with_every_reason_and_nothing_is_saved(
    client: TestClient,
    organizer: Headers,
    session: Session,
    world: World,
    fields: dict[str, Any],
    posts: list[dict[str, Any]],
    code: str,
) -> None:
    cadre = make_cadre(session, "Trần Văn Khải", [post(world.finance, **p) for p in posts], **fields)
    round_id = make_round(client, organizer, world.plan, world.finance)
    before = database(session)
    refused = propose(client, organizer, round_id, cadre.id, post_ids=[p.id for p in cadre.posts])
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert (error["code"], reason_codes(refused)) == ("candidate_ineligible", [code])
    assert error["message"].startswith("Trần Văn Khải cannot be voted on in this round: ")
    assert database(session) == before


def test_a_post_appointed_in_the_vote_year_is_refused_by_default_too(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    cadre = make_cadre(session, "Phan Thị Thu", [post(world.finance, since=date(2027, 3, 1))])
    refused = propose(client, organizer, make_round(client, organizer, world.plan, world.finance), cadre.id)
    assert refused.status_code == 422 and reason_codes(refused) == ["filled_in_vote_year"]
    assert refused.json()["error"]["details"]["reasons"][0]["details"] == {
        "since": "2027-03-01",
        "vote_year": 2027,
    }


def test_a_third_place_is_refused_naming_the_two_kept(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    cadre = make_cadre(session, "Phạm Minh Tuấn", [post(world.finance)])
    first, second, third = (
        make_round(client, organizer, world.plan, world.finance, f"2027-09-{day}") for day in (10, 11, 12)
    )
    assert propose(client, organizer, first, cadre.id).status_code == 201
    assert propose(client, organizer, second, cadre.id).status_code == 201
    before = database(session)
    refused = propose(client, organizer, third, cadre.id)
    assert refused.status_code == 422 and reason_codes(refused) == ["third_place"]
    assert refused.json()["error"]["details"]["reasons"][0]["details"] == {"kept_round_ids": [first, second]}
    assert refused.json()["error"]["details"]["kept_round_ids"] == [first, second]
    assert (
        "already voted on at 2 places in this plan "
        "(Hội nghị Sở Tài chính 2027-09-10 (10/09/2027); Hội nghị Sở Tài chính 2027-09-11 (11/09/2027))"
    ) in refused.json()["error"]["message"]
    assert database(session) == before


def test_a_higher_priority_place_displaces_the_lowest_and_withdrawing_it_restores_it(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    cadre = make_cadre(
        session, "Vũ Thị Hằng", [post(world.finance)], standing_committee_unit_id=world.province.id
    )
    early = make_round(client, organizer, world.plan, world.finance, "2027-09-10")
    late = make_round(client, organizer, world.plan, world.finance, "2027-09-12")
    for round_id in (early, late):
        assert propose(client, organizer, round_id, cadre.id).status_code == 201
    party = make_round(
        client, organizer, world.plan, world.province, "2027-09-25", place_kind="party_committee"
    )
    added = propose(client, organizer, party, cadre.id)
    assert added.status_code == 201 and added.json()["eligible"] is True
    (displaced,) = added.json()["displaced"]
    late_candidate = client.get(f"{ROUNDS}/{late}/candidates", headers=organizer).json()["items"][0]
    assert (displaced["round_id"], displaced["candidate_id"], displaced["vote_date"]) == (
        late,
        late_candidate["id"],
        "2027-09-12",
    )
    assert [r["code"] for r in displaced["reasons"]] == ["displaced"]
    assert list(added.json())[:2] == ["warnings", "displaced"]
    (warning,) = added.json()["warnings"]
    assert warning.startswith(
        "displaced from 'Hội nghị Sở Tài chính 2027-09-12' (2027-09-12): Vũ Thị Hằng is no longer voted "
        "on at this place (the place of work): the regulation puts Hội nghị Tỉnh Hòa Bình 2027-09-25"
    )
    assert verdicts(client, organizer, early, late, party) == [True, False, True]
    (excluded,) = client.get(f"/api/v1/plans/{world.plan.id}/dashboard", headers=organizer).json()["excluded"]
    assert (excluded["round_id"], excluded["reasons"][0]["code"]) == (late, "displaced")
    assert client.get(f"{ROUNDS}/{late}", headers=organizer).json()["eligible_count"] == 0

    withdrawn = client.delete(f"{ROUNDS}/{party}/candidates/{added.json()['id']}", headers=organizer)
    assert withdrawn.status_code == 204
    assert client.get(f"{ROUNDS}/{party}/candidates", headers=organizer).json()["total"] == 0
    assert verdicts(client, organizer, early, late) == [True, True]


def test_an_earlier_round_of_equal_priority_is_refused_instead_of_displacing_an_accepted_place(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    cadre = make_cadre(session, "Đỗ Thị Ngân", [post(world.finance)])
    kept = [
        make_round(client, organizer, world.plan, world.finance, day) for day in ("2027-09-20", "2027-09-25")
    ]
    for round_id in kept:
        assert propose(client, organizer, round_id, cadre.id).status_code == 201
    earlier = make_round(client, organizer, world.plan, world.finance, "2027-09-01")
    refused = propose(client, organizer, earlier, cadre.id)
    assert refused.status_code == 422 and reason_codes(refused) == ["third_place"]
    assert refused.json()["error"]["details"]["kept_round_ids"] == kept
    assert verdicts(client, organizer, *kept) == [True, True]
    assert client.get(f"{ROUNDS}/{earlier}/candidates", headers=organizer).json()["items"] == []


def test_a_party_committee_place_gives_no_priority_to_a_cadre_not_on_its_standing_committee(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    cadre = make_cadre(session, "Bùi Văn Toàn", [post(world.finance)])
    for day in ("2027-09-10", "2027-09-12"):
        propose(client, organizer, make_round(client, organizer, world.plan, world.finance, day), cadre.id)
    party = make_round(
        client, organizer, world.plan, world.province, "2027-09-25", place_kind="party_committee"
    )
    assert reason_codes(propose(client, organizer, party, cadre.id)) == ["third_place"]


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"post_ids": ["someone-elses-post"]}, 422, "not held by Hồ Văn Lâm: someone-elses-post"),
        ({"post_ids": "all"}, 422, "post_ids"),
        ({"cadre_id": None}, 422, "cadre_id"),
        ({"cadre_id": "no-such-cadre"}, 404, "no cadre with id 'no-such-cadre'"),
        ({"weight": 2}, 422, "weight"),
    ],
)
def test_bad_proposals_are_refused_and_nothing_is_saved(
    client: TestClient,
    organizer: Headers,
    session: Session,
    world: World,
    body: dict[str, Any],
    status: int,
    words: str,
) -> None:
    cadre = make_cadre(session, "Hồ Văn Lâm", [post(world.finance)])
    round_id = make_round(client, organizer, world.plan, world.finance)
    before = database(session)
    refused = client.post(
        f"{ROUNDS}/{round_id}/candidates", json={"cadre_id": cadre.id} | body, headers=organizer
    )
    assert refused.status_code == status, refused.text
    assert words in refused.json()["error"]["message"]
    assert database(session) == before


def test_a_cadre_is_proposed_once_per_round_and_an_archived_cadre_not_at_all(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    cadre = make_cadre(session, "Lâm Văn Hải", [post(world.finance)])
    gone = make_cadre(
        session, "Mạc Thị Liên", [post(world.finance)], archived_at=datetime(2027, 1, 1, tzinfo=UTC)
    )
    round_id = make_round(client, organizer, world.plan, world.finance)
    assert propose(client, organizer, round_id, cadre.id).status_code == 201
    before = database(session)
    twice = propose(client, organizer, round_id, cadre.id)
    assert twice.status_code == 409 and "already a candidate" in twice.json()["error"]["message"]
    archived = propose(client, organizer, round_id, gone.id)
    assert archived.status_code == 409 and "archived" in archived.json()["error"]["message"]
    assert database(session) == before


# Counting committee


def test_the_counting_committee_is_listed_in_order_with_its_roles(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    member = make_cadre(session, "Lý Thị Nga", [post(world.finance, "Phó Giám đốc Sở")])
    path = f"{ROUNDS}/{make_round(client, organizer, world.plan, world.finance)}/committee"
    chair = client.post(
        path, json={"full_name": "Lý Thị Nga", "role": "Trưởng ban", "cadre_id": member.id}, headers=organizer
    )
    assert chair.status_code == 201
    plain = client.post(path, json={"full_name": "Đào Văn Sáu"}, headers=organizer).json()
    assert (plain["role"], plain["cadre_id"], plain["position"]) == ("Thành viên", None, 2)
    listed = client.get(path, headers=organizer).json()["items"]
    assert [(m["full_name"], m["role"]) for m in listed] == [
        ("Lý Thị Nga", "Trưởng ban"),
        ("Đào Văn Sáu", "Thành viên"),
    ]
    assert client.delete(f"{path}/{plain['id']}", headers=organizer).status_code == 204
    assert [m["full_name"] for m in client.get(path, headers=organizer).json()["items"]] == ["Lý Thị Nga"]


def test_the_counting_committee_never_includes_a_candidate(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    round_id = make_round(client, organizer, world.plan, world.finance)
    voted = make_cadre(session, "Đinh Văn Sơn", [post(world.finance)])
    member = make_cadre(session, "Lý Thị Nga", [post(world.finance, "Phó Giám đốc Sở")])
    path = f"{ROUNDS}/{round_id}/committee"
    assert propose(client, organizer, round_id, voted.id).status_code == 201
    before = database(session)
    refused = client.post(path, json={"full_name": "Đinh Văn Sơn", "cadre_id": voted.id}, headers=organizer)
    assert refused.status_code == 422 and reason_codes(refused) == ["on_counting_committee"]
    assert refused.json()["error"]["message"].startswith(
        "Đinh Văn Sơn is voted on in this round and cannot sit on its counting committee"
    )
    assert database(session) == before

    chair = client.post(path, json={"full_name": "Lý Thị Nga", "cadre_id": member.id}, headers=organizer)
    before = database(session)
    on_committee = propose(client, organizer, round_id, member.id)
    assert on_committee.status_code == 422 and reason_codes(on_committee) == ["on_counting_committee"]
    assert database(session) == before
    assert client.delete(f"{path}/{chair.json()['id']}", headers=organizer).status_code == 204
    assert propose(client, organizer, round_id, member.id).status_code == 201


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"full_name": "lý thị nga"}, 409, "Lý Thị Nga is already on the counting committee"),
        (
            {"full_name": "Tên Khác", "cadre_id": "member"},
            409,
            "Lý Thị Nga is already on the counting committee",
        ),
        ({"full_name": "Tên Khác", "cadre_id": "no-such-cadre"}, 404, "no cadre"),
        ({"full_name": "Tên Khác", "role": ""}, 422, "role"),
        ({"full_name": ["Tên", "Khác"]}, 422, "full_name"),
        ({}, 422, "full_name"),
    ],
)
def test_bad_committee_members_are_refused_and_nothing_is_saved(
    client: TestClient,
    organizer: Headers,
    session: Session,
    world: World,
    body: dict[str, Any],
    status: int,
    words: str,
) -> None:
    member = make_cadre(session, "Lý Thị Nga", [post(world.finance, "Phó Giám đốc Sở")])
    path = f"{ROUNDS}/{make_round(client, organizer, world.plan, world.finance)}/committee"
    client.post(path, json={"full_name": "Lý Thị Nga", "cadre_id": member.id}, headers=organizer)
    if body.get("cadre_id") == "member":
        body = body | {"cadre_id": member.id}
    before = database(session)
    refused = client.post(path, json=body, headers=organizer)
    assert refused.status_code == status, refused.text
    assert words in refused.json()["error"]["message"]
    assert database(session) == before


# Rules shared by the three lists


def test_members_change_only_while_the_round_is_being_prepared(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    cadre = make_cadre(session, "Kiều Văn Minh", [post(world.finance)])
    other = make_cadre(session, "Tạ Thị Oanh", [post(world.finance, "Phó Giám đốc Sở")])
    round_id = make_round(client, organizer, world.plan, world.finance)
    base = f"{ROUNDS}/{round_id}"
    entry = client.post(f"{base}/roster", json={"full_name": "Lê Thị Mai"}, headers=organizer).json()
    candidate = propose(client, organizer, round_id, cadre.id).json()
    member = client.post(f"{base}/committee", json={"full_name": "Phạm Thị Lan"}, headers=organizer).json()
    client.post(f"{base}/status", json={"status": "scheduled"}, headers=organizer)
    assert client.post(f"{base}/status", json={"status": "open"}, headers=organizer).status_code == 200

    before = database(session)
    writes = [
        ("POST", "/roster", {"full_name": "Đỗ Văn Bình"}),
        ("POST", "/roster/bulk", {"entries": [{"full_name": "Đỗ Văn Bình"}]}),
        ("DELETE", f"/roster/{entry['id']}", None),
        ("POST", "/candidates", {"cadre_id": other.id}),
        ("DELETE", f"/candidates/{candidate['id']}", None),
        ("POST", "/committee", {"full_name": "Đào Văn Sáu"}),
        ("DELETE", f"/committee/{member['id']}", None),
    ]
    for method, suffix, body in writes:
        refused = client.request(method, f"{base}{suffix}", json=body, headers=organizer)
        assert refused.status_code == 409, suffix
        assert "is open; it changes only while draft or scheduled" in refused.json()["error"]["message"]
    assert database(session) == before
    assert len(client.get(f"{base}/roster", headers=organizer).json()["items"]) == 1


@pytest.mark.parametrize("kind", ["roster", "candidates", "committee"])
def test_unknown_rounds_and_members_are_not_found(
    client: TestClient, organizer: Headers, session: Session, world: World, kind: str
) -> None:
    round_id = make_round(client, organizer, world.plan, world.finance)
    other = make_round(client, organizer, world.plan, world.finance, "2027-09-25")
    # A member of another round is not found through this one.
    if kind == "roster":
        foreign = client.post(f"{ROUNDS}/{other}/roster", json={"full_name": "Lê Thị Mai"}, headers=organizer)
    elif kind == "committee":
        foreign = client.post(
            f"{ROUNDS}/{other}/committee", json={"full_name": "Lê Thị Mai"}, headers=organizer
        )
    else:
        foreign = propose(
            client, organizer, other, make_cadre(session, "Lê Văn Tám", [post(world.finance)]).id
        )
    before = database(session)
    assert client.get(f"{ROUNDS}/no-such-round/{kind}", headers=organizer).status_code == 404
    assert client.delete(f"{ROUNDS}/no-such-round/{kind}/x", headers=organizer).status_code == 404
    for member_id in ("no-such-member", foreign.json()["id"]):
        missing = client.delete(f"{ROUNDS}/{round_id}/{kind}/{member_id}", headers=organizer)
        assert missing.status_code == 404 and member_id in missing.json()["error"]["message"]
    assert database(session) == before


def test_an_observer_reads_the_members_but_cannot_change_them(
    client: TestClient, organizer: Headers, observer: Headers, session: Session, world: World
) -> None:
    cadre = make_cadre(session, "Hồ Văn Lâm", [post(world.finance)])
    round_id = make_round(client, organizer, world.plan, world.finance)
    base = f"{ROUNDS}/{round_id}"
    entry = client.post(f"{base}/roster", json={"full_name": "Lê Thị Mai"}, headers=organizer).json()
    member = client.post(f"{base}/committee", json={"full_name": "Phạm Thị Lan"}, headers=organizer).json()
    candidate = propose(client, organizer, round_id, cadre.id).json()
    for kind in ("roster", "candidates", "committee"):
        assert client.get(f"{base}/{kind}", headers=observer).json()["total"] == 1
    before = database(session)
    writes = [
        ("POST", "/roster", {"full_name": "Đỗ Văn Bình"}),
        ("POST", "/roster/bulk", {"entries": [{"full_name": "Đỗ Văn Bình"}]}),
        ("DELETE", f"/roster/{entry['id']}", None),
        ("POST", "/candidates", {"cadre_id": cadre.id}),
        ("DELETE", f"/candidates/{candidate['id']}", None),
        ("POST", "/committee", {"full_name": "Đào Văn Sáu"}),
        ("DELETE", f"/committee/{member['id']}", None),
    ]
    for method, suffix, body in writes:
        assert client.request(method, f"{base}{suffix}", json=body, headers=observer).status_code == 403, (
            suffix
        )
        assert client.request(method, f"{base}{suffix}", json=body).status_code == 401, suffix
    assert database(session) == before


def test_moving_a_unit_in_the_tree_reassesses_the_places_of_rounds_held_there(
    client: TestClient, organizer: Headers, session: Session, world: World
) -> None:
    office = make_unit(session, "Văn phòng Tỉnh ủy", parent=world.province)
    cadre = make_cadre(
        session, "Lê Hồng Phong", [post(world.finance)], standing_committee_unit_id=world.province.id
    )
    early = make_round(client, organizer, world.plan, world.finance, "2027-09-10")
    late = make_round(client, organizer, world.plan, world.finance, "2027-09-12")
    party = make_round(client, organizer, world.plan, office, "2027-09-25", place_kind="party_committee")
    for round_id in (early, late, party):
        assert propose(client, organizer, round_id, cadre.id).status_code == 201
    assert verdicts(client, organizer, late, party) == [False, True]
    # Cut loose from the province, the office is no longer where the cadre sits on the standing
    # committee: the late round no longer lost to a higher priority, but the party round, held now,
    # is not taken back by a tie-break either.
    moved = client.patch(f"/api/v1/units/{office.id}", json={"parent_id": None}, headers=organizer)
    assert moved.status_code == 200
    assert verdicts(client, organizer, late, party) == [False, True]
    (late_candidate,) = client.get(f"{ROUNDS}/{late}/candidates", headers=organizer).json()["items"]
    assert [r["code"] for r in late_candidate["reasons"]] == ["third_place"]
