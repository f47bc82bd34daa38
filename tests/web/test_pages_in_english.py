"""Every page of the organizer's work reads in English too: the switch translates the new pages
(no phrase left in Vietnamese in their headings, no placeholder left unfilled)."""

from __future__ import annotations

import re
from datetime import date

from fastapi.testclient import TestClient
from model_builders import make_cadre, make_plan, make_round, make_unit, post
from page_helpers import log_in, make_user
from sqlalchemy.orm import Session

from app.models.plan import RoundStatus


def test_the_data_round_and_conference_pages_switch_to_english(pages: TestClient, session: Session) -> None:
    unit = make_unit(session, "Sở Tài chính")
    cadre = make_cadre(session, "Nguyễn Văn An", [post(unit)])
    plan = make_plan(session)
    round_ = make_round(session, plan, unit, vote_date=date(2027, 9, 20), status=RoundStatus.SCHEDULED)
    log_in(pages, make_user(session))
    expected = {
        "/units": "Add a unit",
        f"/units/{unit.id}": "Edit the unit",
        "/cadres": "Add a cadre",
        f"/cadres/{cadre.id}": "Where the cadre is voted on",
        "/import": "Upload a file",
        f"/plans/{plan.id}/rounds/new": "Create the round",
        f"/rounds/{round_.id}": "Deadlines and documents",
        f"/rounds/{round_.id}/conference": "Print the code slips",
        "/conference": "Conference day",
    }
    for path, heading in expected.items():
        page = pages.get(path, params={"lang": "en"})
        assert page.status_code == 200, path
        assert heading in page.text, path
        assert not re.search(r"\{[a-z]\}", page.text), f"{path}: a placeholder left unfilled"
