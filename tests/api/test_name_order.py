"""People are listed in Vietnamese order everywhere: given name first, Đ after D, pages in that order."""

from __future__ import annotations

import io

import pytest
from api_builders import make_cadre, make_plan, make_round, make_unit, post_body, propose
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from app.models import Candidate

Headers = dict[str, str]
# Typed in no particular order; listed as ORDERED.
NAMES = ["Trần Văn Em", "Đỗ Văn Đạt", "Vũ Đức Dũng", "Nguyễn Văn Bình", "Đặng Văn An", "Dương Thị An"]
ORDERED = ["Dương Thị An", "Đặng Văn An", "Nguyễn Văn Bình", "Vũ Đức Dũng", "Đỗ Văn Đạt", "Trần Văn Em"]
RETIRING = {
    "code": "retirement_pending",
    "message": "a retirement notice is pending",
    "message_vi": "nghỉ hưu",
}


def names(client: TestClient, headers: Headers, path: str, key: str = "full_name") -> list[str]:
    return [item[key] for item in client.get(path, headers=headers).json()["items"]]


@pytest.fixture
def finance(client: TestClient, organizer: Headers) -> str:
    return make_unit(client, organizer, "Sở Tài chính")


@pytest.fixture
def round_id(client: TestClient, organizer: Headers, finance: str) -> str:
    return str(make_round(client, organizer, make_plan(client, organizer), finance)["id"])


def test_cadres_are_listed_by_given_name_and_paged_in_that_order(
    client: TestClient, organizer: Headers, finance: str
) -> None:
    for name in NAMES:
        make_cadre(client, organizer, name, [post_body(finance)])
    assert names(client, organizer, "/api/v1/cadres") == ORDERED
    assert names(client, organizer, "/api/v1/cadres?limit=2&offset=3") == ORDERED[3:5]


def test_the_cadres_spreadsheet_lists_them_in_the_same_order(
    client: TestClient, organizer: Headers, finance: str
) -> None:
    for name in NAMES:
        make_cadre(client, organizer, name, [post_body(finance)])
    exported = client.get("/api/v1/spreadsheets/export/cadres.xlsx", headers=organizer)
    sheet = load_workbook(io.BytesIO(exported.content)).worksheets[0]
    first_column = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert first_column == ORDERED


def test_candidates_are_listed_by_given_name_and_paged_in_that_order(
    client: TestClient, organizer: Headers, finance: str, round_id: str
) -> None:
    for name in NAMES:
        assert propose(
            client, organizer, round_id, make_cadre(client, organizer, name, [post_body(finance)])["id"]
        )
    path = f"/api/v1/rounds/{round_id}/candidates"
    assert names(client, organizer, path, "cadre_name") == ORDERED
    page = client.get(f"{path}?limit=2&offset=4", headers=organizer).json()
    assert ([c["cadre_name"] for c in page["items"]], page["total"]) == (ORDERED[4:], 6)


def test_the_roster_is_listed_by_given_name_and_paged_in_that_order(
    client: TestClient, organizer: Headers, round_id: str
) -> None:
    path = f"/api/v1/rounds/{round_id}/roster"
    body = {"entries": [{"full_name": n} for n in NAMES]}
    assert client.post(f"{path}/bulk", json=body, headers=organizer).status_code == 201
    assert names(client, organizer, path) == ORDERED
    page = client.get(f"{path}?limit=3&offset=1", headers=organizer).json()
    assert ([e["full_name"] for e in page["items"]], page["total"]) == (ORDERED[1:4], 6)


def test_the_counting_committee_is_listed_by_given_name(
    client: TestClient, organizer: Headers, round_id: str
) -> None:
    path = f"/api/v1/rounds/{round_id}/committee"
    for name in NAMES:
        assert client.post(path, json={"full_name": name}, headers=organizer).status_code == 201
    assert names(client, organizer, path) == ORDERED


def test_a_renamed_voter_moves_to_the_place_of_the_new_name(
    client: TestClient, organizer: Headers, finance: str
) -> None:
    cadre = make_cadre(client, organizer, "Đặng Văn An", [post_body(finance)])["id"]
    make_cadre(client, organizer, "Nguyễn Văn Bình", [post_body(finance)])
    renamed = client.patch(f"/api/v1/cadres/{cadre}", json={"full_name": "Đặng Văn Yên"}, headers=organizer)
    assert renamed.status_code == 200
    assert names(client, organizer, "/api/v1/cadres") == ["Nguyễn Văn Bình", "Đặng Văn Yên"]


def test_the_dashboard_lists_excluded_candidates_by_given_name(
    client: TestClient, organizer: Headers, session: Session, finance: str
) -> None:
    plan = make_plan(client, organizer)
    round_id = make_round(client, organizer, plan, finance)["id"]
    for position, name in enumerate(NAMES, start=1):
        cadre = make_cadre(client, organizer, name, [post_body(finance)])["id"]
        session.add(
            Candidate(
                round_id=round_id,
                cadre_id=cadre,
                position=position,
                post_ids=[],
                eligible=False,
                reasons=[RETIRING],
            )
        )
    session.commit()
    dashboard = client.get(f"/api/v1/plans/{plan}/dashboard", headers=organizer).json()
    assert [e["cadre_name"] for e in dashboard["excluded"]] == ORDERED
