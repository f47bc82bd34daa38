"""One row per cadre, as the CSV, the workbook and the minutes print it, and the CSV itself.

The CSV is UTF-8 with a byte-order mark: without it Excel opens the file as the local code page and
every Vietnamese diacritic comes out garbled. Percentages stay the document's own strings ("52.63"),
never a float re-rounded on the way.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .result_context import ResultContext, band_label


@dataclass(frozen=True)
class Column:
    header: str
    kind: str  # "text", "count" or "percent"


def columns(ctx: ResultContext) -> list[Column]:
    heads = [Column("STT", "count"), Column("Họ và tên", "text"), Column("Chức vụ", "text")]
    for level in ctx.levels:
        heads += [Column(f"{level.label_vi} (phiếu)", "count"), Column(f"{level.label_vi} (%)", "percent")]
    heads += [Column("Hợp lệ", "count"), Column("Không hợp lệ", "count")]
    if ctx.follow_up:
        return [*heads, Column("Quá nửa tổng số đại biểu không tín nhiệm", "text")]
    return [*heads, Column("Kết quả", "text"), Column("Cần xem xét lại (đúng 2/3)", "text")]


def row(ctx: ResultContext, number: int, candidate: Mapping[str, Any]) -> list[str | int]:
    cells: list[str | int] = [number, str(candidate["name"]), "; ".join(candidate.get("posts", []))]
    for level in ctx.levels:
        figure = candidate[level.value]
        cells += [int(figure["count"]), str(figure["percent"])]
    cells += [int(candidate["valid"]), int(candidate["invalid"])]
    if ctx.follow_up:
        return [*cells, "Có" if candidate.get("no_confidence_majority") else "Không"]
    return [*cells, band_label(candidate), "Có" if candidate.get("review") else "Không"]


def rows(ctx: ResultContext) -> list[list[str | int]]:
    return [row(ctx, i, c) for i, c in enumerate(ctx.candidates, start=1)]


def summary(ctx: ResultContext) -> list[tuple[str, str | int]]:
    """The round's own figures, above the table in the workbook and the minutes."""
    d = ctx.document
    lines: list[tuple[str, str | int]] = [
        ("Số người được triệu tập", int(d["summoned"])),
        ("Số người có mặt", int(d["present"])),
        ("Đủ số lượng (ít nhất 2/3)", "Có" if d["quorum_met"] else "Không"),
        ("Số phiếu phát ra", int(d["ballots_issued"])),
        ("Số phiếu thu về", int(d["ballots_returned"])),
    ]
    if ctx.follow_up:
        lines.append(("Tổng số đại biểu HĐND", int(d["deputies"])))
    return lines


def render_csv(ctx: ResultContext) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.header for c in columns(ctx)])
    writer.writerows(_safe(r) for r in rows(ctx))
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def _safe(cells: Sequence[str | int]) -> list[str | int]:
    """A name is never a formula: Excel runs a cell starting with = + - @ as one."""
    return [f"'{c}" if isinstance(c, str) and c[:1] in ("=", "+", "-", "@") else c for c in cells]
