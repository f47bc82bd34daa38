"""The code slips of a round as one A4 PDF: ten slips a page, dashed cut lines, a QR code on each.

Each slip carries the round, the unit, the vote date and venue, the code in large monospace type, a
QR code and the voting address in words. The QR code opens the voting address with the slip's code
as the query parameter ``code`` (``https://…/bo-phieu?code=K7QF-2M9X-RT4B-8HNW-Q``), so a phone lands
on the ballot with the code filled in; a person without a phone types the printed address and code.

The slips carry no number and follow the order of ``codes``: the caller hands them in shuffled, and
the PDF says nothing that could tie a slip to a person. The same input gives the same bytes (no
creation date, no system fonts: only the fonts built into typst, which cover Vietnamese).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date
from importlib.resources import files
from urllib.parse import SplitResult, quote, urlsplit

import segno

from ballots.codes import parse_code
from ballots.errors import InvalidInput

from .pdf import render_pdf

TEMPLATE = files("app.documents") / "templates" / "slips.typ"
# Where the slips sit on an A4 page (210 x 297 mm), in millimetres: 2 x 5 slips of 95 x 54 mm from
# 10 mm left and 12 mm top; the footer with the page number lives in the bottom margin.
GRID = {"columns": 2, "rows": 5, "width": 95, "height": 54, "left": 10, "top": 12}
SLIPS_PER_PAGE = GRID["columns"] * GRID["rows"]
# The longest words a slip has room for: at these lengths the text still fits beside the QR code.
MAX_LENGTHS = {"round_title": 120, "unit_name": 80, "venue": 100, "vote_url": 80}
# Level M restores a code with up to 15% of it smudged or torn, and stays small at ~60 characters.
QR_ERROR_LEVEL = "m"


def slip_address(vote_url: str, code: str) -> str:
    """The address a slip's QR code opens: the voting address with ``code=`` added to its query."""
    parts = urlsplit(vote_url)
    query = "&".join(q for q in (parts.query, "code=" + quote(code, safe="-")) if q)
    return SplitResult(parts.scheme, parts.netloc, parts.path, query, parts.fragment).geturl()


def address_pieces(vote_url: str) -> list[str]:
    """The voting address cut after each "/" of its path, where a printed line may break."""
    parts = urlsplit(vote_url)
    host = f"{parts.scheme}://{parts.netloc}"
    pieces = re.findall(r"[^/]*/|[^/]+$", vote_url.removeprefix(host))
    return [host + pieces[0], *pieces[1:]] if pieces else [host]


def qr_svg(payload: str) -> str:
    """The QR code of ``payload`` as a bare SVG element, one unit per module, no quiet zone.

    The slip leaves white space around the image itself, so the quiet zone costs no room twice.
    """
    out = io.BytesIO()
    segno.make(payload, error=QR_ERROR_LEVEL, boost_error=False).save(
        out, kind="svg", border=0, xmldecl=False, nl=False
    )
    return out.getvalue().decode("utf-8")


def _checked(round_title: str, unit_name: str, venue: str, codes: Sequence[str], vote_url: str) -> None:
    words = {"round_title": round_title, "unit_name": unit_name, "venue": venue, "vote_url": vote_url}
    for field, value in words.items():
        if not value.strip():
            raise InvalidInput(f"a slip needs a {field}", details={"field": field})
        if len(value) > MAX_LENGTHS[field]:
            raise InvalidInput(
                f"a slip has room for {MAX_LENGTHS[field]} characters of {field}, not {len(value)}",
                details={"field": field, "max_length": MAX_LENGTHS[field]},
            )
    if urlsplit(vote_url).scheme not in {"http", "https"} or not urlsplit(vote_url).netloc:
        raise InvalidInput("the voting address must be an http(s) URL", details={"field": "vote_url"})
    if not codes:
        raise InvalidInput("there are no codes to print", details={"field": "codes"})
    for code in codes:
        if parse_code(code) != code:
            raise InvalidInput("a code to print must be in its canonical form", details={"field": "codes"})
    if len(set(codes)) != len(codes):
        raise InvalidInput("a code appears twice among the slips", details={"field": "codes"})


def render_slips(
    round_title: str,
    unit_name: str,
    vote_date: date,
    venue: str,
    codes: Sequence[str],
    vote_url: str,
) -> bytes:
    """An A4 PDF with one slip per code, in the order given, ten to a page, pages numbered "Trang 1/3"."""
    _checked(round_title, unit_name, venue, codes, vote_url)
    data = {
        "round_title": round_title,
        "unit_name": unit_name,
        "vote_date": vote_date.strftime("%d/%m/%Y"),
        "venue": venue,
        "vote_url": address_pieces(vote_url),
        "grid": GRID,
        "slips": [{"code": code, "qr": qr_svg(slip_address(vote_url, code))} for code in codes],
    }
    return render_pdf(TEMPLATE, data)
