"""The code slips PDF, read back the way a person and a phone read it: its text, its pages, its QR codes.

The PDF is read with poppler-utils (pdftotext, pdfinfo, pdftoppm) and the QR codes with zbarimg
(zbar-tools); .ci/run installs both. A missing tool fails the test with the package to install.
"""

from __future__ import annotations

import math
import random
import shutil
import subprocess
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from app.documents.slips import GRID, MAX_LENGTHS, SLIPS_PER_PAGE, address_pieces, render_slips, slip_address
from ballots.codes import new_code
from ballots.errors import InvalidInput

TITLE = "Hội nghị lấy phiếu tín nhiệm Sở Tài chính"
UNIT = "Tỉnh Hà Sơn"
VENUE = "Hội trường tầng 3, số 12 Trần Hưng Đạo"
VOTE_DATE = date(2027, 9, 5)
VOTE_URL = "https://tinnhiem.hason.gov.vn/bo-phieu"
INSTRUCTIONS = [
    f"Quét mã QR hoặc mở địa chỉ {VOTE_URL} và nhập mã.",
    "Mỗi mã chỉ dùng được một lần.",
    "Không ghi tên lên phiếu.",
]
# The command-line tools the tests read the PDF with, and the Debian package each comes in.
TOOLS = {
    "pdftotext": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "zbarimg": "zbar-tools",
}
POINTS_PER_MM = 72 / 25.4


def sample_codes(count: int) -> list[str]:
    """Codes as the service makes them; the first two end in check symbols a URL must escape ($ and =)."""
    rng = random.Random(23)
    special = [new_code(bytes(9) + bytes([value])) for value in (34, 35)]
    return special + [new_code(rng.randbytes(10)) for _ in range(count - len(special))]


def render(codes: list[str], **changes: object) -> bytes:
    """The sample round's slips, with any field changed."""
    fields: dict[str, object] = {
        "round_title": TITLE,
        "unit_name": UNIT,
        "vote_date": VOTE_DATE,
        "venue": VENUE,
        "vote_url": VOTE_URL,
    }
    return render_slips(codes=codes, **{**fields, **changes})  # type: ignore[arg-type]


def run(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is not installed: apt-get install {TOOLS[tool]} (as .ci/run does)")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def codes() -> list[str]:
    return sample_codes(23)


@pytest.fixture(scope="module")
def pdf(codes: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("slips") / "slips.pdf"
    path.write_bytes(render(codes))
    return path


@pytest.fixture(scope="module")
def text(pdf: Path) -> str:
    return run("pdftotext", "-enc", "UTF-8", str(pdf), "-")


def flowing(text: str) -> str:
    """The text as a sentence reads across lines: each line break and run of spaces is one space, and
    a break after a "/" of the voting address (the only place the address may break) is none."""
    return " ".join(text.split()).replace("/ ", "/")


def slip_text(pdf: Path, index: int) -> str:
    """The text inside the cut lines of one slip (pdftotext reads a whole page across both columns)."""
    page, place = divmod(index, SLIPS_PER_PAGE)
    row, column = divmod(place, GRID["columns"])
    left = (GRID["left"] + column * GRID["width"]) * POINTS_PER_MM
    top = (GRID["top"] + row * GRID["height"]) * POINTS_PER_MM
    area = [left + 1, top + 1, GRID["width"] * POINTS_PER_MM - 2, GRID["height"] * POINTS_PER_MM - 2]
    crop = [arg for flag, value in zip("xyWH", area, strict=True) for arg in (f"-{flag}", str(int(value)))]
    pages = ["-f", str(page + 1), "-l", str(page + 1)]
    return flowing(run("pdftotext", "-enc", "UTF-8", *pages, *crop, str(pdf), "-"))


@pytest.fixture(scope="module")
def slips(pdf: Path, codes: list[str]) -> list[str]:
    return [slip_text(pdf, index) for index in range(len(codes))]


def test_every_code_is_printed_exactly_once_in_the_order_given(
    text: str, slips: list[str], codes: list[str]
) -> None:
    assert [text.count(code) for code in codes] == [1] * len(codes)
    assert [code in slip for slip, code in zip(slips, codes, strict=True)] == [True] * len(codes)


@pytest.mark.parametrize(
    "words",
    ["PHIẾU MÃ BỎ PHIẾU", TITLE, UNIT, "Ngày bỏ phiếu: 05/09/2027", f"Địa điểm: {VENUE}", *INSTRUCTIONS],
)
def test_every_slip_says_in_vietnamese_what_it_is_for_and_how_to_use_it(words: str, slips: list[str]) -> None:
    assert [slip.count(words) for slip in slips] == [1] * len(slips)


def test_ten_slips_fill_a_page_and_the_pages_are_numbered(pdf: Path, text: str, codes: list[str]) -> None:
    pages = math.ceil(len(codes) / SLIPS_PER_PAGE)
    assert pages == 3
    assert f"Pages:           {pages}\n" in run("pdfinfo", str(pdf))
    assert [f"Trang {n}/{pages}" in text for n in range(1, pages + 1)] == [True] * pages
    assert run("pdfinfo", str(pdf)).count("A4") == 1


def test_the_same_slips_give_the_same_bytes(pdf: Path, codes: list[str]) -> None:
    assert render(codes) == pdf.read_bytes()


def test_each_qr_code_opens_the_ballot_with_its_own_code(pdf: Path, codes: list[str], tmp_path: Path) -> None:
    run("pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page"))
    (image,) = tmp_path.glob("page*.png")
    decoded = run("zbarimg", "--quiet", "--raw", str(image)).split()
    first_page = codes[:SLIPS_PER_PAGE]
    assert sorted(decoded) == sorted(slip_address(VOTE_URL, code) for code in first_page)
    assert {url.partition("?")[0] for url in decoded} == {VOTE_URL}
    assert sorted(parse_qs(urlsplit(url).query)["code"][0] for url in decoded) == sorted(first_page)


def test_the_code_joins_a_query_the_voting_address_already_has() -> None:
    code = "K7QF-2M9X-RT4B-8HNW-Q"
    assert slip_address(VOTE_URL, code) == f"{VOTE_URL}?code={code}"
    assert slip_address(VOTE_URL + "?dot=2", code) == f"{VOTE_URL}?dot=2&code={code}"
    assert slip_address(VOTE_URL + "?dot=2#ma", code) == f"{VOTE_URL}?dot=2&code={code}#ma"


def test_a_check_symbol_that_means_something_in_a_url_is_escaped() -> None:
    code = new_code(bytes(9) + bytes([34]))
    assert code.endswith("$")
    assert slip_address(VOTE_URL, code).endswith("-%24")


@pytest.mark.parametrize(
    "changes",
    [
        {"codes": []},
        {"codes": ["k7qf 2m9x rt4b 8hnw q"]},
        {"codes": ["K7QF-2M9X-RT4B-8HNW-Q", "K7QF-2M9X-RT4B-8HNW-Q"]},
        {"codes": ["K7QF-2M9X-RT4B-8HNW-R"]},
        {"round_title": "  "},
        {"vote_url": "tinnhiem.hason.gov.vn/bo-phieu"},
        {"vote_url": "javascript:alert(1)"},
    ],
)
def test_slips_that_could_not_be_used_are_refused(changes: dict[str, object]) -> None:
    fields: dict[str, object] = {"codes": ["K7QF-2M9X-RT4B-8HNW-Q"], **changes}
    with pytest.raises(InvalidInput):
        render(**fields)  # type: ignore[arg-type]


def test_typst_markup_in_the_data_is_printed_as_text(tmp_path: Path) -> None:
    title = 'Hội nghị #set text(size: 40pt) *đậm* $x$ "trích" \\ ]'
    path = tmp_path / "slips.pdf"
    path.write_bytes(render(sample_codes(2), round_title=title))
    assert title in flowing(run("pdftotext", "-enc", "UTF-8", str(path), "-"))


def longest(words: str, field: str) -> str:
    return (words * MAX_LENGTHS[field])[: MAX_LENGTHS[field]]


def test_the_longest_words_allowed_still_fit_on_every_slip(tmp_path: Path) -> None:
    fields = {
        "round_title": longest(
            "Hội nghị lấy phiếu tín nhiệm các chức danh do Hội đồng nhân dân bầu, ", "round_title"
        ),
        "unit_name": longest("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh, ", "unit_name"),
        "venue": longest("Hội trường lớn, số 1 đường Trần Hưng Đạo, phường Nguyễn Trãi, ", "venue"),
        "vote_url": longest(f"{VOTE_URL}/vong/3f2a1b4c-9d8e-4f70-a1b2-c3d4e5f60718/nhap-ma", "vote_url"),
    }
    codes = sample_codes(SLIPS_PER_PAGE)
    pdf = tmp_path / "slips.pdf"
    pdf.write_bytes(render(codes, **fields))
    for index, code in enumerate(codes):
        printed = slip_text(pdf, index)
        assert [" ".join(words.split()) in printed for words in fields.values()] == [True] * 4
        assert code in printed
    run("pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "page"))
    (image,) = tmp_path.glob("page*.png")
    decoded = run("zbarimg", "--quiet", "--raw", str(image)).split()
    assert sorted(decoded) == sorted(slip_address(fields["vote_url"], code) for code in codes)


def test_words_longer_than_a_slip_has_room_for_are_refused() -> None:
    for field, limit in MAX_LENGTHS.items():
        words = "https://h.vn/" + "x" * limit if field == "vote_url" else "x" * (limit + 1)
        with pytest.raises(InvalidInput) as refused:
            render(sample_codes(1), **{field: words})
        assert refused.value.details == {"field": field, "max_length": limit}


def test_the_address_may_break_only_after_a_slash() -> None:
    assert address_pieces("https://h.vn") == ["https://h.vn"]
    assert address_pieces("https://h.vn/bo-phieu") == ["https://h.vn/", "bo-phieu"]
    assert address_pieces("http://h.vn:8000/a/b-c/?x=1") == ["http://h.vn:8000/", "a/", "b-c/", "?x=1"]
