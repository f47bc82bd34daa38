"""The count minutes PDF read back with pdftotext: exact Vietnamese, one row per cadre with every
figure of the results document, the bands and what they mean, the committee and its signature blocks,
the override reason only when there is one, and on every page its number and the results digest."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.documents.minutes import render_minutes
from app.documents.result_context import CommitteeLine, ResultContext, results_digest

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")


def level(count: int, percent: str) -> dict[str, Any]:
    return {"count": count, "percent": percent}


def candidate(i: int, name: str, low: int, band: str, review: bool = False) -> dict[str, Any]:
    return {
        "cadre_id": f"c{i}",
        "name": name,
        "posts": ["Phó Giám đốc Sở Tài chính"],
        "valid": 47 - 1,
        "invalid": 1,
        "high": level(46 - low, f"{(46 - low) * 100 / 47:.2f}"),
        "medium": level(0, "0.00"),
        "low": level(low, f"{low * 100 / 47:.2f}"),
        "band": band,
        "review": review,
    }


DOCUMENT = {
    "round": {
        "id": "round-1",
        "title": "Hội nghị lấy phiếu tín nhiệm Sở Tài chính",
        "unit": "Sở Tài chính tỉnh Hà Sơn",
        "vote_date": "2027-09-20",
        "rulebook": "qd96",
    },
    "summoned": 50,
    "present": 47,
    "quorum_met": True,
    "ballots_issued": 47,
    "ballots_returned": 47,
    "candidates": [
        candidate(1, "Nguyễn Văn Hùng", 6, "none"),
        candidate(2, "Trần Thị Lan", 25, "over_half_low"),
        candidate(3, "Lê Văn Tám", 33, "two_thirds_low"),
    ]
    + [candidate(i, f"Đặng Thị Ngọc Ánh {i}", 2, "none") for i in range(4, 30)],
}
COMMITTEE = (CommitteeLine("Phạm Thị Mơ", "Trưởng ban"), CommitteeLine("Đỗ Văn Bình", "Thành viên"))
COUNTED = datetime(2027, 9, 20, 4, 15, tzinfo=UTC)  # 11:15 in Vietnam


def text_of(ctx: ResultContext, tmp_path: Path) -> list[str]:
    """The text of each page."""
    path = tmp_path / "minutes.pdf"
    path.write_bytes(render_minutes(ctx))
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    ctx = ResultContext(DOCUMENT, venue="Hội trường tầng 3", committee=COMMITTEE, counted_at=COUNTED)
    return text_of(ctx, tmp_path_factory.mktemp("minutes"))


def test_every_page_carries_its_number_and_the_results_digest(pages: list[str]):
    digest = results_digest(DOCUMENT)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"Trang {number}/{len(pages)}" in page
        assert f"Mã băm kết quả (SHA-256): {digest}" in page


def test_the_heading_round_and_committee_are_in_exact_vietnamese(pages: list[str]):
    first = pages[0]
    for line in (
        "SỞ TÀI CHÍNH TỈNH HÀ SƠN",
        "BAN KIỂM PHIẾU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "BIÊN BẢN KIỂM PHIẾU",
        "Hội nghị lấy phiếu tín nhiệm Sở Tài chính",
        "Căn cứ Quy định 96-QĐ/TW.",
        "Hôm nay, ngày 20/09/2027, tại Hội trường tầng 3, Ban kiểm phiếu gồm:",
        "1. Phạm Thị Mơ — Trưởng ban",
        "2. Đỗ Văn Bình — Thành viên",
    ):
        assert line in first.splitlines(), line
    figures = first.split("I. Số liệu chung")[1]
    for label, value in (("Số người được triệu tập", 50), ("Số người có mặt", 47), ("Số phiếu thu về", 47)):
        assert f"{label}\n{value}" in figures or f"{label}\n\n{value}" in figures


def test_each_cadre_has_a_row_with_every_level_and_the_band(pages: list[str]):
    whole = "\n".join(pages)
    lan = " ".join(whole.split("Trần Thị Lan")[1].split("Lê Văn Tám")[0].split())
    assert lan == (
        "Phó Giám đốc Sở Tài chính 21 44.68% 0 0.00% 25 53.19% 46 1 "
        "Trên 1/2 đến dưới 2/3 phiếu tín nhiệm thấp 3"
    )
    names = [c["name"] for c in DOCUMENT["candidates"]]
    assert all(name in whole for name in names)


def test_bands_say_what_they_mean_and_the_minutes_end_with_signatures(pages: list[str]):
    whole = " ".join(" ".join(pages).split())
    assert (
        "Trần Thị Lan: Trên 1/2 đến dưới 2/3 phiếu tín nhiệm thấp. Không quy hoạch lên chức vụ cao hơn;"
        in whole
    )
    assert (
        "Lê Văn Tám: Từ 2/3 trở lên phiếu tín nhiệm thấp. Cho thôi giữ chức vụ, bố trí công tác thấp hơn"
        in whole
    )
    assert "Biên bản được lập lúc 11:15 ngày 20/09/2027." in whole
    last = pages[-1]
    assert "TRƯỞNG BAN" in last and "THÀNH VIÊN" in last and last.count("(Ký, ghi rõ họ tên)") == 2
    assert "Lý do vẫn kiểm phiếu" not in whole


def test_the_override_reason_and_the_review_note_are_shown_when_there_are_some(tmp_path: Path):
    document = {**DOCUMENT, "present": 30, "quorum_met": False}
    document["candidates"] = [candidate(1, "Lê Văn Tám", 30, "two_thirds_low", review=True)]
    reason = "Mưa bão, đường vào xã bị chia cắt; Ban Thường vụ đồng ý kiểm phiếu."
    ctx = ResultContext(document, override_reason=reason)
    whole = " ".join(" ".join(text_of(ctx, tmp_path)).split())
    assert f"Lý do vẫn kiểm phiếu khi không đủ số lượng: {reason}" in whole
    assert "Đủ số lượng (ít nhất 2/3) Không" in whole
    assert "(cần xem xét lại)" in whole and "Quy định 41 ghi “trên 2/3”" in whole
    assert "địa điểm theo giấy triệu tập" in whole and "TRƯỞNG BAN KIỂM PHIẾU" in whole


def test_a_follow_up_vote_has_two_levels_and_the_majority_test(tmp_path: Path):
    document = {
        **DOCUMENT,
        "round": {**DOCUMENT["round"], "rulebook": "nq96", "kind": "follow_up"},
        "deputies": 50,
        "candidates": [
            {
                "cadre_id": "c1",
                "name": "Trần Thị Lan",
                "posts": ["Phó Chủ tịch UBND tỉnh"],
                "valid": 47,
                "invalid": 0,
                "trust": level(20, "42.55"),
                "no_trust": level(27, "57.45"),
                "no_confidence_majority": True,
            }
        ],
    }
    whole = " ".join(" ".join(text_of(ResultContext(document), tmp_path)).split())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in whole and "Độc lập - Tự do - Hạnh phúc" in whole
    assert "Tổng số đại biểu HĐND 50" in whole
    assert "Tín nhiệm Không tín nhiệm" in whole and "27 57.45%" in whole
    assert "Trần Thị Lan: quá nửa tổng số đại biểu HĐND bỏ phiếu không tín nhiệm." in whole
