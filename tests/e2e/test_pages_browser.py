"""The pages in a real Chromium (Debian's, through Playwright) on the demo data: log in, read the
plan dashboard, switch to English and back, a refused password change, a 404, log out; on a phone
and on a laptop screen. Each page
passes axe-core with no serious or critical finding and loads nothing from outside the service.
Screenshots go to tests/e2e/artifacts/ (not committed)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from browser import ARGS, ARTIFACTS, CHROMIUM, needs_chromium
from live_server import serve

from app.clock import Clock
from app.db import make_engine, make_sessionmaker, transaction
from app.demo.load import load
from app.migrate import upgrade
from app.settings import Settings

playwright_api = pytest.importorskip("playwright.sync_api")
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")

pytestmark = needs_chromium


@dataclass(frozen=True)
class Demo:
    base: str
    plan_id: str
    password: str  # the organizer's (tochuc)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    database = f"sqlite:///{tmp_path_factory.mktemp('pages') / 'demo.db'}"
    upgrade(database)
    engine = make_engine(database)
    with transaction(make_sessionmaker(engine)) as session:
        # The served process reads the same environment: its secret keys the demo's open round.
        loaded = load(session, Clock().today(), Settings(database_url=database).secret_bytes())
    engine.dispose()
    with serve(database) as base:
        yield Demo(base, loaded.plan_id, loaded.passwords["tochuc"])


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def serious_findings(page: object) -> list[str]:
    results = axe_api.Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize(("width", "height"), [(360, 740), (1366, 768)])
def test_an_organizer_logs_in_reads_the_dashboard_in_two_languages_and_logs_out(
    demo: Demo, browser: object, width: int, height: int
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    def shot(name: str) -> None:
        # The first screen as a person sees it, and the whole page for the record.
        page.screenshot(path=str(ARTIFACTS / f"{width}x{height}-{name}.png"))
        page.screenshot(path=str(ARTIFACTS / f"{width}x{height}-{name}-full.png"), full_page=True)

    page.goto(demo.base + "/")
    assert page.url == demo.base + "/login"
    shot("login")
    assert serious_findings(page) == []

    page.get_by_label("Tên đăng nhập").fill("tochuc")
    page.get_by_label("Mật khẩu").fill(demo.password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{demo.base}/plans/{demo.plan_id}")
    assert page.get_by_role("heading", name="Bảng thời hạn").is_visible()
    assert "Tổ chức" in page.inner_text("header")
    shot("dashboard")
    assert serious_findings(page) == []

    page.get_by_role("link", name="English").click()
    assert page.get_attribute("html", "lang") == "en"
    assert page.get_by_role("heading", name="Deadline board").is_visible()
    shot("dashboard-en")
    assert serious_findings(page) == []
    page.get_by_role("link", name="Tiếng Việt").click()
    assert page.get_attribute("html", "lang") == "vi"

    page.get_by_role("link", name="Kế hoạch", exact=True).click()
    assert page.get_by_role("heading", name="Danh sách kế hoạch").is_visible()
    shot("plans")
    assert serious_findings(page) == []

    page.get_by_role("link", name="Đổi mật khẩu").click()
    page.get_by_label("Mật khẩu hiện tại").fill("sai-mat-khau-roi")
    page.get_by_label("Mật khẩu mới (ít nhất 10 ký tự)").fill("mat-khau-moi-1")
    page.get_by_label("Nhập lại mật khẩu mới").fill("mat-khau-moi-2")
    page.get_by_role("button", name="Đổi mật khẩu").click()
    assert "Hai lần nhập mật khẩu mới không giống nhau." in page.get_by_role("alert").inner_text()
    shot("password")
    assert serious_findings(page) == []

    page.goto(demo.base + "/khong-co-trang-nay")
    assert page.get_by_role("heading", name="Không tìm thấy (404)").is_visible()
    assert serious_findings(page) == []

    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url(demo.base + "/login")
    page.goto(f"{demo.base}/plans/{demo.plan_id}")
    assert urlsplit(page.url).path == "/login"  # the session is gone on the server too

    outside = [url for url in requested if urlsplit(url).hostname != "127.0.0.1"]
    assert outside == []
    context.close()


def test_an_organizer_finds_a_cadre_without_diacritics_and_previews_an_import(
    demo: Demo, browser: object, tmp_path: object
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1366, "height": 768})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(demo.base + "/login")
    page.get_by_label("Tên đăng nhập").fill("tochuc")
    page.get_by_label("Mật khẩu").fill(demo.password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{demo.base}/plans/{demo.plan_id}")

    page.get_by_role("link", name="Cán bộ", exact=True).click()
    page.get_by_label("Tìm theo họ tên (gõ có dấu hoặc không dấu)").fill("nguyen")
    page.get_by_role("button", name="Tìm").click()
    names = page.locator("table tbody td:first-child a").all_inner_texts()
    assert names and all("Nguyễn" in n for n in names)
    page.screenshot(path=str(ARTIFACTS / "cadres-search.png"), full_page=True)
    assert serious_findings(page) == []
    page.locator("table tbody td:first-child a").first.click()
    assert page.get_by_role("heading", name="Nơi được lấy phiếu").is_visible()
    page.screenshot(path=str(ARTIFACTS / "cadre.png"), full_page=True)
    assert serious_findings(page) == []

    page.goto(f"{demo.base}/plans/{demo.plan_id}")
    page.locator("#rounds").locator("xpath=following::table[1]").locator("tbody th a").first.click()
    assert page.get_by_role("heading", name="Các hạn và tài liệu").is_visible()
    page.screenshot(path=str(ARTIFACTS / "round.png"), full_page=True)
    assert serious_findings(page) == []
    page.goto(f"{demo.base}/plans/{demo.plan_id}/rounds/new")
    page.get_by_label("Ngày hội nghị").fill("2030-01-15")
    page.get_by_role("button", name="Xem các hạn").click()
    assert "26/12/2029" in page.get_by_role("status").inner_text()  # D−20
    page.screenshot(path=str(ARTIFACTS / "round-new.png"), full_page=True)
    assert serious_findings(page) == []

    page.get_by_role("link", name="Đơn vị", exact=True).click()
    page.screenshot(path=str(ARTIFACTS / "units.png"), full_page=True)
    assert serious_findings(page) == []

    page.get_by_role("link", name="Nhập từ Excel").click()
    assert serious_findings(page) == []
    sheet = tmp_path / "don-vi.csv"  # type: ignore[operator]
    sheet.write_text("Tên đơn vị,Cấp,Đơn vị cấp trên\nSở Văn hóa Mới,Tỉnh,\nSở Lỗi,xã,\n", encoding="utf-8")
    page.get_by_label("Đơn vị", exact=True).check()
    page.get_by_label("Tệp Excel (.xlsx) hoặc CSV (UTF-8)").set_input_files(str(sheet))
    page.get_by_role("button", name="Xem trước").click()
    assert "chưa lưu gì" in page.get_by_role("alert").inner_text()
    page.screenshot(path=str(ARTIFACTS / "import-preview-errors.png"), full_page=True)
    assert serious_findings(page) == []
    context.close()
