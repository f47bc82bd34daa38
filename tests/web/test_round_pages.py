"""A round's page as an organizer prepares it (today is 2027-06-01 in the tests): create it with its
deadlines shown for the date typed, propose cadres found without diacritics (an ineligible one is
refused with its reasons, fixed, then accepted), summon voters, name the committee, record a
document with its on-time badge, schedule and open."""

from __future__ import annotations

import re
from datetime import date

from fastapi.testclient import TestClient
from model_builders import make_cadre, make_plan, make_round, make_unit, post
from page_helpers import csrf_of, log_in, make_user, post_form
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Candidate, CommitteeMember, Document, RosterEntry, Round
from app.models.plan import RoundStatus
from app.models.user import Role


def test_a_new_round_shows_its_deadlines_before_saving_and_asks_a_reason_when_close(
    pages: TestClient, session: Session
) -> None:
    plan = make_plan(session)
    unit = make_unit(session, "Sở Tài chính")
    log_in(pages, make_user(session))
    form = f"/plans/{plan.id}/rounds/new"
    fields = {
        "title": "Hội nghị Sở Tài chính",
        "unit_id": unit.id,
        "vote_date": "2027-09-20",
        "rulebook": "qd96",
    }
    preview = post_form(pages, form, form, step="preview", **fields)
    assert preview.status_code == 200
    assert "31/08/2027" in preview.text and "17/09/2027" in preview.text  # D−20 and D−3
    assert session.scalars(select(Round)).first() is None
    close = post_form(pages, form, form, step="create", **(fields | {"vote_date": "2027-06-10"}))
    assert close.status_code == 422 and 'role="alert"' in close.text
    assert session.scalars(select(Round)).first() is None
    created = post_form(pages, form, form, step="create", **fields)
    assert created.status_code == 303
    round_ = session.scalars(select(Round)).one()
    page = pages.get(created.headers["location"]).text
    assert "Hội nghị Sở Tài chính" in page and "20/09/2027" in page and "Dự thảo" in page
    assert round_.vote_date == date(2027, 9, 20)


def test_an_ineligible_cadre_is_refused_with_its_reasons_then_accepted_once_fixed(
    pages: TestClient, session: Session
) -> None:
    unit = make_unit(session, "Sở Xây dựng")
    round_ = make_round(session, unit=unit, vote_date=date(2027, 9, 20))
    cadre = make_cadre(session, "Đặng Văn Lâm", [post(unit)], retirement_notice_date=date(2027, 3, 1))
    log_in(pages, make_user(session))
    found = pages.get(f"/rounds/{round_.id}", params={"tim": "dang van lam"}).text
    assert f'id="propose-{cadre.id}"' in found
    page = f"/rounds/{round_.id}?tim=lam"
    refused = post_form(pages, page, f"/rounds/{round_.id}/candidates", cadre_id=cadre.id)
    assert refused.status_code == 422 and "nghỉ hưu" in refused.text
    assert session.scalars(select(Candidate)).first() is None
    # As the browser sends the form: every field, the wrongly recorded retirement notice emptied.
    person = {"full_name": cadre.full_name, "date_of_birth": "", "gender": "", "retirement_notice_date": ""}
    fixed = post_form(pages, f"/cadres/{cadre.id}", f"/cadres/{cadre.id}", **person)
    assert fixed.status_code == 303
    accepted = post_form(pages, page, f"/rounds/{round_.id}/candidates", cadre_id=cadre.id)
    assert accepted.status_code == 303
    assert "Đủ điều kiện" in pages.get(f"/rounds/{round_.id}").text


def test_voters_committee_and_documents_are_recorded_from_the_page(
    pages: TestClient, session: Session
) -> None:
    unit = make_unit(session, "Sở Nội vụ")
    round_ = make_round(session, unit=unit, vote_date=date(2027, 6, 15))
    cadre = make_cadre(session, "Lý Thị Thu", [post(unit)])
    page = f"/rounds/{round_.id}"
    log_in(pages, make_user(session))
    assert post_form(pages, page, f"{page}/candidates", cadre_id=cadre.id).status_code == 303
    assert (
        post_form(pages, page, f"{page}/roster", full_name="Trần Văn Bảy", title="Chuyên viên").status_code
        == 303
    )
    assert (
        post_form(pages, page, f"{page}/committee", full_name="Võ Thị Mai", role="Trưởng ban").status_code
        == 303
    )
    token = csrf_of(pages.get(page))
    recorded = pages.post(
        f"{page}/documents",
        data={
            "csrf": token,
            "kind": "report",
            "cadre_id": cadre.id,
            "title": "Báo cáo tự kiểm điểm",
            "received_on": "2027-05-28",
            "body": "Nội dung báo cáo",
        },
        follow_redirects=False,
    )
    assert recorded.status_code == 303
    html = pages.get(page).text
    assert "Trần Văn Bảy" in html and "Võ Thị Mai" in html
    assert "Muộn 2 ngày" in html  # due 2027-05-26, received on the 28th
    assert "Hạn D−20 (" in html and "26/05/2027, đã qua" in html  # missed deadlines, in Vietnamese
    assert session.scalars(select(RosterEntry)).one().full_name == "Trần Văn Bảy"
    assert session.scalars(select(CommitteeMember)).one().role == "Trưởng ban"
    assert session.scalars(select(Document)).one().cadre_id == cadre.id
    missing = pages.post(
        f"{page}/documents",
        data={"csrf": token, "kind": "report", "title": "Không nội dung", "cadre_id": cadre.id},
    )
    assert missing.status_code == 422 and "nội dung hoặc tệp" in missing.text


def test_a_round_is_scheduled_and_opened_and_committee_shares_are_shown_once(
    pages: TestClient, session: Session
) -> None:
    unit = make_unit(session, "Sở Y tế")
    round_ = make_round(session, unit=unit, vote_date=date(2027, 9, 20), status=RoundStatus.DRAFT)
    cadre = make_cadre(session, "Hồ Văn Nam", [post(unit)])
    page = f"/rounds/{round_.id}"
    log_in(pages, make_user(session))
    post_form(pages, page, f"{page}/candidates", cadre_id=cadre.id)
    assert post_form(pages, page, f"{page}/status", status="scheduled").status_code == 303
    not_ready = post_form(pages, page, f"{page}/status", status="open")
    assert not_ready.status_code == 422 and "danh sách người được triệu tập" in not_ready.text
    post_form(pages, page, f"{page}/roster", full_name="Trần Văn Bảy")
    for name in ("Võ Thị Mai", "Lê Văn Tư", "Phan Thị Hà"):
        post_form(pages, page, f"{page}/committee", full_name=name, role="Thành viên")
    committee = {
        "title": round_.title,
        "unit_id": unit.id,
        "vote_date": "2027-09-20",
        "sealing": "committee",
        "threshold": "2",
        "step": "save",
    }
    assert post_form(pages, page, page, **committee).status_code == 303
    opened = post_form(pages, page, f"{page}/status", status="open")
    assert opened.status_code == 200 and "chỉ hiện một lần" in opened.text
    assert len(re.findall(r'<p class="mono">([a-z ]+)</p>', opened.text)) == 3
    session.refresh(round_)
    assert round_.status is RoundStatus.OPEN
    # A bare status change the page does not offer is refused.
    refused = post_form(pages, page, f"{page}/status", status="counted")
    assert refused.status_code == 422


def test_an_observer_reads_the_round_without_any_form(pages: TestClient, session: Session) -> None:
    round_ = make_round(session, vote_date=date(2027, 9, 20))
    log_in(pages, make_user(session, Role.OBSERVER))
    html = pages.get(f"/rounds/{round_.id}").text
    assert round_.title in html and 'method="post" action="/rounds/' not in html


def test_a_committee_member_gets_an_account_shown_once_on_the_page(
    pages: TestClient, session: Session
) -> None:
    round_ = make_round(session, vote_date=date(2027, 9, 20))
    page = f"/rounds/{round_.id}"
    log_in(pages, make_user(session))
    post_form(pages, page, f"{page}/committee", full_name="Võ Thị Mai", role="Trưởng ban")
    member = session.scalars(select(CommitteeMember)).one()
    given = post_form(pages, page, f"{page}/committee/{member.id}/account")
    assert (
        given.status_code == 200 and "vo.thi.mai" in given.text and "Mật khẩu chỉ hiện lần này" in given.text
    )
    password = re.search(r'mật khẩu <strong class="mono">([^<]+)</strong>', given.text)
    assert password
    assert "Cấp tài khoản" not in pages.get(page).text and "tài khoản vo.thi.mai" in pages.get(page).text
    pages.cookies.clear()
    assert log_in(pages, "vo.thi.mai", password.group(1)).status_code == 303
