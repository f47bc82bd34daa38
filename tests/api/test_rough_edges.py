"""What a client trips over: strict types, formats named in errors, allowed methods, emptied fields."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from api_builders import make_cadre, make_plan, make_round, make_unit, plan_body, post_body
from fastapi.testclient import TestClient

Headers = dict[str, str]


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("publication_days", False, "valid integer"),
        ("publication_days", "15", "valid integer"),
        ("vote_year", 2027.0, "valid integer"),
        ("completion_date", 0, "YYYY-MM-DD"),
        ("completion_date", "20/09/2027", "YYYY-MM-DD"),
        ("completion_date", "2027-02-30", "not a day of the calendar"),
    ],
)
def test_numbers_and_dates_are_not_guessed_from_other_types(
    client: TestClient, organizer: Headers, field: str, value: Any, says: str
) -> None:
    response = client.post("/api/v1/plans", json=plan_body(**{field: value}), headers=organizer)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["details"]["fields"][0]["field"] == field
    assert says in error["message"]
    assert error["message_vi"].startswith("Yêu cầu chưa hợp lệ")


def test_a_date_filter_must_be_written_as_a_date(client: TestClient, organizer: Headers) -> None:
    response = client.get("/api/v1/rounds", params={"date_to": "0"}, headers=organizer)
    assert response.status_code == 422
    assert "YYYY-MM-DD" in response.json()["error"]["message"]
    assert (
        client.get("/api/v1/rounds", params={"date_to": "2027-09-30"}, headers=organizer).status_code == 200
    )


def test_malformed_json_is_reported_as_the_body_not_as_a_field(
    client: TestClient, organizer: Headers
) -> None:
    response = client.post(
        "/api/v1/units",
        content=b'{"name": "S\xe1\xbb\x9f", "level": province}',
        headers=organizer | {"Content-Type": "application/json"},
    )
    assert response.status_code == 422
    problem = response.json()["error"]["details"]["fields"][0]
    assert problem["field"] == ""
    assert "not valid JSON" in problem["message"] and "at character" in problem["message"]


def test_a_wrong_method_lists_every_method_the_path_answers(client: TestClient, organizer: Headers) -> None:
    response = client.put("/api/v1/plans", headers=organizer)
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    assert "PUT is not allowed here" in response.json()["error"]["message"]
    one = client.put(f"/api/v1/plans/{make_plan(client, organizer)}", headers=organizer)
    assert one.headers["allow"] == "GET, PATCH, DELETE"


def test_no_resource_lets_a_patch_empty_a_required_field(client: TestClient, organizer: Headers) -> None:
    unit = make_unit(client, organizer, "Sở Tài chính")
    plan = make_plan(client, organizer)
    cadre = make_cadre(client, organizer, "Nguyễn Văn An", [post_body(unit)])
    round_id = make_round(client, organizer, plan, unit)["id"]
    for path, field in [
        (f"/api/v1/units/{unit}", "name"),
        (f"/api/v1/units/{unit}", "level"),
        (f"/api/v1/plans/{plan}", "title"),
        (f"/api/v1/cadres/{cadre['id']}", "full_name"),
        (f"/api/v1/cadres/{cadre['id']}/posts/{cadre['posts'][0]['id']}", "since"),
        (f"/api/v1/rounds/{round_id}", "vote_date"),
        (f"/api/v1/rounds/{round_id}", "title"),
    ]:
        response = client.patch(path, json={field: None}, headers=organizer)
        assert response.status_code == 422, (path, field, response.text)
        assert f"{field} cannot be emptied" in response.json()["error"]["message"]
    assert client.patch(f"/api/v1/plans/{plan}", json={"completion_date": None}, headers=organizer).is_success


def test_a_search_takes_percent_and_underscore_literally(client: TestClient, organizer: Headers) -> None:
    make_unit(client, organizer, "Sở Tài chính")
    make_unit(client, organizer, "Phòng 100%_Số")
    found = client.get("/api/v1/units", params={"q": "%"}, headers=organizer).json()
    assert [u["name"] for u in found["items"]] == ["Phòng 100%_Số"]
    assert client.get("/api/v1/units", params={"q": "_"}, headers=organizer).json()["total"] == 1


def test_a_unit_name_typed_decomposed_is_stored_composed_and_counts_as_a_duplicate(
    client: TestClient, organizer: Headers
) -> None:
    name = "Sở Nội vụ"
    decomposed = unicodedata.normalize("NFD", name)
    created = client.post("/api/v1/units", json={"name": decomposed, "level": "province"}, headers=organizer)
    assert created.json()["name"] == name
    twin = client.post("/api/v1/units", json={"name": name, "level": "province"}, headers=organizer)
    assert twin.status_code == 409


def test_a_round_whose_first_deadlines_have_passed_says_so(client: TestClient, organizer: Headers) -> None:
    # Today is 2027-06-01; a vote on 2027-06-18 has its D-20 on 05-29, D-15 on 06-03.
    round_ = make_round(
        client,
        organizer,
        make_plan(client, organizer),
        make_unit(client, organizer, "Sở Tài chính"),
        vote_date="2027-06-18",
        override_reason="Ban Thường vụ quyết định tổ chức sớm",
    )
    assert [w.split(" deadline")[0] for w in round_["warnings"]] == ["the D-20"]
    assert round_["override_reason"] == "Ban Thường vụ quyết định tổ chức sớm"


def test_refusals_speak_english_in_message_and_vietnamese_in_message_vi(
    client: TestClient, organizer: Headers
) -> None:
    unit = make_unit(client, organizer, "Sở Tài chính")
    round_id = make_round(client, organizer, make_plan(client, organizer), unit)["id"]
    refusals = [
        client.get("/api/v1/cadres/nobody", headers=organizer),
        client.post(f"/api/v1/rounds/{round_id}/status", json={"status": "open"}, headers=organizer),
        client.post(f"/api/v1/rounds/{round_id}/status", json={"status": "counted"}, headers=organizer),
        client.get(
            "/api/v1/rounds", params={"date_from": "2027-09-30", "date_to": "2027-09-01"}, headers=organizer
        ),
        client.patch(f"/api/v1/rounds/{round_id}", json={"title": None}, headers=organizer),
    ]
    for response in refusals:
        error = response.json()["error"]
        assert response.status_code in (404, 409, 422), error
        assert error["message"] and error["message_vi"]
        assert error["message"] not in error["message_vi"], error
