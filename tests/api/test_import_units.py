from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook
from sheet_builders import (
    PROVINCE_UNITS,
    UNIT_HEADERS,
    csv_file,
    errors,
    imported,
    messages,
    row_count,
    send,
    xlsx,
)
from sqlalchemy.orm import Session

from app.models import Unit

Headers = dict[str, str]


def tree(client: TestClient, headers: Headers) -> set[tuple[str, str, str | None]]:
    """(name, level, parent name) of every unit, as the API shows them."""
    units = client.get("/api/v1/units?limit=200", headers=headers).json()["items"]
    names = {u["id"]: u["name"] for u in units}
    return {(u["name"], u["level"], names.get(u["parent_id"])) for u in units}


def test_units_are_imported_from_excel_with_parents_defined_later_in_the_file(
    client: TestClient, organizer: Headers
) -> None:
    response = send(client, organizer, "units", "don-vi.xlsx", xlsx(PROVINCE_UNITS))
    assert imported(response) == {"created": {"units": 4}, "rows_read": 4}
    assert tree(client, organizer) == {
        ("Tỉnh Hà Sơn", "province", None),
        ("Sở Tài chính", "province", "Tỉnh Hà Sơn"),
        ("Huyện Đông Sơn", "district", "Tỉnh Hà Sơn"),
        ("Huyện Tây Hà", "district", "Tỉnh Hà Sơn"),
    }


@pytest.mark.parametrize(
    ("headers", "delimiter", "bom"),
    [
        (["Tên đơn vị", "Cấp", "Đơn vị cấp trên"], ",", False),
        (["Ten don vi", "cap", "DON VI CAP TREN"], ";", True),
        (["name", "level", "parent"], ",", True),
        (["Tên đơn vị *", "Cấp (Tỉnh/Huyện) *", "Parent unit"], ";", False),
    ],
)
def test_units_are_imported_from_csv_with_vietnamese_english_or_unaccented_headers(
    client: TestClient, organizer: Headers, headers: list[str], delimiter: str, bom: bool
) -> None:
    rows = [headers, ["Tỉnh Hà Sơn", "province", ""], ["Huyện Đông Sơn", "Huyen", "Tỉnh Hà Sơn"]]
    response = send(client, organizer, "units", "don-vi.csv", csv_file(rows, delimiter=delimiter, bom=bom))
    assert imported(response)["created"] == {"units": 2}
    assert ("Huyện Đông Sơn", "district", "Tỉnh Hà Sơn") in tree(client, organizer)


def test_a_parent_may_be_a_unit_already_in_the_database(client: TestClient, organizer: Headers) -> None:
    send(client, organizer, "units", "tinh.csv", csv_file([UNIT_HEADERS, ["Tỉnh Hà Sơn", "Tỉnh", ""]]))
    rows = [UNIT_HEADERS, ["Sở Nội vụ", "Tỉnh", "tỉnh hà sơn"]]
    assert imported(send(client, organizer, "units", "so.xlsx", xlsx(rows)))["created"] == {"units": 1}
    assert ("Sở Nội vụ", "province", "Tỉnh Hà Sơn") in tree(client, organizer)


def test_departments_with_the_same_name_in_two_districts_are_told_apart_by_their_parent(
    client: TestClient, organizer: Headers
) -> None:
    rows = [
        *PROVINCE_UNITS,
        ["Phòng Nội vụ", "Huyện", "Huyện Đông Sơn"],
        ["Phòng Nội vụ", "Huyện", "Huyện Tây Hà"],
        ["Tổ Thi đua", "Huyện", "Phòng Nội vụ (Huyện Tây Hà)"],
    ]
    assert imported(send(client, organizer, "units", "u.xlsx", xlsx(rows)))["created"] == {"units": 7}
    assert ("Tổ Thi đua", "district", "Phòng Nội vụ") in tree(client, organizer)

    ambiguous = [UNIT_HEADERS, ["Tổ Pháp chế", "Huyện", "Phòng Nội vụ"]]
    response = send(client, organizer, "units", "u2.xlsx", xlsx(ambiguous))
    assert errors(response) == [(2, "Đơn vị cấp trên")]
    assert "ví dụ 'Phòng Nội vụ (Huyện Đông Sơn)'" in messages(response)[0]
    assert len(tree(client, organizer)) == 7


def test_every_bad_row_is_reported_with_the_row_number_excel_shows_and_nothing_is_written(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    send(client, organizer, "units", "u.xlsx", xlsx(PROVINCE_UNITS))
    before = row_count(session, Unit)
    rows = [
        UNIT_HEADERS,  # row 3: a title and a blank line sit above the header
        ["Sở Y tế", "Tỉnh", "Tỉnh Hà Sơn"],
        ["Sở Xây dựng", "Xã", "Tỉnh Hà Sơn"],
        [None, None, None],
        ["Sở Công thương", "Tỉnh", "Tỉnh Hà Nam"],
        ["Sở Tài chính", "Tỉnh", "Tỉnh Hà Sơn"],
        ["Sở Y tế", "Tỉnh", "Tỉnh Hà Sơn"],
        [None, "Huyện", "Huyện Đông Sơn"],
        ["Ban Đông Sơn", "Tỉnh", "Huyện Đông Sơn"],
    ]
    response = send(client, organizer, "units", "loi.xlsx", xlsx(rows, above=[["DANH SÁCH ĐƠN VỊ"], []]))
    assert errors(response) == [
        (5, "Cấp"),
        (10, "Tên đơn vị"),
        (4, "Tên đơn vị"),
        (7, "Đơn vị cấp trên"),
        (8, "Tên đơn vị"),
        (9, "Tên đơn vị"),
        (11, "Cấp"),
    ]
    details = response.json()["error"]["details"]
    assert details["rows_read"] == 7
    assert details["errors"][0] == {
        "row": 5,
        "column": "Cấp",
        "message": "Giá trị 'Xã' không hợp lệ; dùng: Tỉnh, Huyện",
        "value": "Xã",
    }
    assert "Không tìm thấy đơn vị cấp trên 'Tỉnh Hà Nam'" in details["errors"][3]["message"]
    assert "dòng 9" in details["errors"][2]["message"]
    assert "đã có trong hệ thống" in details["errors"][4]["message"]
    assert row_count(session, Unit) == before


def test_parents_that_go_round_in_a_circle_are_refused(client: TestClient, organizer: Headers) -> None:
    rows = [UNIT_HEADERS, ["Ban A", "Tỉnh", "Ban B"], ["Ban B", "Tỉnh", "Ban A"], ["Ban C", "Tỉnh", "Ban C"]]
    response = send(client, organizer, "units", "vong.xlsx", xlsx(rows))
    assert errors(response) == [(2, "Đơn vị cấp trên"), (3, "Đơn vị cấp trên"), (4, "Đơn vị cấp trên")]
    assert "vòng tròn (Ban A → Ban B → Ban A)" in messages(response)[0]
    assert client.get("/api/v1/units", headers=organizer).json()["total"] == 0


def test_every_error_is_listed_up_to_two_hundred(client: TestClient, organizer: Headers) -> None:
    rows = [UNIT_HEADERS, *([f"Sở {n}", "Phường", None] for n in range(250))]
    response = send(client, organizer, "units", "nhieu.csv", csv_file(rows))
    assert len(errors(response)) == 200
    details = response.json()["error"]["details"]
    assert (details["error_count"], details["rows_read"]) == (250, 250)
    assert "250 lỗi" in response.json()["error"]["message_vi"]


def zip_of(name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("rac.xlsx", b"\x00\x01\x02 random bytes, not a workbook", "Không đọc được tệp Excel"),
        ("van-ban.xlsx", zip_of("word/document.xml"), "không phải bảng tính Excel"),
        ("cu.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "Excel 97-2003 (.xls)"),
        ("cat-doi.xlsx", xlsx(PROVINCE_UNITS)[:400], "Không đọc được tệp Excel"),
        ("sai-cot.csv", csv_file([["Họ", "Tuổi"], ["A", "1"]]), "Thiếu cột bắt buộc: Tên đơn vị, Cấp"),
        (
            "can-bo.csv",
            csv_file([["Họ và tên", "Chức vụ", "Liên hệ"], ["A", "B", "C"]]),
            "danh sách 'Danh sách",
        ),
        ("rong.csv", b"", "không có dữ liệu"),
        ("rong.xlsx", xlsx([]), "không có dữ liệu"),
        ("tieu-de.xlsx", xlsx([UNIT_HEADERS]), "chỉ có dòng tiêu đề"),
        ("latin1.csv", b"T\xean don vi,C\xe2p\nS\xf4,T\xecnh\n", "UTF-8"),
        ("dai.csv", b'Ten don vi,Cap\n"' + b"a" * 140_000 + b'",Tinh\n', "Một ô dài quá"),
        ("ghi-chu.txt", b"Ten don vi,Cap\n", "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)"),
    ],
)
def test_a_file_that_is_not_a_usable_spreadsheet_gets_a_clear_message(
    client: TestClient, organizer: Headers, name: str, content: bytes, words: str
) -> None:
    response = send(client, organizer, "units", name, content)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "import_failed"
    assert words in response.json()["error"]["message_vi"]
    assert client.get("/api/v1/units", headers=organizer).json()["total"] == 0


def test_missing_columns_are_one_error_naming_them(client: TestClient, organizer: Headers) -> None:
    response = send(
        client, organizer, "units", "thieu.csv", csv_file([["Tên đơn vị", "Ghi chú"], ["A", "B"]])
    )
    assert response.json()["error"]["details"]["errors"] == [
        {"row": 1, "column": "Cấp", "message": "Thiếu cột bắt buộc", "value": ""}
    ]


def test_a_workbook_is_recognised_by_its_content_and_its_data_sheet_by_its_columns(
    client: TestClient, organizer: Headers
) -> None:
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.append(["Ghi chú: danh sách gửi Sở Nội vụ"])
    data = book.create_sheet("Đơn vị")
    for row in PROVINCE_UNITS:
        data.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    response = send(client, organizer, "units", "khong-duoi", buffer.getvalue())
    assert imported(response)["created"] == {"units": 4}


def test_an_oversized_file_is_refused_before_it_is_read(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    app: Any = client.app
    app.state.settings = app.state.settings.model_copy(update={"import_max_bytes": 1024})
    rows = [UNIT_HEADERS, *([f"Sở số {n}", "Tỉnh", None] for n in range(100))]
    response = send(client, organizer, "units", "lon.csv", csv_file(rows))
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    assert row_count(session, Unit) == 0


def test_an_observer_cannot_import(client: TestClient, observer: Headers, session: Session) -> None:
    response = send(client, observer, "units", "u.xlsx", xlsx(PROVINCE_UNITS))
    assert response.status_code == 403
    assert row_count(session, Unit) == 0
