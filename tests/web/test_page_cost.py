"""The pages cost a fixed number of SQL statements whatever the plan's size (as the API does), and an
unexpected failure is a Vietnamese 500 page, not a stack trace."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from model_builders import make_cadre, make_unit, post
from page_helpers import log_in, make_user
from sqlalchemy import Connection
from sqlalchemy.orm import Session
from test_statement_counts import LARGE, SMALL, build, counted

from app.services import plan_pages


@pytest.mark.parametrize("path", ["/plans/{plan_id}", "/plans"])
def test_page_statements_do_not_grow_with_the_plan(
    path: str, pages: TestClient, session: Session, connection: Connection
) -> None:
    log_in(pages, make_user(session))
    counts = []
    for tag, (rounds, block) in (("nhỏ", SMALL), ("lớn", LARGE)):
        world = build(session, tag, rounds, block)
        with counted(connection) as seen:
            response = pages.get(path.format(plan_id=world.plan_id))
        assert response.status_code == 200, response.text
        counts.append(len(seen))
    assert counts[0] == counts[1], (
        f"{path}: {counts[0]} statements for the small plan, {counts[1]} for the large"
    )


@pytest.mark.parametrize("path", ["/units", "/cadres", "/cadres?q=van"])
def test_the_data_pages_cost_the_same_statements_for_3_or_40_rows(
    path: str, pages: TestClient, session: Session, connection: Connection
) -> None:
    log_in(pages, make_user(session))
    counts = []
    for size in (3, 40):
        parent = make_unit(session, f"Tỉnh {size}")
        for i in range(size):
            unit = make_unit(session, f"Sở số {i} của {size}", parent=parent)
            make_cadre(session, f"Nguyễn Văn {size}-{i}", [post(unit)])
        with counted(connection) as seen:
            response = pages.get(path)
        assert response.status_code == 200, response.text
        counts.append(len(seen))
    assert counts[0] == counts[1], f"{path}: {counts[0]} statements for 3 rows, {counts[1]} for 40"


def test_an_unexpected_failure_is_a_vietnamese_500_page(
    pages: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_in(pages, make_user(session))

    def broken(*_: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(plan_pages, "plan_list", broken)
    quiet = TestClient(pages.app, base_url="https://testserver", raise_server_exceptions=False)
    quiet.cookies = pages.cookies
    response = quiet.get("/plans")
    assert response.status_code == 500 and response.headers["content-type"].startswith("text/html")
    assert "Hệ thống gặp lỗi ngoài dự kiến" in response.text and "a bug" not in response.text
