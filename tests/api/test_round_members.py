from __future__ import annotations

from typing import Any

import pytest
from api_builders import make_cadre, make_plan, make_round, make_unit, post_body, propose, round_body
from fastapi.testclient import TestClient

Headers = dict[str, str]


@pytest.fixture
def world(client: TestClient, organizer: Headers) -> dict[str, str]:
    province = make_unit(client, organizer, "Tỉnh Hòa Bình")
    finance = make_unit(client, organizer, "Sở Tài chính", parent_id=province)
    plan = make_plan(client, organizer)
    return {"province": province, "finance": finance, "plan": plan}


def rnd(
    client: TestClient, headers: Headers, world: dict[str, str], when: str = "2027-09-20", **kw: Any
) -> str:
    return str(
        make_round(client, headers, world["plan"], kw.pop("unit", world["finance"]), vote_date=when, **kw)[
            "id"
        ]
    )


def reasons(response: Any) -> list[str]:
    return [r["code"] for r in response.json()["error"]["details"]["reasons"]]


def candidate_count(client: TestClient, headers: Headers, round_id: str) -> int:
    return len(client.get(f"/api/v1/rounds/{round_id}/candidates", headers=headers).json())


def test_voters_are_summoned_one_by_one_or_in_bulk(
    client: TestClient, organizer: Headers, world: dict[str, str]
) -> None:
    round_id = rnd(client, organizer, world)
    path = f"/api/v1/rounds/{round_id}/roster"
    one = client.post(path, json={"full_name": "Lê Thị Mai", "title": "Trưởng phòng"}, headers=organizer)
    assert one.status_code == 201 and one.json()["position"] == 1
    bulk = client.post(
        f"{path}/bulk",
        json={"entries": [{"full_name": "Đỗ Văn Bình"}, {"full_name": "Hà Thị Cúc"}]},
        headers=organizer,
    )
    assert [e["position"] for e in bulk.json()] == [2, 3]
    assert client.delete(f"{path}/{one.json()['id']}", headers=organizer).status_code == 204
    assert [e["full_name"] for e in client.get(path, headers=organizer).json()] == [
        "Đỗ Văn Bình",
        "Hà Thị Cúc",
    ]


def test_duplicate_voters_refuse_the_whole_request(
    client: TestClient, organizer: Headers, world: dict[str, str]
) -> None:
    round_id = rnd(client, organizer, world)
    path = f"/api/v1/rounds/{round_id}/roster"
    client.post(path, json={"full_name": "Lê Thị Mai"}, headers=organizer)
    again = client.post(path, json={"full_name": "Lê Thị Mai"}, headers=organizer)
    assert again.status_code == 409 and "Lê Thị Mai" in again.json()["error"]["message"]
    twice = client.post(
        f"{path}/bulk",
        json={"entries": [{"full_name": "Mới Một"}, {"full_name": "Trùng Tên"}, {"full_name": "trùng tên"}]},
        headers=organizer,
    )
    assert (
        twice.status_code == 409
        and twice.json()["error"]["details"]["duplicates"][0]["full_name"] == "Trùng Tên"
    )
    assert len(client.get(path, headers=organizer).json()) == 1
    assert client.post(f"{path}/bulk", json={"entries": []}, headers=organizer).status_code == 422


def test_a_candidate_is_voted_on_for_the_posts_of_the_round_rulebook(
    client: TestClient, organizer: Headers, world: dict[str, str]
) -> None:
    council = make_unit(client, organizer, "HĐND tỉnh", parent_id=world["province"])
    cadre = make_cadre(
        client,
        organizer,
        "Nguyễn Văn Hùng",
        [
            post_body(world["finance"]),
            post_body(council, title="Phó Chủ tịch HĐND", filled_by="council_elected"),
        ],
    )
    added = propose(client, organizer, rnd(client, organizer, world), cadre["id"])
    assert added.status_code == 201
    body = added.json()
    assert [p["title"] for p in body["posts"]] == ["Giám đốc Sở"]
    assert (body["eligible"], body["reasons"], body["displaced"]) == (True, [], [])
    again = propose(client, organizer, body["round_id"], cadre["id"])
    assert again.status_code == 409


@pytest.mark.parametrize(
    ("fields", "post", "code"),
    [
        ({}, {"since": "2027-02-01"}, "filled_in_vote_year"),
        ({"retirement_notice_date": "2027-04-01"}, {}, "retirement_pending"),
        ({}, {"filled_by": "council_elected"}, "rulebook_mismatch"),
    ],
)
def test_an_ineligible_cadre_is_refused_with_the_reasons_and_nothing_saved(
    client: TestClient,
    organizer: Headers,
    world: dict[str, str],
    fields: dict[str, Any],
    post: dict[str, Any],
    code: str,
) -> None:
    cadre = make_cadre(client, organizer, "Trần Văn Khải", [post_body(world["finance"]) | post], **fields)
    round_id = rnd(client, organizer, world)
    refused = propose(client, organizer, round_id, cadre["id"], post_ids=[cadre["posts"][0]["id"]])
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "candidate_ineligible"
    assert reasons(refused) == [code]
    assert "Trần Văn Khải" in refused.json()["error"]["message"]
    assert candidate_count(client, organizer, round_id) == 0


def test_a_third_place_is_refused_naming_the_two_kept(
    client: TestClient, organizer: Headers, world: dict[str, str]
) -> None:
    cadre = make_cadre(client, organizer, "Phạm Minh Tuấn", [post_body(world["finance"])])
    first, second, third = (rnd(client, organizer, world, f"2027-09-{d}") for d in (10, 11, 12))
    assert propose(client, organizer, first, cadre["id"]).status_code == 201
    assert propose(client, organizer, second, cadre["id"]).status_code == 201
    refused = propose(client, organizer, third, cadre["id"])
    assert refused.status_code == 422 and reasons(refused) == ["third_place"]
    assert refused.json()["error"]["details"]["reasons"][0]["details"] == {
        "kept_round_ids": f"{first}, {second}"
    }
    assert (
        "Hội nghị lấy phiếu tín nhiệm (10/09/2027); Hội nghị lấy phiếu tín nhiệm (11/09/2027)"
        in (refused.json()["error"]["message"])
    )


def test_a_higher_priority_place_displaces_the_lowest_and_withdrawing_it_restores_it(
    client: TestClient, organizer: Headers, world: dict[str, str]
) -> None:
    cadre = make_cadre(
        client,
        organizer,
        "Vũ Thị Hằng",
        [post_body(world["finance"])],
        standing_committee_unit_id=world["province"],
    )
    early, late = rnd(client, organizer, world, "2027-09-10"), rnd(client, organizer, world, "2027-09-12")
    for round_id in (early, late):
        assert propose(client, organizer, round_id, cadre["id"]).status_code == 201
    party = rnd(client, organizer, world, "2027-09-25", unit=world["province"], place_kind="party_committee")
    added = propose(client, organizer, party, cadre["id"])
    assert added.status_code == 201
    displaced = added.json()["displaced"]
    assert [d["round_id"] for d in displaced] == [late]
    assert displaced[0]["reasons"][0]["code"] == "third_place"
    stored = client.get(f"/api/v1/rounds/{late}/candidates", headers=organizer).json()[0]
    assert stored["eligible"] is False

    client.delete(f"/api/v1/rounds/{party}/candidates/{added.json()['id']}", headers=organizer)
    assert client.get(f"/api/v1/rounds/{late}/candidates", headers=organizer).json()[0]["eligible"] is True


def test_the_counting_committee_never_includes_a_candidate(
    client: TestClient, organizer: Headers, world: dict[str, str]
) -> None:
    round_id = rnd(client, organizer, world)
    voted = make_cadre(client, organizer, "Đinh Văn Sơn", [post_body(world["finance"])])
    member = make_cadre(
        client, organizer, "Lý Thị Nga", [post_body(world["finance"], title="Phó Giám đốc Sở")]
    )
    path = f"/api/v1/rounds/{round_id}/committee"
    assert propose(client, organizer, round_id, voted["id"]).status_code == 201
    refused = client.post(
        path, json={"full_name": "Đinh Văn Sơn", "cadre_id": voted["id"]}, headers=organizer
    )
    assert refused.status_code == 409 and "counting committee" in refused.json()["error"]["message"]
    chair = client.post(
        path,
        json={"full_name": "Lý Thị Nga", "role": "Trưởng ban", "cadre_id": member["id"]},
        headers=organizer,
    )
    assert chair.status_code == 201
    on_committee = propose(client, organizer, round_id, member["id"])
    assert on_committee.status_code == 422 and reasons(on_committee) == ["on_counting_committee"]
    assert client.post(path, json={"full_name": "Lý Thị Nga"}, headers=organizer).status_code == 409
    assert client.delete(f"{path}/{chair.json()['id']}", headers=organizer).status_code == 204
    assert propose(client, organizer, round_id, member["id"]).status_code == 201


def test_posts_not_held_unknown_ids_and_observers_are_refused(
    client: TestClient, organizer: Headers, observer: Headers, world: dict[str, str]
) -> None:
    round_id = rnd(client, organizer, world)
    cadre = make_cadre(client, organizer, "Hồ Văn Lâm", [post_body(world["finance"])])
    assert propose(client, organizer, round_id, cadre["id"], post_ids=["someone-elses"]).status_code == 422
    assert propose(client, organizer, round_id, "no-such-cadre").status_code == 404
    assert propose(client, organizer, "no-such-round", cadre["id"]).status_code == 404
    assert propose(client, observer, round_id, cadre["id"]).status_code == 403
    assert client.delete(f"/api/v1/rounds/{round_id}/roster/nope", headers=organizer).status_code == 404
    assert candidate_count(client, organizer, round_id) == 0


def test_a_retirement_notice_recorded_later_updates_the_stored_verdict(
    client: TestClient, organizer: Headers, world: dict[str, str]
) -> None:
    cadre = make_cadre(client, organizer, "Cao Thị Yến", [post_body(world["finance"])])
    round_id = rnd(client, organizer, world)
    propose(client, organizer, round_id, cadre["id"])
    client.patch(
        f"/api/v1/cadres/{cadre['id']}", json={"retirement_notice_date": "2027-06-01"}, headers=organizer
    )
    (stored,) = client.get(f"/api/v1/rounds/{round_id}/candidates", headers=organizer).json()
    assert stored["eligible"] is False and stored["reasons"][0]["code"] == "retirement_pending"
    assert "thông báo nghỉ công tác" in stored["reasons"][0]["message_vi"]


def test_moving_a_unit_in_the_tree_reassesses_the_places_of_rounds_held_there(
    client: TestClient, organizer: Headers, world: dict[str, str]
) -> None:
    office = make_unit(client, organizer, "Văn phòng Tỉnh ủy", parent_id=world["province"])
    cadre = make_cadre(
        client,
        organizer,
        "Lê Hồng Phong",
        [post_body(world["finance"])],
        standing_committee_unit_id=world["province"],
    )
    early, late = rnd(client, organizer, world, "2027-09-10"), rnd(client, organizer, world, "2027-09-12")
    party = rnd(client, organizer, world, "2027-09-25", unit=office, place_kind="party_committee")
    for round_id in (early, late, party):
        assert propose(client, organizer, round_id, cadre["id"]).status_code == 201

    def eligible(round_id: str) -> bool:
        return bool(
            client.get(f"/api/v1/rounds/{round_id}/candidates", headers=organizer).json()[0]["eligible"]
        )

    assert (eligible(late), eligible(party)) == (False, True)
    # Cut loose from the province, the office is no longer where the cadre sits on the standing committee.
    assert (
        client.patch(f"/api/v1/units/{office}", json={"parent_id": None}, headers=organizer).status_code
        == 200
    )
    assert (eligible(late), eligible(party)) == (True, False)


def test_an_archived_unit_takes_no_new_rounds_or_posts(
    client: TestClient, organizer: Headers, world: dict[str, str]
) -> None:
    old = make_unit(client, organizer, "Sở cũ", parent_id=world["province"])
    client.post(f"/api/v1/units/{old}/archive", headers=organizer)
    refused = client.post("/api/v1/rounds", json={**round_body(world["plan"], old)}, headers=organizer)
    assert refused.status_code == 409 and "archived" in refused.json()["error"]["message"]
    post = client.post(
        "/api/v1/cadres", json={"full_name": "Mai Văn Lộc", "posts": [post_body(old)]}, headers=organizer
    )
    assert post.status_code == 409
