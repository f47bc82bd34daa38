"""The CSV and the workbook of a round's results never hand Excel a formula, whatever a name says."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from app.documents.result_context import ResultContext
from app.documents.result_table import render_csv
from app.spreadsheets.result_book import render_xlsx

LEVEL = {"count": 1, "percent": "100.00"}
NOTHING = {"count": 0, "percent": "0.00"}
DOCUMENT = {
    "round": {
        "id": "r1",
        "title": '=HYPERLINK("x")',
        "unit": "Sở",
        "vote_date": "2027-09-20",
        "rulebook": "qd96",
    },
    "summoned": 1,
    "present": 1,
    "quorum_met": True,
    "ballots_issued": 1,
    "ballots_returned": 1,
    "candidates": [
        {
            "cadre_id": "c1",
            "name": "=1+1",
            "posts": ["@Giám đốc"],
            "valid": 1,
            "invalid": 0,
            "high": LEVEL,
            "medium": NOTHING,
            "low": NOTHING,
            "band": "none",
            "review": False,
        }
    ],
}


def test_the_csv_quotes_what_excel_would_run_and_starts_with_a_bom():
    data = render_csv(ResultContext(DOCUMENT))
    assert data.startswith("\ufeff".encode())
    row = data.decode("utf-8-sig").splitlines()[1]
    assert row.startswith("1,'=1+1,'@Giám đốc,1,100.00,")


def test_the_workbook_keeps_formula_like_names_and_titles_as_text():
    sheet = load_workbook(io.BytesIO(render_xlsx(ResultContext(DOCUMENT)))).active
    cells = {c.value: c.data_type for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    assert cells["=1+1"] == "s" and cells['=HYPERLINK("x")'] == "s"
