"""A round whose voting has opened holds the cadre's place for good (regulation.md §2, two places)."""

from __future__ import annotations

from api_builders import make_cadre, make_plan, make_round, make_unit, post_body, propose
from fastapi.testclient import TestClient

Headers = dict[str, str]


def eligible(client: TestClient, headers: Headers, round_id: str) -> bool:
    return bool(
        client.get(f"/api/v1/rounds/{round_id}/candidates", headers=headers).json()["items"][0]["eligible"]
    )


def test_an_open_round_keeps_its_place_when_a_higher_priority_round_is_added(
    client: TestClient, organizer: Headers
) -> None:
    province = make_unit(client, organizer, "Tỉnh Hòa Bình")
    finance = make_unit(client, organizer, "Sở Tài chính", parent_id=province)
    plan = make_plan(client, organizer)
    cadre = make_cadre(
        client, organizer, "Lê Văn Tám", [post_body(finance)], standing_committee_unit_id=province
    )["id"]
    draft = make_round(client, organizer, plan, finance, vote_date="2027-09-10")["id"]
    opened = make_round(client, organizer, plan, finance, vote_date="2027-09-12")["id"]
    for round_id in (draft, opened):
        assert propose(client, organizer, round_id, cadre).status_code == 201
    client.post(f"/api/v1/rounds/{opened}/roster", json={"full_name": "Ngô Thị Mơ"}, headers=organizer)
    for status in ("scheduled", "open"):
        response = client.post(f"/api/v1/rounds/{opened}/status", json={"status": status}, headers=organizer)
        assert response.status_code == 200, response.text

    party = make_round(
        client, organizer, plan, province, vote_date="2027-09-25", place_kind="party_committee"
    )["id"]
    added = propose(client, organizer, party, cadre)
    assert added.status_code == 201
    assert [d["round_id"] for d in added.json()["displaced"]] == [draft]
    assert (eligible(client, organizer, opened), eligible(client, organizer, party)) == (True, True)
    assert eligible(client, organizer, draft) is False
