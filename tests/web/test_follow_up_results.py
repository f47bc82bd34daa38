"""A follow-up (``nq96``) round's stored results render with their two levels and the majority test
on the page, in the CSV and in the minutes, as the contract's follow-up shape gives them."""

from __future__ import annotations

import subprocess

from page_helpers import log_in, make_user
from result_builders import counted_round

from app.models import RoundResult


def as_follow_up(session, round_id: str) -> None:
    """The stored document rewritten in the follow-up shape (the count of such rounds is not built
    on this branch; the shape is the contract's)."""
    result = session.get(RoundResult, round_id)
    document = dict(result.document)
    document["round"] = {**document["round"], "rulebook": "nq96", "kind": "follow_up"}
    document["deputies"] = 5
    document["candidates"] = [
        {
            "cadre_id": c["cadre_id"],
            "name": c["name"],
            "posts": c["posts"],
            "valid": 3,
            "invalid": 0,
            "trust": {"count": 0, "percent": "0.00"} if i == 0 else {"count": 3, "percent": "100.00"},
            "no_trust": {"count": 3, "percent": "100.00"} if i == 0 else {"count": 0, "percent": "0.00"},
            "no_confidence_majority": i == 0,
        }
        for i, c in enumerate(document["candidates"])
    ]
    result.document = document
    session.commit()


def test_a_follow_up_round_renders_its_two_levels_everywhere(pages, session, organizer, tmp_path):
    counted = counted_round(pages, session, organizer, [("high", "low")] * 3)
    as_follow_up(session, counted.id)
    csv = pages.get(f"/api/v1/rounds/{counted.id}/results.csv", headers=organizer).content.decode("utf-8-sig")
    header, hung, lan = csv.splitlines()
    assert header.endswith("Hợp lệ,Không hợp lệ,Quá nửa tổng số đại biểu không tín nhiệm")
    assert "Không tín nhiệm (phiếu)" in header and "Tín nhiệm cao" not in header
    assert hung.endswith(",0,0.00,3,100.00,3,0,Có") and lan.endswith(",3,100.00,0,0.00,3,0,Không")
    log_in(pages, make_user(session))
    html = pages.get(f"/rounds/{counted.id}/results").text
    assert "Tổng số đại biểu HĐND: 5." in html
    assert "Quá nửa tổng số đại biểu HĐND bỏ phiếu không tín nhiệm." in html
    assert "Không tín nhiệm: <strong>3</strong> (100.00%)" in html
    pdf = pages.get(f"/rounds/{counted.id}/minutes.pdf")
    (tmp_path / "m.pdf").write_bytes(pdf.content)
    text = subprocess.run(["pdftotext", str(tmp_path / "m.pdf"), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "Căn cứ Nghị quyết 96/2023/QH15." in flat and "Quá nửa không tín nhiệm" in flat
