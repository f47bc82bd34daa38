from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sheet_builders import (
    ROSTER_HEADERS,
    add_round,
    csv_file,
    errors,
    imported,
    messages,
    row_count,
    send,
    xlsx,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import RosterEntry, RoundStatus

Headers = dict[str, str]


def roster(session: Session, round_id: str) -> list[tuple[int, str, str, str]]:
    session.expire_all()
    entries = session.scalars(
        select(RosterEntry).where(RosterEntry.round_id == round_id).order_by(RosterEntry.position)
    )
    return [(e.position, e.full_name, e.title, e.contact) for e in entries]


def test_a_roster_is_imported_from_excel_in_the_order_of_the_rows(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    round_id = add_round(session)
    rows = [
        ROSTER_HEADERS,
        ["Lê Thị Mai", "Trưởng phòng Ngân sách", "mai.lt@example.vn"],
        ["Đỗ Văn Bình", None, 912345678],
        ["  Hà   Thị Cúc ", "Chuyên viên", None],
    ]
    response = send(client, organizer, "roster", "trieu-tap.xlsx", xlsx(rows), round_id=round_id)
    assert imported(response) == {"created": {"roster_entries": 3}, "rows_read": 3}
    assert roster(session, round_id) == [
        (1, "Lê Thị Mai", "Trưởng phòng Ngân sách", "mai.lt@example.vn"),
        (2, "Đỗ Văn Bình", "", "912345678"),
        (3, "Hà Thị Cúc", "Chuyên viên", ""),
    ]


def test_a_roster_is_imported_from_csv_after_the_people_already_summoned(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    round_id = add_round(session)
    first = csv_file([["name", "title", "contact"], ["Lê Thị Mai", "", ""]])
    imported(send(client, organizer, "roster", "a.csv", first, round_id=round_id))
    second = csv_file([["Ho va ten", "Chuc vu", "Lien he"], ["Trịnh Công", "Phó Giám đốc", "0912 345 678"]])
    imported(send(client, organizer, "roster", "b.csv", second, round_id=round_id))
    assert [(p, n) for p, n, _, _ in roster(session, round_id)] == [(1, "Lê Thị Mai"), (2, "Trịnh Công")]


def test_duplicates_in_the_file_or_in_the_round_are_refused_row_by_row(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    round_id = add_round(session)
    first = [ROSTER_HEADERS, ["Lê Thị Mai", "Trưởng phòng", "mai@example.vn"]]
    imported(send(client, organizer, "roster", "a.xlsx", xlsx(first), round_id=round_id))
    again = [
        ROSTER_HEADERS,
        ["LÊ THỊ MAI", "Trưởng phòng", "MAI@example.vn"],
        ["Lê Thị Mai", "Trưởng phòng", "mai.khac@example.vn"],
        ["Hà Cúc", "", ""],
        ["Hà Cúc", "", ""],
        ["", "Chuyên viên", ""],
    ]
    response = send(client, organizer, "roster", "b.xlsx", xlsx(again), round_id=round_id)
    assert errors(response) == [(2, "Họ và tên"), (5, "Họ và tên"), (6, "Họ và tên")]
    assert "đã có trong danh sách triệu tập" in messages(response)[0]
    assert "lặp lại trong tệp (dòng 4)" in messages(response)[1]
    assert messages(response)[2] == "Ô này bắt buộc, chưa có nội dung"
    assert len(roster(session, round_id)) == 1


def test_a_roster_needs_a_round_that_exists_and_is_still_being_prepared(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    content = xlsx([ROSTER_HEADERS, ["Lê Thị Mai", "", ""]])
    missing = send(client, organizer, "roster", "a.xlsx", content)
    assert missing.status_code == 422 and "round_id" in missing.text
    assert send(client, organizer, "roster", "a.xlsx", content, round_id="khong-co").status_code == 404
    open_round = add_round(session, RoundStatus.OPEN)
    response = send(client, organizer, "roster", "a.xlsx", content, round_id=open_round)
    assert response.status_code == 409
    assert row_count(session, RosterEntry) == 0


def test_a_malformed_roster_file_changes_nothing(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    round_id = add_round(session)
    response: Any = send(client, organizer, "roster", "ds.xlsx", b"PK\x03\x04 broken", round_id=round_id)
    assert (
        response.status_code == 422 and "Không đọc được tệp Excel" in response.json()["error"]["message_vi"]
    )
    assert row_count(session, RosterEntry) == 0


def test_an_observer_cannot_import_a_roster(client: TestClient, observer: Headers, session: Session) -> None:
    round_id = add_round(session)
    content = csv_file([ROSTER_HEADERS, ["Lê Thị Mai", "", ""]])
    assert send(client, observer, "roster", "a.csv", content, round_id=round_id).status_code == 403
    assert row_count(session, RosterEntry) == 0
