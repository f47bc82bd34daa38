from __future__ import annotations

from api_builders import make_unit
from fastapi.testclient import TestClient


def count_units(client: TestClient, headers: dict[str, str]) -> int:
    return int(client.get("/api/v1/units?include_archived=true", headers=headers).json()["total"])


def test_an_organizer_builds_a_province_with_its_agencies_and_districts(
    client: TestClient, organizer: dict[str, str]
) -> None:
    province = make_unit(client, organizer, "Tỉnh Bắc Giang", "province")
    make_unit(client, organizer, "Sở Tài chính", "province", province)
    make_unit(client, organizer, "Huyện Yên Dũng", "district", province)
    listed = client.get(f"/api/v1/units?parent_id={province}", headers=organizer).json()
    assert listed["total"] == 2
    assert [u["name"] for u in listed["items"]] == ["Sở Tài chính", "Huyện Yên Dũng"]
    districts = client.get("/api/v1/units?level=district&q=yên", headers=organizer).json()
    assert [u["name"] for u in districts["items"]] == ["Huyện Yên Dũng"]


def test_units_are_listed_a_page_at_a_time(client: TestClient, organizer: dict[str, str]) -> None:
    for i in range(5):
        make_unit(client, organizer, f"Đơn vị {i}", "province")
    body = client.get("/api/v1/units?limit=2&offset=2", headers=organizer).json()
    assert (body["total"], body["limit"], body["offset"], len(body["items"])) == (5, 2, 2, 2)


def test_bad_units_are_refused_with_a_message_and_nothing_is_saved(
    client: TestClient, organizer: dict[str, str]
) -> None:
    district = make_unit(client, organizer, "Huyện Lục Nam", "district")
    before = count_units(client, organizer)
    cases = [
        ({"name": "Sở X", "level": "province", "parent_id": district}, 422, "province-level"),
        ({"name": "Sở X", "level": "province", "parent_id": "no-such-id"}, 404, "no unit"),
        ({"name": "Sở X", "level": "city"}, 422, "level"),
        ({"name": "Sở X", "level": "province", "colour": "red"}, 422, "colour"),
        ({"name": "Huyện Lục Nam", "level": "district"}, 409, "already exists"),
    ]
    for body, status, words in cases:
        response = client.post("/api/v1/units", json=body, headers=organizer)
        assert response.status_code == status, (body, response.text)
        assert words in response.json()["error"]["message"], response.json()
    assert count_units(client, organizer) == before


def test_a_unit_cannot_be_moved_under_its_own_sub_unit(client: TestClient, organizer: dict[str, str]) -> None:
    top = make_unit(client, organizer, "Tỉnh A", "province")
    child = make_unit(client, organizer, "Sở B", "province", top)
    response = client.patch(f"/api/v1/units/{top}", json={"parent_id": child}, headers=organizer)
    assert response.status_code == 422
    assert client.get(f"/api/v1/units/{top}", headers=organizer).json()["parent_id"] is None


def test_a_unit_in_use_is_archived_rather_than_deleted(client: TestClient, organizer: dict[str, str]) -> None:
    top = make_unit(client, organizer, "Tỉnh C", "province")
    make_unit(client, organizer, "Sở D", "province", top)
    assert client.delete(f"/api/v1/units/{top}", headers=organizer).status_code == 409
    archived = client.post(f"/api/v1/units/{top}/archive", headers=organizer)
    assert archived.status_code == 200 and archived.json()["archived_at"] is not None
    names = [u["name"] for u in client.get("/api/v1/units", headers=organizer).json()["items"]]
    assert "Tỉnh C" not in names


def test_an_unused_unit_can_be_deleted(client: TestClient, organizer: dict[str, str]) -> None:
    unit = make_unit(client, organizer, "Tỉnh E", "province")
    assert client.delete(f"/api/v1/units/{unit}", headers=organizer).status_code == 204
    assert client.get(f"/api/v1/units/{unit}", headers=organizer).status_code == 404


def test_an_observer_reads_but_cannot_write(client: TestClient, observer: dict[str, str]) -> None:
    assert client.get("/api/v1/units", headers=observer).status_code == 200
    response = client.post("/api/v1/units", json={"name": "Sở F", "level": "province"}, headers=observer)
    assert response.status_code == 403


def test_a_search_ignores_the_case_of_vietnamese_letters(
    client: TestClient, organizer: dict[str, str]
) -> None:
    make_unit(client, organizer, "Huyện Đông Sơn", "district")
    found = client.get("/api/v1/units", params={"q": "đông sơn"}, headers=organizer).json()
    assert [u["name"] for u in found["items"]] == ["Huyện Đông Sơn"]


def test_control_characters_and_absurd_offsets_are_refused_not_crashing(
    client: TestClient, organizer: dict[str, str]
) -> None:
    response = client.post(
        "/api/v1/units", json={"name": "Sở\u0000X", "level": "province"}, headers=organizer
    )
    assert response.status_code == 422 and "control characters" in response.json()["error"]["message"]
    assert client.get("/api/v1/units?offset=100000000000000000000", headers=organizer).status_code == 422
    assert count_units(client, organizer) == 0


def test_moments_come_back_in_utc_on_every_database(client: TestClient, organizer: dict[str, str]) -> None:
    unit = make_unit(client, organizer, "Tỉnh G", "province")
    archived = client.post(f"/api/v1/units/{unit}/archive", headers=organizer).json()["archived_at"]
    again = client.get(f"/api/v1/units/{unit}", headers=organizer).json()["archived_at"]
    assert archived.endswith(("Z", "+00:00")) and again.endswith(("Z", "+00:00"))
