from __future__ import annotations

import io
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sheet_builders import (
    CADRE_HEADERS,
    PROVINCE_UNITS,
    ROSTER_HEADERS,
    add_round,
    csv_file,
    export,
    imported,
    read_sheet,
    send,
    xlsx,
)
from sqlalchemy import delete
from sqlalchemy.orm import Session

from app.models import Cadre, Post, Unit

Headers = dict[str, str]
UNITS: list[list[Any]] = [
    *PROVINCE_UNITS,
    ["Phòng Nội vụ", "Huyện", "Huyện Đông Sơn"],
    ["Phòng Nội vụ", "Huyện", "Huyện Tây Hà"],
    ["Tổ Thi đua", "Huyện", "Phòng Nội vụ (Huyện Tây Hà)"],
]
HUNG = ["Nguyễn Văn Hùng", "14/05/1972", "Nam"]
CADRES: list[list[Any]] = [
    CADRE_HEADERS,
    [*HUNG, "Giám đốc Sở Tài chính", "Sở Tài chính", "Bổ nhiệm", "01/03/2021", None, "Tỉnh Hà Sơn", None],
    [*HUNG, "Bí thư Đảng ủy Sở", "Sở Tài chính", "Cấp ủy bầu", "02/10/2020", None, "Tỉnh Hà Sơn", None],
    ["Trần Thị Lan", "03/09/1980", "Nữ", "Trưởng phòng", "Phòng Nội vụ (Huyện Tây Hà)", "HĐND phê chuẩn",
     "28/06/2021", None, None, "15/01/2027"],
    ["Trần Thị Lan", "03/09/1980", "Nữ", "Phó Trưởng phòng", "Phòng Nội vụ (Huyện Đông Sơn)", "Bổ nhiệm",
     "01/01/2018", "27/06/2021", None, "15/01/2027"],
    ["Đinh Vũ", None, None, None, None, None, None, None, "Huyện Đông Sơn", None],
]  # fmt: skip


@pytest.mark.parametrize(
    ("sheet", "headers"),
    [("units", PROVINCE_UNITS[0]), ("cadres", CADRE_HEADERS), ("roster", ROSTER_HEADERS)],
)
def test_each_template_has_bold_headers_an_example_and_a_guide_in_vietnamese(
    client: TestClient, observer: Headers, sheet: str, headers: list[str]
) -> None:
    response = client.get(f"/api/v1/spreadsheets/templates/{sheet}.xlsx", headers=observer)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    data, guide = book.worksheets
    assert guide.title == "Hướng dẫn"
    assert [str(c.value).removesuffix(" *") for c in data[1]] == headers
    assert all(c.font.bold for c in data[1]) and data.column_dimensions["A"].width > 10
    assert data.max_row == 2  # one example row
    described = [row[0] for row in guide.iter_rows(min_row=2, max_row=len(headers) + 1, values_only=True)]
    assert described == headers
    assert any("dd/mm/yyyy" in str(v) for row in guide.iter_rows(values_only=True) for v in row)


def test_the_cadres_template_offers_the_accepted_values_as_drop_downs(
    client: TestClient, observer: Headers
) -> None:
    content = client.get("/api/v1/spreadsheets/templates/cadres.xlsx", headers=observer).content
    data = load_workbook(io.BytesIO(content)).worksheets[0]
    lists = {str(v.sqref): v.formula1 for v in data.data_validations.dataValidation}
    assert lists["F2:F1000"] == '"HĐND bầu,HĐND phê chuẩn,Cấp ủy bầu,Bổ nhiệm"'
    assert data.column_dimensions["B"].number_format == "@"  # dates stay as typed


def test_a_filled_in_template_imports(client: TestClient, organizer: Headers) -> None:
    content = client.get("/api/v1/spreadsheets/templates/units.xlsx", headers=organizer).content
    book = load_workbook(io.BytesIO(content))
    data = book.worksheets[0]
    data.delete_rows(2)
    for row in PROVINCE_UNITS[1:]:
        data.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    assert imported(send(client, organizer, "units", "mau.xlsx", buffer.getvalue()))["created"] == {
        "units": 4
    }


def view(client: TestClient, headers: Headers) -> list[tuple[Any, ...]]:
    """Everything a cadre export carries, by names instead of ids."""
    units = {u["id"]: u for u in client.get("/api/v1/units?limit=200", headers=headers).json()["items"]}
    parent = {i: units[u["parent_id"]]["name"] if u["parent_id"] else None for i, u in units.items()}
    cadres = client.get("/api/v1/cadres?limit=200", headers=headers).json()["items"]
    return sorted(
        (
            c["full_name"],
            c["date_of_birth"],
            c["gender"],
            c["retirement_notice_date"],
            units[c["standing_committee_unit_id"]]["name"] if c["standing_committee_unit_id"] else None,
            tuple(
                (
                    p["title"],
                    units[p["unit_id"]]["name"],
                    parent[p["unit_id"]],
                    p["filled_by"],
                    p["since"],
                    p["ended_on"],
                )
                for p in c["posts"]
            ),
        )
        for c in cadres
    )


def test_export_then_import_into_an_emptied_database_gives_the_same_data(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    imported(send(client, organizer, "units", "u.xlsx", xlsx(UNITS)))
    imported(send(client, organizer, "cadres", "c.xlsx", xlsx(CADRES)))
    before = view(client, organizer)
    units, cadres = export(client, organizer, "units"), export(client, organizer, "cadres")
    assert read_sheet(units)[0] == [h + " *" if h in {"Tên đơn vị", "Cấp"} else h for h in UNITS[0]]
    assert ["Tổ Thi đua", "Huyện", "Phòng Nội vụ (Huyện Tây Hà)"] in read_sheet(units)
    (dinh,) = [row for row in read_sheet(cadres) if row[0] == "Đinh Vũ"]
    assert dinh == ["Đinh Vũ", None, None, None, None, None, None, None, "Huyện Đông Sơn", None]

    for model in (Post, Cadre, Unit):
        session.execute(delete(model))
    session.commit()
    assert client.get("/api/v1/units", headers=organizer).json()["total"] == 0

    assert imported(send(client, organizer, "units", "units.xlsx", units))["created"] == {"units": 7}
    assert imported(send(client, organizer, "cadres", "cadres.xlsx", cadres))["created"]["posts"] == 4
    assert view(client, organizer) == before
    assert sorted(map(tuple, read_sheet(export(client, organizer, "units")))) == sorted(
        map(tuple, read_sheet(units))
    )
    assert read_sheet(export(client, organizer, "cadres")) == read_sheet(cadres)


def test_a_roster_exported_from_one_round_imports_into_another_unchanged(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    first, second = add_round(session), add_round(session)
    rows = [
        ROSTER_HEADERS,
        ["Lê Thị Mai", "Trưởng phòng", "mai@example.vn"],
        ["Đỗ Văn Bình", None, "=1+2"],  # text that looks like a formula stays text
    ]
    imported(send(client, organizer, "roster", "a.csv", csv_file(rows), round_id=first))
    content = export(client, organizer, "roster", round_id=first)
    assert read_sheet(content)[1:] == rows[1:]
    imported(send(client, organizer, "roster", "b.xlsx", content, round_id=second))
    assert read_sheet(export(client, organizer, "roster", round_id=second)) == read_sheet(content)


def test_exports_need_a_reader_and_a_roster_export_needs_its_round(
    client: TestClient, observer: Headers, session: Session
) -> None:
    assert client.get("/api/v1/spreadsheets/export/units.xlsx").status_code == 401
    assert client.get("/api/v1/spreadsheets/export/cadres.xlsx", headers=observer).status_code == 200
    response = client.get("/api/v1/spreadsheets/export/roster.xlsx", headers=observer)
    assert response.status_code == 422 and "round_id" in response.json()["error"]["message"]
    missing = client.get("/api/v1/spreadsheets/export/roster.xlsx?round_id=khong-co", headers=observer)
    assert missing.status_code == 404
    assert client.get("/api/v1/spreadsheets/export/plans.xlsx", headers=observer).status_code == 422
