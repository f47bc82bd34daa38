"""Results across rounds: a cadre's two places side by side with each round's own figures (never
summed, regulation §2), and a plan's summary (progress against its completion date, the cadres of
each band) as JSON, a workbook, a PDF and pages."""

from __future__ import annotations

import io
import subprocess

import pytest
from api_builders import make_plan, make_round, make_unit
from openpyxl import load_workbook
from result_builders import counted_round

# Ballot order is by given name: Nguyễn Văn Hùng, then Trần Thị Lan.
FIRST = [("high", "low"), ("high", "low"), ("medium", "low")]  # Lan: 3 of 3 low
SECOND = [("low", "high"), ("low", "medium"), ("high", "high"), ("medium", "low")]  # Hùng: 2 of 4


@pytest.fixture
def two_places(client, session, organizer):
    plan = make_plan(client, organizer, completion_date="2027-10-31")
    unit = make_unit(client, organizer, "Sở Tài chính")
    other = make_unit(client, organizer, "Ban Thường vụ Tỉnh ủy")
    first = counted_round(client, session, organizer, FIRST, plan_id=plan, unit_id=unit, title="Hội nghị Sở")
    second = counted_round(
        client,
        session,
        organizer,
        SECOND,
        plan_id=plan,
        unit_id=other,
        cadre_ids=first.cadre_ids,
        title="Hội nghị Ban Thường vụ",
        vote_date="2027-09-25",
    )
    waiting = make_round(
        client, organizer, plan, unit, title="Hội nghị chưa bỏ phiếu", vote_date="2027-10-05"
    )
    return plan, first, second, waiting["id"]


def test_a_cadres_places_are_listed_side_by_side_never_summed(client, observer, two_places):
    _, first, _, _ = two_places
    hung = first.cadre_ids[0]
    answer = client.get(f"/api/v1/cadres/{hung}/results", headers=observer)
    assert answer.status_code == 200
    body = answer.json()
    assert body["name"] == "Nguyễn Văn Hùng"
    assert [p["round"]["title"] for p in body["places"]] == ["Hội nghị Sở", "Hội nghị Ban Thường vụ"]
    assert [p["ballots_returned"] for p in body["places"]] == [3, 4]
    assert [p["low"] for p in body["places"]] == [
        {"count": 0, "percent": "0.00"},
        {"count": 2, "percent": "50.00"},
    ]
    assert body["places"][1]["band"] == "none"  # exactly 1/2 is no band
    assert set(body) == {"cadre_id", "name", "note", "places"}  # no total, no average


def test_a_plan_summary_shows_progress_and_the_cadres_in_each_band(client, observer, two_places):
    plan, _, _, waiting = two_places
    body = client.get(f"/api/v1/plans/{plan}/results", headers=observer).json()
    assert body["progress"] == {
        "rounds": 3,
        "counted": 2,
        "completion_date": "2027-10-31",
        "days_left": 152,
        "not_counted_after_completion": [],
    }
    by_title = {r["title"]: r for r in body["rounds"]}
    assert by_title["Hội nghị Sở"]["cadres_in_band"] == {"two_thirds_low": 1, "over_half_low": 0}
    assert by_title["Hội nghị chưa bỏ phiếu"]["counted"] is False
    assert [(e["name"], e["low"]["percent"]) for e in body["bands"]["two_thirds_low"]] == [
        ("Trần Thị Lan", "100.00")
    ]
    assert body["bands"]["over_half_low"] == []
    assert waiting in [r["id"] for r in body["rounds"]]


def test_the_plan_summary_as_a_workbook_and_a_pdf(client, organizer, two_places, tmp_path):
    plan, *_ = two_places
    book = client.get(f"/api/v1/plans/{plan}/results.xlsx", headers=organizer)
    assert book.status_code == 200
    workbook = load_workbook(io.BytesIO(book.content))
    rounds, bands = workbook.worksheets
    values = [[c.value for c in row] for row in rounds.iter_rows()]
    assert values[2][0] == "Đã kiểm phiếu 2/3 hội nghị. Hạn hoàn thành 31/10/2027: còn 152 ngày."
    assert ["Hội nghị Sở", "Sở Tài chính", "20/09/2027", "Đã kiểm phiếu", 3, 0, 1] in values
    band_rows = [[c.value for c in row] for row in bands.iter_rows(min_row=2)]
    assert band_rows == [
        ["Từ 2/3 trở lên phiếu tín nhiệm thấp", "Trần Thị Lan", "Hội nghị Sở", 3, 1.0, "Không"]
    ]
    pdf = client.get(f"/api/v1/plans/{plan}/results.pdf", headers=organizer)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    (tmp_path / "plan.pdf").write_bytes(pdf.content)
    text = subprocess.run(["pdftotext", str(tmp_path / "plan.pdf"), "-"], capture_output=True, text=True)
    flat = " ".join(text.stdout.split())
    assert "TỔNG HỢP KẾT QUẢ LẤY PHIẾU TÍN NHIỆM" in flat
    assert "Trần Thị Lan Hội nghị Sở 3 (100.00%)" in flat and "Trang 1/1" in flat


def test_unknown_cadres_and_plans_are_404(client, observer):
    assert client.get("/api/v1/cadres/nobody/results", headers=observer).status_code == 404
    assert client.get("/api/v1/plans/none/results", headers=observer).status_code == 404
