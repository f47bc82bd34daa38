"""Page routes answer refusals with Vietnamese pages; the API keeps its JSON."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from page_helpers import log_in, make_user
from sqlalchemy.orm import Session

from app.services import plan_pages
from ballots.errors import Conflict, NotFound, PermissionDenied


def test_an_unknown_plan_and_an_unknown_page_are_vietnamese_404_pages(
    pages: TestClient, session: Session
) -> None:
    log_in(pages, make_user(session))
    for path in ("/plans/khong-co", "/khong-co-trang-nay"):
        response = pages.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("text/html")
        assert "Không tìm thấy" in response.text and "Về trang chủ" in response.text
        assert "Đăng xuất" in response.text  # the menu stays
    api = pages.get("/api/v1/khong-co")
    assert api.status_code == 404 and api.json()["error"]["code"] == "not_found"


def test_a_wrong_method_on_a_page_is_a_page_too(pages: TestClient) -> None:
    response = pages.get("/logout")
    assert response.status_code == 405 and "<html" in response.text


def test_the_language_switch_is_a_link_and_is_remembered(pages: TestClient, session: Session) -> None:
    log_in(pages, make_user(session))
    english = pages.get("/plans?lang=en")
    assert '<html lang="en">' in english.text and "Log out" in english.text
    assert 'href="/plans?lang=vi"' in english.text
    assert "Log out" in pages.get("/plans").text  # the cookie keeps the choice
    back = pages.get("/plans?lang=vi")
    assert '<html lang="vi">' in back.text and "Đăng xuất" in back.text


@pytest.mark.parametrize(
    ("refusal", "status", "said"),
    [
        (Conflict("taken", message_vi="Số kế hoạch này đã có."), 409, "Số kế hoạch này đã có."),
        (PermissionDenied("needs the 'write' scope"), 403, "Bạn không có quyền xem hoặc làm việc này."),
        (NotFound("no plan", message_vi="Không tìm thấy kế hoạch có mã 'x'"), 404, "Trang này không tồn tại"),
    ],
)
def test_a_refusal_on_a_page_is_a_vietnamese_page_with_its_status(
    pages: TestClient,
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
    refusal: Exception,
    status: int,
    said: str,
) -> None:
    log_in(pages, make_user(session))

    def refuse(*_: object) -> None:
        raise refusal

    monkeypatch.setattr(plan_pages, "plan_list", refuse)
    response = pages.get("/plans")
    assert response.status_code == status and said in response.text
    assert "scope" not in response.text  # API words stay in the API


def test_a_refusal_speaks_english_on_an_english_page(
    pages: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_in(pages, make_user(session))

    def refuse(*_: object) -> None:
        raise Conflict("this plan number is taken", message_vi="Số kế hoạch này đã có.")

    monkeypatch.setattr(plan_pages, "plan_list", refuse)
    assert "this plan number is taken" in pages.get("/plans?lang=en").text
    assert "Số kế hoạch này đã có." in pages.get("/plans?lang=vi").text
