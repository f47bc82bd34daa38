"""The voter's path in a real Chromium with JavaScript off, on a phone (360 x 740), by keyboard only:
enter the code, choose with Tab, arrows and Space, review, cast, read the receipt, find it on the
board. Each page passes axe-core (run in a second, script-enabled context on the same addresses,
since axe is a script) with no serious or critical finding. Screenshots: tests/e2e/artifacts/."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import ARGS, ARTIFACTS, CHROMIUM, needs_chromium
from live_server import serve
from voting_setup import open_round_in

playwright_api = pytest.importorskip("playwright.sync_api")
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")

PHONE = {"width": 360, "height": 740}
pytestmark = needs_chromium


@dataclass(frozen=True)
class Live:
    base: str
    round_id: str
    codes: list[str]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    database = f"sqlite:///{tmp_path_factory.mktemp('vote') / 'vote.db'}"
    vote = open_round_in(database, slips=3, cadres=3)
    with serve(database) as base:
        yield Live(base, vote.id, vote.codes)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def no_overflow(page: object) -> None:
    """Nothing wider than the phone: no sideways scrolling of the whole page."""
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # type: ignore[attr-defined]


def submit(page: object) -> None:
    """Enter on the focused control, and wait for the page it brings (no script: a real navigation)."""
    with page.expect_navigation():  # type: ignore[attr-defined]
        page.keyboard.press("Enter")  # type: ignore[attr-defined]


def test_a_voter_votes_on_a_phone_by_keyboard_with_javascript_off(live: Live, browser: object) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    # axe is a script: it runs in a second, script-enabled context that loads the same pages.
    checker = browser.new_context(viewport=PHONE)  # type: ignore[attr-defined]
    axe_page = checker.new_page()
    findings: dict[str, list[str]] = {}

    def check(name: str) -> None:
        page.screenshot(path=str(ARTIFACTS / f"vote-360-{name}.png"), full_page=True)
        axe_page.set_content(page.content())  # the very page the voter sees (POST answers included)
        axe_page.add_style_tag(path=str(Path(__file__).resolve().parents[2] / "app/static/site.css"))
        results = axe_api.Axe().run(axe_page)
        findings[name] = [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    code = live.codes[0]
    page.goto(f"{live.base}/bo-phieu/{live.round_id}")
    assert page.get_by_role("heading", name="Nhập mã bỏ phiếu").is_visible()
    no_overflow(page)
    check("code")
    # Keyboard only: the skip link, the brand, the language link, then the code field.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    field = page.get_by_label("Mã bỏ phiếu")
    while not field.evaluate("e => e === document.activeElement"):
        page.keyboard.press("Tab")
    page.keyboard.type(code.lower())
    submit(page)
    assert page.get_by_role("heading", name="Phiếu tín nhiệm").is_visible()
    assert code not in page.url
    no_overflow(page)
    groups = page.get_by_role("group")
    assert groups.count() == 3
    check("ballot")

    # Each row starts on its "Để trống" choice, so Tab into a group lands there. Row 1: the down
    # arrow goes round to (and chooses) "Tín nhiệm cao"; row 2: twice, "Tín nhiệm"; row 3 stays blank.
    blank = "Để trống (không chọn)"
    assert page.get_by_role("radio", name=blank).count() == 3
    while page.evaluate("document.activeElement.type") != "radio":
        page.keyboard.press("Tab")
    assert page.get_by_role("radio", name=blank).first.evaluate("e => e === document.activeElement")
    page.keyboard.press("ArrowDown")
    assert page.get_by_role("radio", name="Tín nhiệm cao").first.is_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # the focus is visible
    page.screenshot(path=str(ARTIFACTS / "vote-360-ballot-focus.png"))
    page.keyboard.press("Tab")  # into row 3: its blank choice, left as it is
    assert page.evaluate("document.activeElement.value") == ""
    page.keyboard.press("Tab")  # to the button
    assert page.evaluate("document.activeElement.textContent").strip() == "Xem lại phiếu"
    submit(page)
    assert page.get_by_role("heading", name="Xem lại phiếu").is_visible()
    assert "Dòng để trống được tính là phiếu không hợp lệ đối với người đó" in page.inner_text("main")
    review = page.inner_text("ol.review")
    assert review.count("Tín nhiệm cao") == 1 and review.count("Để trống") == 1
    no_overflow(page)
    check("review")

    # "Sửa lại" keeps the choices; row 1 is then taken back to blank by keyboard (the up arrow
    # goes round from the first level to "Để trống"), and the review warns about two blank rows.
    page.get_by_role("button", name="Sửa lại").focus()
    submit(page)
    assert page.get_by_role("radio", name="Tín nhiệm cao").first.is_checked()
    assert page.get_by_role("radio", name="Tín nhiệm", exact=True).nth(1).is_checked()
    page.get_by_role("radio", name="Tín nhiệm cao").first.focus()
    page.keyboard.press("ArrowUp")
    assert page.get_by_role("radio", name=blank).first.is_checked()
    assert not page.get_by_role("radio", name="Tín nhiệm cao").first.is_checked()
    page.get_by_role("button", name="Xem lại phiếu").focus()
    submit(page)
    assert "Có 2 dòng để trống." in page.inner_text("main")
    assert page.inner_text("ol.review").count("Để trống") == 2
    page.get_by_role("button", name="Bỏ phiếu").focus()
    submit(page)
    assert page.get_by_role("heading", name="Đã bỏ phiếu").is_visible()
    receipt = page.inner_text("p.mono.receipt").strip()
    assert len(receipt) == 64
    assert "Tín nhiệm cao" not in page.inner_text("main")
    no_overflow(page)
    check("receipt")

    page.get_by_role("link", name="Bảng tin biên nhận của hội nghị").focus()
    submit(page)
    assert receipt in page.inner_text("ol.receipts")
    page.get_by_label("Tìm biên nhận").focus()
    page.keyboard.type(receipt[:8])
    submit(page)
    assert "Có trên bảng tin:" in page.inner_text("main")
    no_overflow(page)
    check("board")

    # The same code again: refused, without saying why.
    page.goto(f"{live.base}/bo-phieu/{live.round_id}")
    page.get_by_label("Mã bỏ phiếu").fill(code)
    page.get_by_label("Mã bỏ phiếu").focus()
    submit(page)
    assert "Mã không hợp lệ hoặc đã được sử dụng" in page.get_by_role("alert").inner_text()
    check("refused")

    assert {name: found for name, found in findings.items() if found} == {}
    assert [url for url in requested if urlsplit(url).hostname != "127.0.0.1"] == []
    context.close()
    checker.close()
