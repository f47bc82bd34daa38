"""The plan list and a plan's dashboard page (today is 2027-06-01 in the tests)."""

from __future__ import annotations

import re
from datetime import date

from fastapi.testclient import TestClient
from model_builders import make_candidate, make_document, make_plan, make_round, make_unit
from page_helpers import log_in, make_user
from sqlalchemy.orm import Session

from app.clock import Clock
from app.models import Plan, Round
from app.models.plan import RoundStatus
from app.models.user import Role
from ballots.calendar import Milestone


def row_of(html: str, round_: Round) -> str:
    found = re.search(rf'<tr id="round-{round_.id}">(.*?)</tr>', html, re.DOTALL)
    assert found, f"no row for {round_.title}"
    return found.group(1)


def a_plan(session: Session, clock: Clock) -> tuple[Plan, Round, Round, Round]:
    plan = make_plan(session, completion_date=date(2027, 6, 20))
    unit = make_unit(session, "Sở Tài chính")
    # Votes 06-15: report due 05-26 (Lan's is missing), dossier 05-31 (missing).
    a = make_round(session, plan, unit, title="Hội nghị A", vote_date=date(2027, 6, 15))
    hung = make_candidate(session, a, "Nguyễn Văn Hùng")
    make_candidate(session, a, "Đặng Thị Lan")
    make_candidate(session, a, "Lê Minh Khoa", eligible=False)
    make_document(session, a, Milestone.REPORT, date(2027, 5, 20), hung)
    # Votes 06-25, after the completion date: its report is due 06-05, in 4 days.
    b = make_round(
        session, plan, unit, title="Hội nghị B", vote_date=date(2027, 6, 25), status=RoundStatus.DRAFT
    )
    make_candidate(session, b, "Trần Quốc Minh")
    c = make_round(
        session, plan, unit, title="Hội nghị C", vote_date=date(2027, 6, 1), status=RoundStatus.OPEN
    )
    make_round(session, plan, unit, title="Hội nghị lưu trữ", archived_at=clock.now())
    return plan, a, b, c


def test_the_plan_list_shows_each_plan_with_its_vote_year_and_live_rounds(
    pages: TestClient, session: Session, clock: Clock
) -> None:
    plan, *_ = a_plan(session, clock)
    make_plan(session, "97-KH/TU", title="Kế hoạch chưa có hội nghị")
    log_in(pages, make_user(session, Role.OBSERVER))
    html = pages.get("/plans").text
    row = re.search(rf'<a href="/plans/{plan.id}">96-KH/TU</a>(.*?)</tr>', html, re.DOTALL)
    assert row and re.findall(r'<td class="num">(\d+)</td>', row.group(1)) == ["2027", "3"]
    assert "Kế hoạch chưa có hội nghị" in html
    assert pages.get("/", follow_redirects=False).headers["location"].startswith("/plans/")


def test_the_dashboard_page_shows_progress_deadlines_rounds_and_exclusions(
    pages: TestClient, session: Session, clock: Clock
) -> None:
    plan, a, b, c = a_plan(session, clock)
    log_in(pages, make_user(session, Role.OBSERVER))
    response = pages.get(f"/plans/{plan.id}")
    assert response.status_code == 200
    html = response.text
    assert "Đã bỏ phiếu 1/3 hội nghị" in html and "Còn 19 ngày đến hạn hoàn thành" in html
    late = html.split("Hội nghị sau hạn hoàn thành")[1].split("</p>")[0]
    assert "Hội nghị B" in late and "Hội nghị A" not in late
    # Per round and milestone (D−20, D−15, D−10, D−3): a colour and the words that say it.
    badges = re.compile(r'class="badge (\w+)">([^<]*)</span>')
    assert badges.findall(row_of(html, a)) == [
        ("bad", "Quá hạn (1)"),
        ("bad", "Quá hạn (1)"),
        ("quiet", "Chưa đến hạn"),  # clarification requests are optional: none yet is no fault
        ("quiet", "Chưa đến hạn"),
    ]
    assert badges.findall(row_of(html, b))[0] == ("warn", "Còn 4 ngày")
    assert "Đang bỏ phiếu" in row_of(html, c) and "Đã qua giai đoạn chuẩn bị" in row_of(html, c)
    overdue = html.split("<caption>Quá hạn</caption>")[1].split("</table>")[0]
    assert "Đặng Thị Lan" in overdue and "Hồ sơ của hội nghị" in overdue and "Nguyễn Văn Hùng" not in overdue
    soon = html.split("<caption>Đến hạn trong 7 ngày</caption>")[1].split("</table>")[0]
    assert "Trần Quốc Minh" in soon
    excluded = html.split('id="excluded"')[1].split("</section>")[0]
    assert "Lê Minh Khoa" in excluded and "đã có thông báo nghỉ hưu" in excluded
    month = html.split("<caption>Tháng 6/2027</caption>")[1].split("</table>")[0]
    assert f'href="#round-{a.id}">Hội nghị A</a>' in month and "(Hôm nay)" in month
    assert "Hội nghị lưu trữ" not in html


def test_the_dashboard_page_in_english_keeps_the_data_and_translates_the_frame(
    pages: TestClient, session: Session, clock: Clock
) -> None:
    plan, a, *_ = a_plan(session, clock)
    log_in(pages, make_user(session))
    html = pages.get(f"/plans/{plan.id}?lang=en").text
    assert "Overdue (1)" in row_of(html, a) and "a retirement notice is pending" in html
    assert "1 of 3 rounds voted" in html and "Hội nghị A" in html
