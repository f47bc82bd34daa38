"""The import page: a preview of the parsed rows and every row error before anything is saved, then
the save of exactly the previewed file; templates and exports to download."""

from __future__ import annotations

import io
import re

from fastapi.testclient import TestClient
from model_builders import make_unit
from openpyxl import load_workbook
from page_helpers import csrf_of, log_in, make_user
from sheet_builders import PROVINCE_UNITS, UNIT_HEADERS, row_count, xlsx
from sqlalchemy.orm import Session

from app.models import ImportDraft, Unit
from app.models.user import Role


def upload(pages: TestClient, sheet: str, name: str, content: bytes, **fields: str):
    token = csrf_of(pages.get("/import"))
    return pages.post(
        "/import",
        data={"csrf": token, "sheet": sheet, **fields},
        files={"file": (name, content)},
        follow_redirects=False,
    )


def test_a_clean_sheet_is_previewed_row_by_row_and_saved_only_when_asked(
    pages: TestClient, session: Session
) -> None:
    log_in(pages, make_user(session))
    preview = upload(pages, "units", "don-vi.xlsx", xlsx(PROVINCE_UNITS))
    assert preview.status_code == 200
    assert "Không có lỗi." in preview.text and "4 đơn vị mới" in preview.text
    assert "Huyện Đông Sơn" in preview.text  # the parsed rows are shown
    assert row_count(session, Unit) == 0  # a preview saves nothing
    draft = re.search(r'name="draft_id" value="([^"]+)"', preview.text)
    assert draft
    saved = pages.post(
        "/import/save", data={"csrf": csrf_of(preview), "draft_id": draft.group(1)}, follow_redirects=False
    )
    assert saved.status_code == 303 and saved.headers["location"] == "/import?units=4"
    assert "Đã lưu:" in pages.get(saved.headers["location"]).text
    assert row_count(session, Unit) == 4 and row_count(session, ImportDraft) == 0
    # The same preview cannot be saved twice.
    again = pages.post("/import/save", data={"csrf": csrf_of(preview), "draft_id": draft.group(1)})
    assert again.status_code == 404 and "đã hết hạn hoặc đã được lưu" in again.text
    assert row_count(session, Unit) == 4


def test_row_errors_are_listed_by_row_and_column_and_nothing_is_kept(
    pages: TestClient, session: Session
) -> None:
    make_unit(session, "Tỉnh Hà Sơn")
    log_in(pages, make_user(session))
    rows = [UNIT_HEADERS, ["Sở Công Thương", "Tỉnh", "Tỉnh Hà Sơn"], ["Sở Nội vụ", "xã", "Tỉnh Không Có"]]
    preview = upload(pages, "units", "loi.xlsx", xlsx(rows))
    assert preview.status_code == 422
    assert "chưa lưu gì" in preview.text and 'name="draft_id"' not in preview.text
    listed = preview.text.split("Các dòng đọc được")[0]
    errors = re.findall(r'<tr><td class="num">(\d+)</td><td>([^<]+)</td>', listed)
    assert errors and all(row == "3" for row, _ in errors)
    assert row_count(session, Unit) == 1 and row_count(session, ImportDraft) == 0


def test_a_file_that_is_not_a_sheet_is_refused_whole_in_vietnamese(
    pages: TestClient, session: Session
) -> None:
    log_in(pages, make_user(session))
    preview = upload(pages, "cadres", "anh.xlsx", b"\x89PNG not a workbook")
    assert preview.status_code == 422 and "Không nhập được tệp này:" in preview.text


def test_a_draft_belongs_to_its_uploader(pages: TestClient, session: Session) -> None:
    log_in(pages, make_user(session))
    preview = upload(pages, "units", "don-vi.xlsx", xlsx(PROVINCE_UNITS))
    draft = re.search(r'name="draft_id" value="([^"]+)"', preview.text)
    assert draft
    pages.cookies.clear()
    log_in(pages, make_user(session))
    token = csrf_of(pages.get("/import"))
    stolen = pages.post("/import/save", data={"csrf": token, "draft_id": draft.group(1)})
    assert stolen.status_code == 404 and row_count(session, Unit) == 0


def test_templates_and_exports_download_as_workbooks(pages: TestClient, session: Session) -> None:
    make_unit(session, "Sở Tài chính")
    log_in(pages, make_user(session, Role.OBSERVER))
    template = pages.get("/import/templates/cadres.xlsx")
    assert template.status_code == 200 and "attachment" in template.headers["content-disposition"]
    assert load_workbook(io.BytesIO(template.content)).active["A1"].value.startswith("Họ và tên")
    exported = load_workbook(io.BytesIO(pages.get("/import/exports/units.xlsx").content)).active
    assert [c.value for c in exported[2]][:1] == ["Sở Tài chính"]
    # An observer may download, not import.
    assert pages.get("/import").status_code == 403
