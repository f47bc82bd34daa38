from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import Any

import pytest
from api_builders import count, make_plan, make_round, make_unit
from fastapi.testclient import TestClient
from openpyxl import Workbook, load_workbook

Headers = dict[str, str]
UNIT_HEADERS = ["Tên đơn vị", "Cấp", "Đơn vị cấp trên"]
CADRE_HEADERS = [
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Chức vụ",
    "Đơn vị",
    "Hình thức",
    "Từ ngày",
    "Ủy viên BTV",
    "Ngày thông báo nghỉ hưu",
]


def xlsx(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def send(client: TestClient, headers: Headers, sheet: str, name: str, content: bytes, **params: str) -> Any:
    return client.post(
        f"/api/v1/spreadsheets/import/{sheet}",
        files={"file": (name, content)},
        params=params,
        headers=headers,
    )


def read(content: bytes) -> list[list[Any]]:
    return [list(r) for r in load_workbook(io.BytesIO(content)).worksheets[0].iter_rows(values_only=True)]


def errors(response: Any) -> list[tuple[int, str]]:
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "import_failed"
    return [(e["row"], e["column"]) for e in response.json()["error"]["details"]["errors"]]


UNITS = [
    UNIT_HEADERS,
    ["Sở Tài chính", "Tỉnh", "Tỉnh Hà Sơn"],
    ["Tỉnh Hà Sơn", "tỉnh", None],
    ["Huyện Đông Sơn", "Huyện", "Tỉnh Hà Sơn"],
    ["Phòng Tài chính - Kế hoạch huyện Đông Sơn", "huyện", "Huyện Đông Sơn"],
]


@pytest.mark.parametrize("sheet", ["units", "cadres", "roster"])
def test_each_template_has_its_headers_an_example_and_a_guide(
    client: TestClient, observer: Headers, sheet: str
) -> None:
    response = client.get(f"/api/v1/spreadsheets/templates/{sheet}.xlsx", headers=observer)
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[1] == "Hướng dẫn"
    header = [c.value for c in book.worksheets[0][1]]
    assert header[0] in {"Tên đơn vị *", "Họ và tên *"}
    assert book.worksheets[0].max_row == 2


def test_units_are_imported_from_excel_with_parents_defined_later_in_the_file(
    client: TestClient, organizer: Headers
) -> None:
    response = send(client, organizer, "units", "don-vi.xlsx", xlsx(UNITS))
    assert response.status_code == 201, response.text
    assert response.json() == {"created": {"units": 4}, "rows_read": 4}
    districts = client.get("/api/v1/units?level=district", headers=organizer).json()["items"]
    assert {u["name"] for u in districts} == {"Huyện Đông Sơn", "Phòng Tài chính - Kế hoạch huyện Đông Sơn"}


def test_units_are_imported_from_csv_with_english_or_unaccented_headers(
    client: TestClient, organizer: Headers
) -> None:
    content = "\ufeffname;level;cap tren\nTỉnh Hà Sơn;province;\nSở Nội vụ;Tinh;Tỉnh Hà Sơn\n".encode()
    response = send(client, organizer, "units", "units.csv", content)
    assert response.status_code == 201, response.text
    assert count(client, organizer, "/api/v1/units") == 2


def test_every_bad_unit_row_is_reported_and_nothing_is_imported(
    client: TestClient, organizer: Headers
) -> None:
    make_unit(client, organizer, "Sở Y tế")
    rows = [
        UNIT_HEADERS,
        ["Sở A", "Xã", None],
        ["Sở B", "Tỉnh", "Không Có"],
        ["Sở C", "Tỉnh", None],
        ["Sở C", "Tỉnh", None],
        ["Sở Y tế", "Tỉnh", None],
        [None, "Tỉnh", None],
    ]
    found = errors(send(client, organizer, "units", "x.xlsx", xlsx(rows)))
    assert found == [
        (2, "Cấp"),
        (7, "Tên đơn vị"),
        (3, "Đơn vị cấp trên"),
        (4, "Tên đơn vị"),
        (5, "Tên đơn vị"),
        (6, "Tên đơn vị"),
    ]
    assert count(client, organizer, "/api/v1/units") == 1


def test_cadres_with_several_posts_are_imported_with_vietnamese_dates(
    client: TestClient, organizer: Headers
) -> None:
    send(client, organizer, "units", "u.xlsx", xlsx(UNITS))
    rows = [
        CADRE_HEADERS,
        [
            "Nguyễn Văn Hùng",
            "14/05/1972",
            "Nam",
            "Giám đốc Sở Tài chính",
            "Sở Tài chính",
            "Bổ nhiệm",
            "01/03/2021",
            "Tỉnh Hà Sơn",
            None,
        ],
        [
            "Nguyễn Văn Hùng",
            datetime(1972, 5, 14),
            "Nam",
            "Bí thư Đảng ủy Sở",
            "Sở Tài chính",
            "Cấp ủy bầu",
            datetime(2020, 10, 2),
            None,
            None,
        ],
        [
            "Trần Thị Lan",
            "3/9/1980",
            "Nữ",
            "Chủ tịch UBND huyện",
            "Huyện Đông Sơn",
            "HĐND bầu",
            "2021-06-28",
            None,
            "15/01/2027",
        ],
    ]
    response = send(client, organizer, "cadres", "can-bo.xlsx", xlsx(rows))
    assert response.status_code == 201, response.text
    assert response.json()["created"] == {"cadres": 2, "cadres_updated": 0, "posts": 3}
    (hung,) = client.get("/api/v1/cadres?q=Hùng", headers=organizer).json()["items"]
    assert hung["date_of_birth"] == "1972-05-14" and hung["standing_committee_unit_id"] is not None
    assert [(p["title"], p["filled_by"], p["since"]) for p in hung["posts"]] == [
        ("Bí thư Đảng ủy Sở", "party_elected", "2020-10-02"),
        ("Giám đốc Sở Tài chính", "appointed", "2021-03-01"),
    ]
    (lan,) = client.get("/api/v1/cadres?q=Lan", headers=organizer).json()["items"]
    assert (lan["gender"], lan["retirement_notice_date"], lan["posts"][0]["rulebook"]) == (
        "female",
        "2027-01-15",
        "nq96",
    )


def test_every_bad_cadre_cell_is_reported_in_vietnamese_and_nothing_is_imported(
    client: TestClient, organizer: Headers
) -> None:
    send(client, organizer, "units", "u.xlsx", xlsx(UNITS))
    rows = [
        CADRE_HEADERS,
        ["Lê Văn An", "31/02/1970", "Nam", "Giám đốc", "Sở Tài chính", "Bổ nhiệm", "01/03/2021", None, None],
        ["Lê Văn Bình", "01/01/1970", "Nam", "Giám đốc", "Sở Không Có", "Bổ nhiệm", "01/03/2021", None, None],
        ["Lê Văn Chí", "01/01/1970", "Nam", "Giám đốc", "Sở Tài chính", "Thừa kế", "01/08/2027", None, None],
        ["Lê Văn Chí", "01/01/1970", "Nam", "Giám đốc", "Sở Tài chính", "Bổ nhiệm", "01/03/2021", None, None],
    ]
    response = send(client, organizer, "cadres", "x.xlsx", xlsx(rows))
    details = response.json()["error"]["details"]["errors"]
    assert errors(response) == [
        (2, "Ngày sinh"),
        (3, "Đơn vị"),
        (4, "Hình thức"),
        (4, "Từ ngày"),
        (5, "Chức vụ"),
    ]
    assert details[0]["message"] == "Ngày '31/02/1970' không hợp lệ, dùng dạng dd/mm/yyyy"
    assert details[0]["value"] == "31/02/1970"
    assert count(client, organizer, "/api/v1/cadres") == 0


def test_a_roster_is_imported_and_duplicates_are_refused_row_by_row(
    client: TestClient, organizer: Headers
) -> None:
    unit = make_unit(client, organizer, "Sở Tài chính")
    round_id = make_round(client, organizer, make_plan(client, organizer), unit)["id"]
    first = "Họ và tên,Chức vụ,Liên hệ\nLê Thị Mai,Trưởng phòng,mai@example.vn\nĐỗ Văn Bình,,\n".encode()
    assert send(client, organizer, "roster", "ds.csv", first, round_id=round_id).status_code == 201
    again = "Họ và tên,Chức vụ,Liên hệ\nLê Thị Mai,Trưởng phòng,mai@example.vn\nHà Cúc,,\nHà Cúc,,\n".encode()
    assert errors(send(client, organizer, "roster", "ds.csv", again, round_id=round_id)) == [
        (2, "Họ và tên"),
        (4, "Họ và tên"),
    ]
    roster = client.get(f"/api/v1/rounds/{round_id}/roster", headers=organizer).json()["items"]
    assert [r["full_name"] for r in roster] == ["Đỗ Văn Bình", "Lê Thị Mai"]  # by given name
    exported = client.get(f"/api/v1/spreadsheets/export/roster.xlsx?round_id={round_id}", headers=organizer)
    other = make_round(
        client, organizer, client.get(f"/api/v1/rounds/{round_id}", headers=organizer).json()["plan_id"], unit
    )["id"]
    assert send(client, organizer, "roster", "ds.xlsx", exported.content, round_id=other).status_code == 201
    copied = client.get(f"/api/v1/rounds/{other}/roster", headers=organizer).json()["items"]
    assert [(r["full_name"], r["title"], r["contact"]) for r in copied] == [
        (r["full_name"], r["title"], r["contact"]) for r in roster
    ]


def test_exports_are_in_the_import_format(client: TestClient, organizer: Headers) -> None:
    send(client, organizer, "units", "u.xlsx", xlsx(UNITS))
    duc = [
        "Phạm Văn Đức",
        "02/02/1975",
        "Nam",
        "Giám đốc Sở Tài chính",
        "Sở Tài chính",
        "Bổ nhiệm",
        "01/03/2021",
    ]
    send(client, organizer, "cadres", "c.xlsx", xlsx([CADRE_HEADERS, duc]))
    cadres = read(client.get("/api/v1/spreadsheets/export/cadres.xlsx", headers=organizer).content)
    assert cadres[1] == [*duc, None, None, None]
    units = read(client.get("/api/v1/spreadsheets/export/units.xlsx", headers=organizer).content)
    assert sorted(tuple(r) for r in units[1:]) == sorted(
        (name, "Tỉnh" if level.lower() == "tỉnh" else "Huyện", parent) for name, level, parent in UNITS[1:]
    )
    again = errors(send(client, organizer, "cadres", "same.xlsx", xlsx(cadres)))
    assert again == [(2, "Chức vụ")]  # the same post twice is refused, not duplicated


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("rac.xlsx", b"\x00\x01 not a workbook", "Không đọc được tệp Excel"),
        ("nen.xlsx", b"PK\x05\x06" + b"\x00" * 18, "không phải bảng tính"),
        ("hong.xlsx", xlsx(UNITS)[:300], "Không đọc được tệp Excel"),
        ("sai-cot.csv", "Họ,Tuổi\nA,1\n".encode(), "Thiếu cột bắt buộc: Tên đơn vị, Cấp"),
        ("ghi-chu.txt", b"hello", "Chỉ nhận tệp Excel"),
        ("rong.csv", b"", "không có dữ liệu"),
        ("tieu-de.csv", "Tên đơn vị,Cấp\n".encode(), "chỉ có dòng tiêu đề"),
        (
            "latin1.csv",
            "Tên đơn vị,Cấp\nSở,Tỉnh\n".encode("cp1258", errors="replace").replace(b"?", b"\xe9"),
            "UTF-8",
        ),
    ],
)
def test_a_malformed_file_gets_a_clear_message(
    client: TestClient, organizer: Headers, name: str, content: bytes, words: str
) -> None:
    response = send(client, organizer, "units", name, content)
    assert response.status_code == 422, response.text
    assert words in response.json()["error"]["message_vi"]


def test_a_workbook_that_is_a_zip_but_not_excel_is_refused(client: TestClient, organizer: Headers) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    response = send(client, organizer, "units", "van-ban.xlsx", buffer.getvalue())
    assert response.status_code == 422 and "không phải bảng tính" in response.json()["error"]["message_vi"]


def test_an_oversized_file_is_refused(client: TestClient, organizer: Headers) -> None:
    app: Any = client.app
    app.state.settings = app.state.settings.model_copy(update={"import_max_bytes": 2048})
    response = send(client, organizer, "units", "lon.csv", b"a" * 5000)
    assert response.status_code == 413


def test_an_observer_cannot_import_and_a_roster_export_needs_a_round(
    client: TestClient, observer: Headers
) -> None:
    assert send(client, observer, "units", "u.xlsx", xlsx(UNITS)).status_code == 403
    response = client.get("/api/v1/spreadsheets/export/roster.xlsx", headers=observer)
    assert response.status_code == 422 and "round_id" in response.json()["error"]["message"]
