"""The units and cadres pages: browse, search without diacritics, add and edit through forms, and
refusals shown in Vietnamese on the page with nothing saved."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from model_builders import make_cadre, make_candidate, make_plan, make_round, make_unit, post
from page_helpers import log_in, make_user, post_form
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Cadre, Unit
from app.models.user import Role


def names_listed(html: str, kind: str) -> list[str]:
    return re.findall(rf'<a href="/{kind}/[^"]+">([^<]+)</a></td>', html)


def test_the_cadres_page_finds_names_typed_without_diacritics_in_vietnamese_order(
    pages: TestClient, session: Session
) -> None:
    unit = make_unit(session, "Sở Tài chính")
    for name in ("Nguyễn Văn An", "Đặng Thị Đào", "Trần Văn Dũng", "Lê Thị Ánh"):
        make_cadre(session, name, [post(unit)])
    log_in(pages, make_user(session, Role.OBSERVER))
    assert names_listed(pages.get("/cadres").text, "cadres") == [
        "Nguyễn Văn An",
        "Lê Thị Ánh",
        "Trần Văn Dũng",
        "Đặng Thị Đào",
    ]
    assert names_listed(pages.get("/cadres", params={"q": "nguyen van a"}).text, "cadres") == [
        "Nguyễn Văn An"
    ]
    assert names_listed(pages.get("/cadres", params={"q": "dao"}).text, "cadres") == ["Đặng Thị Đào"]
    # An observer reads; the page offers no form that would only be refused.
    assert "Thêm cán bộ</button>" not in pages.get("/cadres").text


def test_an_organizer_adds_a_cadre_with_a_first_post_and_ends_it_later(
    pages: TestClient, session: Session
) -> None:
    unit = make_unit(session, "Sở Nội vụ")
    log_in(pages, make_user(session))
    added = post_form(
        pages,
        "/cadres",
        "/cadres",
        full_name="Phạm Thị Hồng",
        date_of_birth="1975-04-02",
        gender="female",
        title="Giám đốc Sở",
        unit_id=unit.id,
        filled_by="appointed",
        since="2022-01-10",
    )
    assert added.status_code == 303
    cadre = session.scalars(select(Cadre).where(Cadre.full_name == "Phạm Thị Hồng")).one()
    page = pages.get(added.headers["location"]).text
    assert "Đã lưu." in page and "Giám đốc Sở" in page and "Quy định 96-QĐ/TW" in page
    ended = post_form(
        pages,
        f"/cadres/{cadre.id}",
        f"/cadres/{cadre.id}/posts",
        post_id=cadre.posts[0].id,
        title="Giám đốc Sở",
        unit_id=unit.id,
        filled_by="appointed",
        since="2022-01-10",
        ended_on="2026-06-30",
    )
    assert ended.status_code == 303
    session.refresh(cadre.posts[0])
    assert cadre.posts[0].ended_on is not None and cadre.posts[0].ended_on.isoformat() == "2026-06-30"


def test_a_refused_cadre_form_says_why_in_vietnamese_keeps_the_input_and_saves_nothing(
    pages: TestClient, session: Session
) -> None:
    unit = make_unit(session, "Sở Y tế")
    log_in(pages, make_user(session))
    refused = post_form(
        pages,
        "/cadres",
        "/cadres",
        full_name="Võ Văn Tâm",
        date_of_birth="2031-01-01",
        title="Phó Giám đốc Sở",
        unit_id=unit.id,
        filled_by="appointed",
        since="2020-01-01",
    )
    assert refused.status_code == 422
    assert 'role="alert"' in refused.text and "Ngày sinh" in refused.text
    assert 'value="Võ Văn Tâm"' in refused.text
    assert session.scalars(select(Cadre).where(Cadre.full_name == "Võ Văn Tâm")).first() is None
    bad_date = post_form(pages, "/cadres", "/cadres", full_name="Võ Văn Tâm", date_of_birth="02/01/1970")
    assert bad_date.status_code == 422 and "Ngày sinh" in bad_date.text


def test_units_are_added_searched_renamed_and_a_duplicate_is_refused(
    pages: TestClient, session: Session
) -> None:
    province = make_unit(session, "Tỉnh Hà Sơn")
    log_in(pages, make_user(session))
    added = post_form(pages, "/units", "/units", name="Sở Tư pháp", level="province", parent_id=province.id)
    assert added.status_code == 303
    assert names_listed(pages.get("/units", params={"q": "so tu phap"}).text, "units") == ["Sở Tư pháp"]
    again = post_form(pages, "/units", "/units", name="sở tư pháp", level="province", parent_id=province.id)
    assert again.status_code == 409 and 'role="alert"' in again.text
    unit = session.scalars(select(Unit).where(Unit.name == "Sở Tư pháp")).one()
    renamed = post_form(
        pages,
        f"/units/{unit.id}",
        f"/units/{unit.id}",
        name="Sở Tư pháp tỉnh",
        level="province",
        parent_id=province.id,
    )
    assert renamed.status_code == 303
    session.refresh(unit)
    assert unit.name == "Sở Tư pháp tỉnh" and unit.search_key == "so tu phap tinh"


def test_an_observer_cannot_post_the_forms(pages: TestClient, session: Session) -> None:
    make_unit(session, "Sở Xây dựng")
    log_in(pages, make_user(session, Role.OBSERVER))
    refused = post_form(pages, "/units", "/units", name="Sở Mới", level="province")
    assert refused.status_code == 403 and "quyền" in refused.text
    assert session.scalars(select(Unit).where(Unit.name == "Sở Mới")).first() is None


def test_a_cadre_page_shows_where_the_cadre_is_voted_on_and_why_not_elsewhere(
    pages: TestClient, session: Session
) -> None:
    unit = make_unit(session, "Sở Giao thông")
    plan = make_plan(session)
    kept = make_round(session, plan, unit, title="Hội nghị Sở Giao thông")
    cadre = make_candidate(session, kept, "Hoàng Văn Nam")
    log_in(pages, make_user(session, Role.OBSERVER))
    html = pages.get(f"/cadres/{cadre.id}").text
    assert "Hội nghị Sở Giao thông" in html and "<strong>Được lấy phiếu</strong>" in html
