"""Unit names and plan numbers are unique as people read them: any letter case, composed or not,
top-level units included; the database holds the rule too, so a race cannot break it."""

from __future__ import annotations

import unicodedata

import pytest
from api_builders import make_plan, make_unit, plan_body
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.models import Plan, Unit
from ballots.levels import UnitLevel
from ballots.records import name_key

Headers = dict[str, str]
DECOMPOSED = unicodedata.normalize("NFD", "Tỉnh Hà Sơn")


@pytest.mark.parametrize("twin", ["TỈNH HÀ SƠN", "tỉnh  hà sơn", DECOMPOSED], ids=["case", "spaces", "nfd"])
def test_a_second_top_level_unit_of_the_same_name_is_a_conflict(
    client: TestClient, organizer: Headers, twin: str
) -> None:
    first = make_unit(client, organizer, "Tỉnh Hà Sơn")
    response = client.post("/api/v1/units", json={"name": twin, "level": "province"}, headers=organizer)
    assert response.status_code == 409
    assert response.json()["error"]["message"] == "a unit named 'Tỉnh Hà Sơn' already exists there"
    assert response.json()["error"]["details"] == {"existing_id": first}


def test_the_same_name_under_two_parents_is_two_units_and_a_unit_may_change_its_own_case(
    client: TestClient, organizer: Headers
) -> None:
    east, west = make_unit(client, organizer, "Huyện Đông"), make_unit(client, organizer, "Huyện Tây")
    office = make_unit(client, organizer, "Phòng Nội vụ", "district", east)
    make_unit(client, organizer, "phòng nội vụ", "district", west)
    renamed = client.patch(f"/api/v1/units/{office}", json={"name": "PHÒNG NỘI VỤ"}, headers=organizer)
    assert renamed.status_code == 200


def test_a_plan_number_typed_decomposed_or_in_another_case_is_a_conflict(
    client: TestClient, organizer: Headers
) -> None:
    make_plan(client, organizer, number="96-KH/TƯ")
    for twin in ("96-kh/tư", unicodedata.normalize("NFD", "96-KH/TƯ")):
        response = client.post("/api/v1/plans", json=plan_body(number=twin), headers=organizer)
        assert response.status_code == 409, twin


def test_the_database_refuses_two_top_level_units_and_two_plans_that_differ_only_in_case(
    session: Session,
) -> None:
    session.add(Unit(name="Tỉnh Hà Sơn", level=UnitLevel.PROVINCE))
    session.flush()
    with session.begin_nested(), pytest.raises(IntegrityError):
        session.add(Unit(name="TỈNH HÀ SƠN", level=UnitLevel.PROVINCE))
        session.flush()
    fields = plan_body()
    session.add(Plan(**fields))
    session.flush()
    with session.begin_nested(), pytest.raises(IntegrityError):
        session.add(Plan(**(fields | {"number": fields["number"].lower()})))
        session.flush()
    keys = session.scalars(select(Unit.name_key).where(Unit.parent_id.is_(None))).all()
    assert keys == [name_key("tỉnh hà sơn")]


def test_a_race_that_reaches_the_database_is_answered_409_with_what_clashed(
    client: TestClient, organizer: Headers, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_unit(client, organizer, "Tỉnh Hà Sơn")
    make_plan(client, organizer)
    # As if the other request committed between this one's check and its insert.
    monkeypatch.setattr("app.repositories.units.by_name", lambda *_: None)
    monkeypatch.setattr("app.repositories.plans.by_number", lambda *_: None)
    unit = client.post("/api/v1/units", json={"name": "tỉnh hà sơn", "level": "province"}, headers=organizer)
    plan = client.post("/api/v1/plans", json=plan_body(number="96-kh/tu"), headers=organizer)
    assert (unit.status_code, unit.json()["error"]["details"]) == (409, {"field": "name"})
    assert "a unit with this name (ignoring case) already exists" in unit.json()["error"]["message"]
    assert (plan.status_code, plan.json()["error"]["details"]) == (409, {"field": "number"})


def test_a_post_added_twice_in_a_race_is_answered_409_naming_the_title(
    client: TestClient, organizer: Headers, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = make_unit(client, organizer, "Sở Tài chính")
    post = {"title": "Giám đốc Sở", "unit_id": unit, "filled_by": "appointed", "since": "2021-03-15"}
    cadre = client.post(
        "/api/v1/cadres", json={"full_name": "Lê Văn Tám", "posts": [post]}, headers=organizer
    )
    # As if the other request's post arrived between this one's check and its insert.
    monkeypatch.setattr("app.services.cadres._check_post", lambda *_, **__: None)
    again = client.post(f"/api/v1/cadres/{cadre.json()['id']}/posts", json=post, headers=organizer)
    assert (again.status_code, again.json()["error"]["details"]) == (409, {"field": "title"})
