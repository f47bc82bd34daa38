from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from api_builders import count, make_cadre, make_plan, make_unit, post_body
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.models import Candidate, Round
from ballots.levels import PlaceKind, Rulebook

Headers = dict[str, str]


def test_an_organizer_records_a_cadre_with_posts_and_their_rulebooks(
    client: TestClient, organizer: Headers
) -> None:
    unit = make_unit(client, organizer, "Sở Tài chính")
    council = make_unit(client, organizer, "HĐND tỉnh")
    cadre = make_cadre(
        client,
        organizer,
        "Trần Thị Thu Hà",
        [
            post_body(unit),
            post_body(council, title="Trưởng Ban Kinh tế - Ngân sách", filled_by="council_elected"),
        ],
        date_of_birth="1974-02-10",
        gender="female",
    )
    assert [(p["title"], p["rulebook"], p["unit_name"]) for p in cadre["posts"]] == [
        ("Giám đốc Sở", "qd96", "Sở Tài chính"),
        ("Trưởng Ban Kinh tế - Ngân sách", "nq96", "HĐND tỉnh"),
    ]
    found = client.get(f"/api/v1/cadres?unit_id={council}", headers=organizer).json()
    assert [c["full_name"] for c in found["items"]] == ["Trần Thị Thu Hà"]
    assert client.get("/api/v1/cadres?filled_by=party_elected", headers=organizer).json()["total"] == 0
    assert client.get("/api/v1/cadres?q=Thu", headers=organizer).json()["total"] == 1


@pytest.mark.parametrize(
    ("change", "status", "words"),
    [
        ({"posts": [{"unit_id": "missing"}]}, 422, "posts"),
        ({"date_of_birth": "2020-01-01"}, 422, "age outside"),
        ({"gender": "other"}, 422, "gender"),
        ({"standing_committee_unit_id": "no-such-unit"}, 404, "no unit"),
        ({"full_name": ""}, 422, "full_name"),
    ],
)
def test_a_bad_cadre_is_refused_and_nothing_is_saved(
    client: TestClient, organizer: Headers, change: dict[str, Any], status: int, words: str
) -> None:
    before = count(client, organizer, "/api/v1/cadres")
    body = {"full_name": "Lê Minh Đức"} | change
    response = client.post("/api/v1/cadres", json=body, headers=organizer)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]["message"]
    assert count(client, organizer, "/api/v1/cadres") == before


@pytest.mark.parametrize(
    ("post", "status", "words"),
    [
        ({"unit_id": "no-such-unit"}, 404, "no unit"),
        ({"since": "2027-07-01"}, 422, "in the future"),
        ({"since": "2022-01-01", "ended_on": "2021-01-01"}, 422, "ends before"),
        ({"filled_by": "inherited"}, 422, "filled_by"),
    ],
)
def test_a_bad_post_refuses_the_whole_cadre(
    client: TestClient, organizer: Headers, post: dict[str, Any], status: int, words: str
) -> None:
    unit = make_unit(client, organizer, "Sở Nội vụ")
    before = count(client, organizer, "/api/v1/cadres")
    body = {"full_name": "Phạm Văn Nam", "posts": [post_body(unit) | post]}
    response = client.post("/api/v1/cadres", json=body, headers=organizer)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]["message"]
    assert count(client, organizer, "/api/v1/cadres") == before


def test_posts_are_added_changed_and_removed(client: TestClient, organizer: Headers) -> None:
    unit = make_unit(client, organizer, "Sở Xây dựng")
    cadre = make_cadre(client, organizer, "Hoàng Văn Thái", [post_body(unit)])
    path = f"/api/v1/cadres/{cadre['id']}/posts"
    again = client.post(path, json=post_body(unit), headers=organizer)
    assert again.status_code == 409 and "already holds" in again.json()["error"]["message"]
    deputy = client.post(path, json=post_body(unit, title="Phó Giám đốc Sở"), headers=organizer).json()
    changed = client.patch(f"{path}/{deputy['id']}", json={"ended_on": "2026-12-31"}, headers=organizer)
    assert changed.status_code == 200 and changed.json()["ended_on"] == "2026-12-31"
    assert (
        client.patch(f"{path}/nope", json={"title": "Chánh Văn phòng"}, headers=organizer).status_code == 404
    )
    assert client.delete(f"{path}/{deputy['id']}", headers=organizer).status_code == 204
    titles = [
        p["title"] for p in client.get(f"/api/v1/cadres/{cadre['id']}", headers=organizer).json()["posts"]
    ]
    assert titles == ["Giám đốc Sở"]


def nominate(session: Session, plan_id: str, unit_id: str, cadre: dict[str, Any]) -> Candidate:
    round_ = Round(
        plan_id=plan_id,
        unit_id=unit_id,
        title="Hội nghị lấy phiếu tín nhiệm Sở Tài chính",
        vote_date=date(2027, 9, 20),
        rulebook=Rulebook.QD96,
        place_kind=PlaceKind.WORKPLACE,
    )
    session.add(round_)
    session.flush()
    candidate = Candidate(
        round_id=round_.id,
        cadre_id=cadre["id"],
        position=1,
        post_ids=[p["id"] for p in cadre["posts"]],
        eligible=True,
        reasons=[],
    )
    session.add(candidate)
    session.commit()
    return candidate


def test_a_retirement_notice_makes_the_cadre_ineligible_in_the_rounds_already_planned(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    unit = make_unit(client, organizer, "Sở Tài chính")
    cadre = make_cadre(client, organizer, "Vũ Đức Long", [post_body(unit)])
    candidate = nominate(session, make_plan(client, organizer), unit, cadre)
    response = client.patch(
        f"/api/v1/cadres/{cadre['id']}", json={"retirement_notice_date": "2027-05-20"}, headers=organizer
    )
    assert response.status_code == 200
    session.refresh(candidate)
    assert candidate.eligible is False
    assert [r["code"] for r in candidate.reasons] == ["retirement_pending"]


def test_a_nominated_cadre_is_archived_not_deleted_and_a_voted_post_stays(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    unit = make_unit(client, organizer, "Sở Y tế")
    cadre = make_cadre(client, organizer, "Đặng Thị Lan", [post_body(unit)])
    candidate = nominate(session, make_plan(client, organizer), unit, cadre)
    candidate.round.status = candidate.round.status.SCHEDULED
    session.commit()
    assert client.delete(f"/api/v1/cadres/{cadre['id']}", headers=organizer).status_code == 409
    post_id = cadre["posts"][0]["id"]
    assert (
        client.delete(f"/api/v1/cadres/{cadre['id']}/posts/{post_id}", headers=organizer).status_code == 409
    )
    archived = client.post(f"/api/v1/cadres/{cadre['id']}/archive", headers=organizer)
    assert archived.json()["archived_at"] is not None
    assert client.get("/api/v1/cadres", headers=organizer).json()["total"] == 0


def test_an_unreferenced_cadre_is_deleted(client: TestClient, organizer: Headers) -> None:
    cadre = make_cadre(client, organizer, "Bùi Văn Tâm", [])
    assert client.delete(f"/api/v1/cadres/{cadre['id']}", headers=organizer).status_code == 204
    assert client.get(f"/api/v1/cadres/{cadre['id']}", headers=organizer).status_code == 404


def test_an_observer_cannot_change_a_cadre(client: TestClient, organizer: Headers, observer: Headers) -> None:
    cadre = make_cadre(client, organizer, "Ngô Thị Hoa", [])
    response = client.patch(f"/api/v1/cadres/{cadre['id']}", json={"full_name": "X Y"}, headers=observer)
    assert response.status_code == 403
