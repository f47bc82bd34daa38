"""A counted round's results as files people file and check: CSV (read back as text), XLSX (read back
with openpyxl), the count minutes (tests/documents reads their text), with 404 and 409 answers that say
why when there is no round or no count yet."""

from __future__ import annotations

import csv
import io
import subprocess

from openpyxl import load_workbook
from result_builders import counted_round
from voting_builders import voting_round

from app.documents.result_context import results_digest

# Ballot order is Vietnamese name order: Nguyễn Văn Hùng, then Trần Thị Lan.
BALLOTS = [("high", "low"), ("high", "low"), ("medium", "low"), ("low", None), ("high", "medium")]
PAPER = [(True, {0: ["high"], 1: ["low", "medium"]}), (False, {0: ["high"], 1: ["high"]})]
CSV_GOLDEN = (
    "STT,Họ và tên,Chức vụ,Tín nhiệm cao (phiếu),Tín nhiệm cao (%),Tín nhiệm (phiếu),Tín nhiệm (%),"
    "Tín nhiệm thấp (phiếu),Tín nhiệm thấp (%),Hợp lệ,Không hợp lệ,Kết quả,Cần xem xét lại (đúng 2/3)\r\n"
    "1,Nguyễn Văn Hùng,Phó Giám đốc Sở (Nguyễn Văn Hùng),4,57.14,1,14.29,1,14.29,6,1,"
    "Không thuộc diện xem xét,Không\r\n"
    "2,Trần Thị Lan,Phó Giám đốc Sở (Trần Thị Lan),0,0.00,1,14.29,3,42.86,4,3,"
    "Không thuộc diện xem xét,Không\r\n"
)


def test_the_csv_is_excel_ready_utf8_with_one_row_per_cadre(client, session, organizer, observer):
    counted = counted_round(client, session, organizer, BALLOTS, papers=PAPER)
    answer = client.get(f"{counted.path}/results.csv", headers=observer)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert answer.headers["content-disposition"].startswith('attachment; filename="ket-qua-20270920-')
    assert answer.content.startswith(b"\xef\xbb\xbf")
    assert answer.content[3:].decode("utf-8") == CSV_GOLDEN
    rows = list(csv.reader(io.StringIO(answer.content[3:].decode())))
    assert [r[1] for r in rows[1:]] == [c["name"] for c in counted.document["candidates"]]


def test_the_workbook_has_a_title_block_the_figures_and_percent_columns(client, session, organizer):
    counted = counted_round(
        client, session, organizer, BALLOTS, papers=PAPER, title="Hội nghị Sở Tài chính", venue="Hội trường A"
    )
    answer = client.get(f"{counted.path}/results.xlsx", headers=organizer)
    assert answer.status_code == 200
    sheet = load_workbook(io.BytesIO(answer.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "KẾT QUẢ LẤY PHIẾU TÍN NHIỆM"
    assert values[1][0] == "Hội nghị Sở Tài chính"
    labels = {row[0]: row[1] for row in values if row and row[0]}
    assert labels["Ngày bỏ phiếu"] == "20/09/2027"
    assert labels["Địa điểm"] == "Hội trường A"
    assert labels["Số phiếu phát ra"] == 7 and labels["Số phiếu thu về"] == 7
    assert labels["Số người được triệu tập"] == 8
    header = next(i for i, row in enumerate(values) if row[0] == "STT")
    assert values[header + 1][:11] == [
        1,
        "Nguyễn Văn Hùng",
        "Phó Giám đốc Sở (Nguyễn Văn Hùng)",
        4,
        0.5714,
        1,
        0.1429,
        1,
        0.1429,
        6,
        1,
    ]
    assert values[header + 2][1] == "Trần Thị Lan" and values[header + 2][8] == 0.4286
    percent_cell = sheet.cell(row=header + 2, column=5)
    assert percent_cell.number_format == "0.00%"


def test_a_round_not_counted_answers_409_and_an_unknown_round_404(client, organizer):
    vote = voting_round(client, organizer)
    for file in ("results.csv", "results.xlsx", "minutes.pdf", "record", "key"):
        refused = client.get(f"{vote.path}/{file}", headers=organizer)
        assert refused.status_code == 409, file
        error = refused.json()["error"]
        assert "has not been counted" in error["message"] and "chưa kiểm phiếu" in error["message_vi"]
        missing = client.get(f"/api/v1/rounds/no-such-round/{file}", headers=organizer)
        assert (
            missing.status_code == 404 and "Không tìm thấy hội nghị" in missing.json()["error"]["message_vi"]
        )


def test_results_files_need_a_token(client, session, organizer):
    counted = counted_round(client, session, organizer, BALLOTS[:1])
    assert client.get(f"{counted.path}/results.csv").status_code == 401


def test_the_minutes_pdf_shows_the_stored_figures_the_committee_and_the_override(
    client, session, organizer, tmp_path
):
    counted = counted_round(
        client,
        session,
        organizer,
        BALLOTS,
        papers=PAPER,
        committee=[("Phạm Thị Mơ", "Trưởng ban")],
        present=5,
        summoned=9,
        override_reason="Ban Thường vụ đồng ý kiểm phiếu",
    )
    answer = client.get(f"{counted.path}/minutes.pdf", headers=organizer)
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/pdf"
    assert answer.headers["content-disposition"].startswith('attachment; filename="bien-ban-kiem-phieu-')
    (tmp_path / "m.pdf").write_bytes(answer.content)
    text = subprocess.run(["pdftotext", str(tmp_path / "m.pdf"), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "1. Phạm Thị Mơ — Trưởng ban" in flat
    assert "Lý do vẫn kiểm phiếu khi không đủ số lượng: Ban Thường vụ đồng ý kiểm phiếu" in flat
    assert "Nguyễn Văn Hùng Phó Giám đốc Sở (Nguyễn Văn Hùng) 4 57.14% 1 14.29% 1 14.29% 6 1" in flat
    assert f"Mã băm kết quả (SHA-256): {results_digest(counted.document)}" in flat
