"""A cadre's nominations across every plan, each with its verdict and where the places went."""

from __future__ import annotations

from api_builders import make_cadre, make_plan, make_round, make_unit, post_body, propose
from fastapi.testclient import TestClient

Headers = dict[str, str]


def test_every_nomination_in_every_plan_is_listed_by_date_with_its_verdict_and_kept_places(
    client: TestClient, organizer: Headers
) -> None:
    province = make_unit(client, organizer, "Tỉnh Hòa Bình")
    finance = make_unit(client, organizer, "Sở Tài chính", parent_id=province)
    plan = make_plan(client, organizer)
    other_plan = make_plan(client, organizer, number="97-KH/TU", title="Kế hoạch lấy phiếu bổ sung")
    cadre = make_cadre(
        client, organizer, "Lê Văn Tám", [post_body(finance)], standing_committee_unit_id=province
    )["id"]
    early = make_round(client, organizer, plan, finance, vote_date="2027-09-10")["id"]
    late = make_round(client, organizer, plan, finance, vote_date="2027-09-12")["id"]
    elsewhere = make_round(client, organizer, other_plan, finance, vote_date="2027-10-01")["id"]
    for round_id in (early, late, elsewhere):
        assert propose(client, organizer, round_id, cadre).status_code == 201
    # The standing committee's own conference outranks the later workplace round, which loses its place.
    party = make_round(
        client, organizer, plan, province, vote_date="2027-09-25", place_kind="party_committee"
    )["id"]
    assert propose(client, organizer, party, cadre).status_code == 201

    listed = client.get(f"/api/v1/cadres/{cadre}/nominations", headers=organizer).json()
    assert listed["total"] == 4
    assert [(n["round_id"], n["place"], n["eligible"], n["kept_round_ids"]) for n in listed["items"]] == [
        (early, "kept", True, [early, party]),
        (late, "displaced", False, [early, party]),
        (party, "kept", True, [early, party]),
        (elsewhere, "kept", True, [elsewhere]),
    ]
    displaced = listed["items"][1]
    assert [r["code"] for r in displaced["reasons"]] == ["displaced"]
    assert (displaced["plan_number"], displaced["vote_date"], displaced["status"], displaced["archived"]) == (
        "96-KH/TU",
        "2027-09-12",
        "draft",
        False,
    )
    second = client.get(f"/api/v1/cadres/{cadre}/nominations?limit=1&offset=1", headers=organizer).json()
    assert [n["round_id"] for n in second["items"]] == [late]
    assert (second["total"], second["limit"], second["offset"]) == (4, 1, 1)


def test_a_cadre_never_proposed_has_no_nominations_and_an_unknown_cadre_is_not_found(
    client: TestClient, organizer: Headers, observer: Headers
) -> None:
    finance = make_unit(client, organizer, "Sở Tài chính")
    cadre = make_cadre(client, organizer, "Lê Văn Tám", [post_body(finance)])["id"]
    listed = client.get(f"/api/v1/cadres/{cadre}/nominations", headers=observer)
    assert listed.status_code == 200 and listed.json()["items"] == []
    missing = client.get("/api/v1/cadres/no-such-cadre/nominations", headers=observer)
    assert missing.status_code == 404
