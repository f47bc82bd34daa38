"""The results page of a counted round: a bar per cadre drawn as SVG on the server, the bands with
their consequences, the note at exactly 2/3, the quorum line, and downloads that work with the
session cookie; a round not counted gets the page's own 409 in Vietnamese."""

from __future__ import annotations

import re

from page_helpers import log_in, make_user
from result_builders import counted_round
from voting_builders import voting_round

from app.models.user import Role

# Ballot order is by given name: Nguyễn Văn Hùng (4 low of 6: exactly 2/3), Trần Thị Lan (one blank
# row), Lê Văn Tám (3 low of 6: exactly 1/2, which is no band).
NAMES = ["Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Văn Tám"]
BALLOTS = [
    ("low", "high", "low"),
    ("low", "high", "low"),
    ("low", "low", "low"),
    ("low", "high", "medium"),
    ("high", "high", "medium"),
    ("medium", None, "high"),
]


def test_the_results_page_draws_a_bar_per_cadre_with_bands_and_the_review_note(pages, session, organizer):
    counted = counted_round(pages, session, organizer, BALLOTS, names=NAMES, present=6, summoned=7)
    assert log_in(pages, make_user(session, Role.OBSERVER)).status_code == 303
    answer = pages.get(f"/rounds/{counted.id}/results")
    assert answer.status_code == 200
    html = answer.text
    assert "style=" not in html and "<script" not in html
    assert "default-src 'none'" in answer.headers["content-security-policy"]
    assert "Có mặt 6/7 người được triệu tập: đạt ít nhất 2/3." in html
    assert html.count('<svg class="stack"') == 3
    hung = html.split('id="cadre-1"')[1].split("</article>")[0]
    assert "Nguyễn Văn Hùng" in hung
    label = "Nguyễn Văn Hùng — Tín nhiệm cao: 1 (16.67%), Tín nhiệm: 1 (16.67%), Tín nhiệm thấp: 4 (66.67%)"
    assert f'aria-label="{label}, Không hợp lệ: 0 (0.00%)"' in hung
    assert '<rect x="333.333" y="0" width="666.667" height="40" fill="#a4161a">' in hung
    assert "Từ 2/3 trở lên phiếu tín nhiệm thấp." in hung and "không chờ hết nhiệm kỳ" in hung
    assert "Quy định 41 ghi “trên 2/3”" in hung
    lan = html.split('id="cadre-2"')[1].split("</article>")[0]
    assert "Trần Thị Lan" in lan and "Không hợp lệ: <strong>1</strong> (16.67%)" in lan
    tam = html.split('id="cadre-3"')[1].split("</article>")[0]
    assert "Lê Văn Tám" in tam and "Tín nhiệm thấp: <strong>3</strong> (50.00%)" in tam
    assert "Không thuộc diện xem xét" in tam and "alert" not in tam
    for file in ("minutes.pdf", "results.xlsx", "results.csv"):
        assert f'href="/rounds/{counted.id}/{file}"' in html
        download = pages.get(f"/rounds/{counted.id}/{file}")
        assert download.status_code == 200 and "attachment" in download.headers["content-disposition"]
    assert re.search(r'<code class="digest">[0-9a-f]{64}</code>', html)


def test_a_quorum_not_met_shows_the_override_reason(pages, session, organizer):
    counted = counted_round(
        pages,
        session,
        organizer,
        BALLOTS[:2],
        present=2,
        summoned=9,
        override_reason="Bão số 3 làm sạt lở đường",
    )
    log_in(pages, make_user(session))
    html = pages.get(f"/rounds/{counted.id}/results").text
    assert "Không đủ số lượng" in html and "Có mặt 2/9 người được triệu tập: chưa đạt 2/3." in html
    assert "Lý do vẫn kiểm phiếu khi không đủ số lượng: Bão số 3 làm sạt lở đường" in html


def test_a_round_not_counted_has_no_results_page_and_a_stranger_is_sent_to_log_in(pages, session, organizer):
    vote = voting_round(pages, organizer)
    assert pages.get(f"/rounds/{vote.id}/results", follow_redirects=False).status_code == 303
    log_in(pages, make_user(session))
    refused = pages.get(f"/rounds/{vote.id}/results")
    assert refused.status_code == 409 and "chưa kiểm phiếu" in refused.text
    assert pages.get(f"/rounds/{vote.id}/minutes.pdf").status_code == 409


def test_a_cadres_places_and_a_plans_summary_have_pages(pages, session, organizer):
    first = counted_round(pages, session, organizer, BALLOTS, names=NAMES)
    plan = pages.get(f"/api/v1/rounds/{first.id}", headers=organizer).json()["plan_id"]
    log_in(pages, make_user(session, Role.OBSERVER))
    cadre = pages.get(f"/cadres/{first.cadre_ids[0]}/results")
    assert cadre.status_code == 200
    assert "không cộng gộp hay tính bình quân" in cadre.text
    assert f'href="/rounds/{first.id}/results"' in cadre.text and "Đúng 2/3: cần xem xét lại" in cadre.text
    summary = pages.get(f"/plans/{plan}/results")
    assert summary.status_code == 200 and "Đã kiểm phiếu 1/1 hội nghị" in summary.text
    assert f'<a href="/cadres/{first.cadre_ids[0]}/results">Nguyễn Văn Hùng</a>' in summary.text
    for file in ("results.pdf", "results.xlsx"):
        assert pages.get(f"/plans/{plan}/{file}").status_code == 200
