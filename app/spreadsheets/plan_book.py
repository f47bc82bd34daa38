"""A plan's results summary as a workbook: the rounds (progress) and the cadres in each band."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ballots.levels import Band

from ..documents.plan_summary import BANDS, STATUS_VI, PlanResults, progress_vi

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def _table(sheet: Worksheet, heads: list[str], widths: list[int]) -> None:
    sheet.append(heads)
    for index, width in enumerate(widths, start=1):
        cell = sheet.cell(row=sheet.max_row, column=index)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        sheet.column_dimensions[get_column_letter(index)].width = width


def render_plan_xlsx(summary: PlanResults) -> bytes:
    book = Workbook()
    rounds = book.active
    assert rounds is not None  # a new workbook always has its first sheet
    rounds.title = "Các hội nghị"
    rounds.append([f"TỔNG HỢP KẾT QUẢ — {summary.number}"])
    rounds["A1"].font = Font(bold=True, size=14)
    rounds.append([summary.title])
    rounds.append([progress_vi(summary)])
    rounds.append(["Kết quả mỗi hội nghị báo cáo riêng, không cộng gộp hay tính bình quân."])
    rounds.append([])
    heads = [
        "Hội nghị",
        "Đơn vị",
        "Ngày bỏ phiếu",
        "Trạng thái",
        "Phiếu thu về",
        "Trên 1/2 thấp",
        "Từ 2/3 thấp",
    ]
    _table(rounds, heads, [40, 24, 14, 16, 12, 14, 12])
    for r in summary.rounds:
        over, two = (r.in_band.get(b) for b in ("over_half_low", "two_thirds_low"))
        rounds.append(
            [
                r.title,
                r.unit,
                f"{r.vote_date:%d/%m/%Y}",
                STATUS_VI.get(r.status, r.status),
                r.returned,
                over,
                two,
            ]
        )
    bands = book.create_sheet("Theo mức kết quả")
    _table(
        bands,
        [
            "Mức",
            "Họ và tên",
            "Hội nghị",
            "Tín nhiệm thấp (phiếu)",
            "Tín nhiệm thấp (%)",
            "Cần xem xét lại (đúng 2/3)",
        ],
        [40, 26, 40, 12, 12, 14],
    )
    for band in BANDS:
        for e in summary.bands.get(band, []):
            share = float(Decimal(str(e.low["percent"])) / 100)
            bands.append(
                [
                    Band(band).label_vi,
                    e.name,
                    e.round_title,
                    int(e.low["count"]),
                    share,
                    "Có" if e.review else "Không",
                ]
            )
            bands.cell(row=bands.max_row, column=5).number_format = "0.00%"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
