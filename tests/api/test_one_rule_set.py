"""The API and the spreadsheet import refuse and accept exactly the same cadres and posts."""

from __future__ import annotations

from typing import Any

import pytest
from api_builders import make_unit
from fastapi.testclient import TestClient
from sheet_builders import CADRE_HEADERS, send, xlsx

Headers = dict[str, str]

# One case per rule: the cadre as the API takes it, with the cells the sheet would hold instead.
GOOD = {"full_name": "Trần Thị Hoa", "date_of_birth": "1975-04-02", "since": "2021-03-15", "ended_on": None}
CASES: dict[str, dict[str, Any]] = {
    "born today or later": {"date_of_birth": "2027-06-01"},
    "younger than 18": {"date_of_birth": "2015-01-01"},
    "older than 100": {"date_of_birth": "1925-01-01"},
    "a post starting in the future": {"since": "2027-06-02"},
    "a post starting before birth": {"date_of_birth": "1975-04-02", "since": "1975-01-01"},
    "a post ending before it starts": {"ended_on": "2020-01-01"},
    "a one-letter name": {"full_name": "A"},
    "a name over 200 characters": {"full_name": "Nguyễn " * 40},
    "a one-letter post title": {"title": "X"},
}
ACCEPTED_EDGES: dict[str, dict[str, Any]] = {
    "exactly 18 today": {"date_of_birth": "2009-06-01", "since": "2027-05-01"},
    "exactly 100 today": {"date_of_birth": "1927-06-01"},
    "a post starting today": {"since": "2027-06-01"},
    "a post ending the day it starts": {"ended_on": "2021-03-15"},
    "a two-letter name": {"full_name": "Lý"},
}


def _dmy(iso: str | None) -> str | None:
    return None if iso is None else "/".join(reversed(iso.split("-")))


def _by_api(client: TestClient, headers: Headers, unit_id: str, case: dict[str, Any]) -> int:
    fields = GOOD | case
    post = {
        "title": fields.get("title", "Giám đốc Sở"),
        "unit_id": unit_id,
        "filled_by": "appointed",
        "since": fields["since"],
        "ended_on": fields["ended_on"],
    }
    body = {"full_name": fields["full_name"], "date_of_birth": fields["date_of_birth"], "posts": [post]}
    return client.post("/api/v1/cadres", json=body, headers=headers).status_code


def _by_sheet(client: TestClient, headers: Headers, case: dict[str, Any]) -> int:
    fields = GOOD | case
    row = [
        fields["full_name"],
        _dmy(fields["date_of_birth"]),
        "Nữ",
        fields.get("title", "Giám đốc Sở"),
        "Sở Nội vụ Hà Sơn",
        "Bổ nhiệm",
        _dmy(fields["since"]),
        _dmy(fields["ended_on"]),
        None,
        None,
    ]
    return send(client, headers, "cadres", "canbo.xlsx", xlsx([CADRE_HEADERS, row])).status_code


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_what_the_api_refuses_the_import_refuses_too(
    client: TestClient, organizer: Headers, case: dict[str, Any]
) -> None:
    unit_id = make_unit(client, organizer, "Sở Nội vụ Hà Sơn")
    assert _by_api(client, organizer, unit_id, case) == 422
    assert _by_sheet(client, organizer, case) == 422


@pytest.mark.parametrize("case", ACCEPTED_EDGES.values(), ids=ACCEPTED_EDGES.keys())
def test_what_the_api_accepts_the_import_accepts_too(
    client: TestClient, organizer: Headers, case: dict[str, Any]
) -> None:
    make_unit(client, organizer, "Sở Nội vụ Hà Sơn")
    assert _by_sheet(client, organizer, case) == 201
    unit_id = make_unit(client, organizer, "Sở Nội vụ Hà Bắc")
    assert _by_api(client, organizer, unit_id, case) == 201


def test_the_import_gives_the_rule_in_vietnamese_and_the_api_in_both_languages(
    client: TestClient, organizer: Headers
) -> None:
    unit_id = make_unit(client, organizer, "Sở Nội vụ Hà Sơn")
    body = {
        "full_name": "Trần Thị Hoa",
        "date_of_birth": "1975-04-02",
        "posts": [{"title": "Giám đốc", "unit_id": unit_id, "filled_by": "appointed", "since": "1974-01-01"}],
    }
    error = client.post("/api/v1/cadres", json=body, headers=organizer).json()["error"]
    assert "before its holder was born" in error["message"]
    assert "trước ngày sinh (02/04/1975)" in error["message_vi"]
    sheet = xlsx(
        [
            CADRE_HEADERS,
            [
                "Trần Thị Hoa",
                "02/04/1975",
                "Nữ",
                "Giám đốc",
                "Sở Nội vụ Hà Sơn",
                "Bổ nhiệm",
                "01/01/1974",
                None,
                None,
                None,
            ],
        ]
    )
    rows = send(client, organizer, "cadres", "canbo.xlsx", sheet).json()["error"]["details"]["errors"]
    assert [(r["column"], "trước ngày sinh (02/04/1975)" in r["message"]) for r in rows] == [
        ("Từ ngày", True)
    ]
