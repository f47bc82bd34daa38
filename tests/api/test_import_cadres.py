from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sheet_builders import (
    CADRE_HEADERS,
    PROVINCE_UNITS,
    csv_file,
    errors,
    imported,
    messages,
    row_count,
    send,
    xlsx,
)
from sqlalchemy.orm import Session

from app.models import Cadre, Post

Headers = dict[str, str]


def person(
    name: str, post: str = "Giám đốc Sở Tài chính", unit: str = "Sở Tài chính", **cells: Any
) -> list[Any]:
    """A row of the cadres sheet; keyword names are the column keys (born, how, since, ended, …)."""
    return [
        name,
        cells.get("born", "14/05/1972"),
        cells.get("gender", "Nam"),
        post,
        unit,
        cells.get("how", "Bổ nhiệm"),
        cells.get("since", "01/03/2021"),
        cells.get("ended"),
        cells.get("standing"),
        cells.get("retirement"),
    ]


@pytest.fixture
def units(client: TestClient, organizer: Headers) -> None:
    rows = [
        *PROVINCE_UNITS,
        ["Phòng Nội vụ", "Huyện", "Huyện Đông Sơn"],
        ["Phòng Nội vụ", "Huyện", "Huyện Tây Hà"],
    ]
    imported(send(client, organizer, "units", "u.xlsx", xlsx(rows)))


def cadre(client: TestClient, headers: Headers, q: str) -> dict[str, Any]:
    (found,) = client.get("/api/v1/cadres", params={"q": q}, headers=headers).json()["items"]
    return dict(found)


def unit_id(client: TestClient, headers: Headers, name: str) -> str:
    (found,) = client.get("/api/v1/units", params={"q": name}, headers=headers).json()["items"]
    return str(found["id"])


@pytest.mark.usefixtures("units")
def test_rows_of_one_person_become_one_cadre_with_several_posts(
    client: TestClient, organizer: Headers
) -> None:
    rows = [
        CADRE_HEADERS,
        person("Nguyễn Văn Hùng", standing="Tỉnh Hà Sơn"),
        person(
            "Nguyễn Văn Hùng",
            "Bí thư Đảng ủy Sở",
            born=datetime(1972, 5, 14),  # a real Excel date cell
            how="Cấp ủy bầu",
            since=datetime(2020, 10, 2),
            standing="Tỉnh Hà Sơn",
        ),
        person("Trần Thị Lan", "Chủ tịch UBND huyện", "Huyện Đông Sơn", born="3/9/1980", gender="Nữ",
               how="HĐND bầu", since="2021-06-28", retirement="15/01/2027"),
    ]  # fmt: skip
    response = send(client, organizer, "cadres", "can-bo.xlsx", xlsx(rows))
    assert imported(response) == {"created": {"cadres": 2, "cadres_updated": 0, "posts": 3}, "rows_read": 3}
    hung = cadre(client, organizer, "Hùng")
    assert hung["date_of_birth"] == "1972-05-14"
    assert hung["standing_committee_unit_id"] == unit_id(client, organizer, "Tỉnh Hà Sơn")
    assert [(p["title"], p["filled_by"], p["since"]) for p in hung["posts"]] == [
        ("Bí thư Đảng ủy Sở", "party_elected", "2020-10-02"),
        ("Giám đốc Sở Tài chính", "appointed", "2021-03-01"),
    ]
    lan = cadre(client, organizer, "Lan")
    assert (lan["gender"], lan["date_of_birth"], lan["retirement_notice_date"]) == (
        "female",
        "1980-09-03",
        "2027-01-15",
    )
    assert lan["posts"][0]["filled_by"] == "council_elected"


@pytest.mark.usefixtures("units")
def test_cadres_are_imported_from_csv_with_unaccented_or_english_headers(
    client: TestClient, organizer: Headers
) -> None:
    header = ["ho ten", "Ngày sinh (dd/mm/yyyy)", "gender", "post", "unit", "filled_by", "since", "end date"]
    rows = [
        header,
        ["Lê Văn Tâm", "02.02.1975", "male", "Phó Giám đốc", "Sở Tài chính", "appointed", "15/03/2022", ""],
        [
            "Lê Văn Tâm",
            "02/02/1975",
            "Nam",
            "Trưởng phòng",
            "Sở Tài chính",
            "Bổ nhiệm",
            "01/01/2019",
            "14/03/2022",
        ],
        ["Đỗ Thu", "", "", "Trưởng phòng", "Phòng Nội vụ (Huyện Tây Hà)", "HĐND phê chuẩn", "01/07/2021", ""],
    ]
    response = send(client, organizer, "cadres", "can-bo.csv", csv_file(rows, delimiter=";", bom=True))
    assert imported(response)["created"] == {"cadres": 2, "cadres_updated": 0, "posts": 3}
    tam = cadre(client, organizer, "Tâm")
    assert [(p["title"], p["ended_on"]) for p in tam["posts"]] == [
        ("Trưởng phòng", "2022-03-14"),
        ("Phó Giám đốc", None),
    ]
    thu = cadre(client, organizer, "Đỗ Thu")
    assert thu["date_of_birth"] is None and thu["posts"][0]["filled_by"] == "council_elected"


@pytest.mark.usefixtures("units")
def test_a_person_already_known_gets_the_new_posts_and_a_post_held_twice_is_refused(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    imported(send(client, organizer, "cadres", "a.xlsx", xlsx([CADRE_HEADERS, person("Phạm Đức")])))
    second = [
        CADRE_HEADERS,
        person("Phạm Đức", "Bí thư Đảng ủy Sở", how="Đảng bầu"),
        person("Phạm Đức", gender=None),
    ]
    response = send(client, organizer, "cadres", "b.xlsx", xlsx(second))
    assert errors(response) == [(3, "Chức vụ")]
    assert "đã có chức vụ 'Giám đốc Sở Tài chính' tại đơn vị này (trong hệ thống)" in messages(response)[0]
    assert row_count(session, Post) == 1

    response = send(client, organizer, "cadres", "c.xlsx", xlsx(second[:2]))
    assert imported(response)["created"] == {"cadres": 0, "cadres_updated": 1, "posts": 1}
    assert len(cadre(client, organizer, "Phạm Đức")["posts"]) == 2


@pytest.mark.usefixtures("units")
def test_every_bad_cell_is_reported_in_vietnamese_and_nothing_is_written(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    rows = [
        CADRE_HEADERS,
        person("Lê Văn An", born="31/02/1970"),
        person("Lê Văn Bình", unit="Sở Không Có"),
        person("Lê Văn Chí", how="Thừa kế", since="01/08/2027"),
        person("Lê Văn Chí", since="01/01/2020", ended="01/01/2019"),
        person("Lê Văn Dũng", unit="Phòng Nội vụ"),
        person("Lê Văn Dũng", "Phó Giám đốc", gender="Nữ", standing="Sở Tài chính"),
        person("", born="01/01/2015"),
        person("Lê Văn Em", born="01/01/2015", gender="Khác", post="", retirement="ngày mai"),
    ]
    response = send(client, organizer, "cadres", "loi.xlsx", xlsx(rows))
    assert errors(response) == [
        (2, "Ngày sinh"),
        (3, "Đơn vị"),
        (4, "Hình thức"),
        (4, "Từ ngày"),
        (5, "Đến ngày"),
        (5, "Chức vụ"),
        (6, "Đơn vị"),
        (7, "Giới tính"),
        (7, "Ủy viên BTV"),
        (8, "Họ và tên"),
        (8, "Ngày sinh"),
        (9, "Ngày sinh"),
        (9, "Giới tính"),
        (9, "Chức vụ"),
        (9, "Ngày thông báo nghỉ hưu"),
    ]
    found = dict(zip(errors(response), messages(response), strict=True))
    assert found[(2, "Ngày sinh")] == "Ngày '31/02/1970' không hợp lệ, dùng dạng dd/mm/yyyy"
    assert response.json()["error"]["details"]["errors"][0]["value"] == "31/02/1970"
    assert "ở tương lai" in found[(4, "Từ ngày")]
    assert "dòng 4" in found[(5, "Chức vụ")]
    assert "ví dụ 'Phòng Nội vụ (Huyện Đông Sơn)'" in found[(6, "Đơn vị")]
    assert "Khác với dòng 6 của cùng người" in found[(7, "Giới tính")]
    assert "có phải 'Tỉnh Hà Sơn'?" in found[(7, "Ủy viên BTV")]
    assert "ngoài khoảng 18–100" in found[(9, "Ngày sinh")]
    assert (row_count(session, Cadre), row_count(session, Post)) == (0, 0)


@pytest.mark.usefixtures("units")
def test_a_row_without_a_post_records_the_person_only(client: TestClient, organizer: Headers) -> None:
    rows = [CADRE_HEADERS, ["Vũ Hà", "01/01/1970", "Nữ", None, None, None, None, None, "Tỉnh Hà Sơn", None]]
    assert imported(send(client, organizer, "cadres", "v.xlsx", xlsx(rows)))["created"]["cadres"] == 1
    found = cadre(client, organizer, "Vũ Hà")
    assert (found["posts"], found["gender"]) == ([], "female")


def test_a_unit_that_is_archived_takes_no_new_post(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    imported(send(client, organizer, "units", "u.xlsx", xlsx(PROVINCE_UNITS)))
    archived = client.post(
        f"/api/v1/units/{unit_id(client, organizer, 'Sở Tài chính')}/archive", headers=organizer
    )
    assert archived.status_code == 200, archived.text
    response = send(client, organizer, "cadres", "c.xlsx", xlsx([CADRE_HEADERS, person("Hà Văn Lâm")]))
    assert errors(response) == [(2, "Đơn vị")]
    assert "đã lưu trữ" in messages(response)[0]
    assert row_count(session, Cadre) == 0


def test_units_must_be_imported_before_their_cadres(client: TestClient, organizer: Headers) -> None:
    response = send(client, organizer, "cadres", "c.csv", csv_file([CADRE_HEADERS, person("Hà Văn Lâm")]))
    assert errors(response) == [(2, "Đơn vị")]
    assert "Không có đơn vị 'Sở Tài chính' trong hệ thống" in messages(response)[0]


def test_a_cadres_file_without_its_post_columns_names_them(client: TestClient, organizer: Headers) -> None:
    response = send(client, organizer, "cadres", "c.csv", csv_file([["Họ và tên", "Ngày sinh"], ["A", ""]]))
    assert response.status_code == 422
    assert "Thiếu cột bắt buộc: Chức vụ, Đơn vị, Hình thức, Từ ngày" in response.json()["error"]["message_vi"]


def test_an_observer_cannot_import_cadres(client: TestClient, observer: Headers) -> None:
    assert send(client, observer, "cadres", "c.csv", csv_file([CADRE_HEADERS])).status_code == 403
