"""The results page of a counted round in a real Chromium: its bars are drawn (SVG from the server,
no script), its bands read as words, axe-core finds nothing serious or critical, and the minutes
download from the page. Screenshots go to tests/e2e/artifacts/ (not committed)."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser import ARGS, ARTIFACTS, CHROMIUM, needs_chromium
from fastapi.testclient import TestClient
from live_server import serve
from test_pages_browser import serious_findings

from app.clock import Clock
from app.main import create_app
from app.migrate import upgrade
from app.models.user import Role
from app.services import auth
from app.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "api"))

from result_builders import counted_round

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = needs_chromium
PASSWORD = "mat-khau-du-dai"
NAMES = ["Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Văn Tám"]
BALLOTS = [("low", "high", "low"), ("low", "high", "low"), ("low", "low", "low"), ("low", "high", "medium")]
BALLOTS += [("high", "medium", "medium"), ("medium", None, "high")]


@dataclass(frozen=True)
class Counted:
    base: str
    round_id: str
    cadre_id: str
    plan_id: str
    username: str


@pytest.fixture(scope="module")
def counted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Counted]:
    database = f"sqlite:///{tmp_path_factory.mktemp('results') / 'results.db'}"
    upgrade(database)
    app = create_app(Settings(database_url=database, fast_password_hashing=True))
    with app.state.sessionmaker() as session:
        user, _ = auth.create_user(
            session, f"tochuc-{uuid.uuid4().hex[:6]}", Role.ORGANIZER, password=PASSWORD
        )
        _, secret = auth.create_token(session, user.username, Clock().now())
        session.commit()
        with TestClient(app) as client:
            headers = {"Authorization": f"Bearer {secret}"}
            made = counted_round(
                client,
                session,
                headers,
                BALLOTS,
                names=NAMES,
                committee=[("Phạm Thị Mơ", "Trưởng ban")],
                title="Hội nghị lấy phiếu tín nhiệm Sở Tài chính",
                venue="Hội trường tầng 3",
            )
            plan_id = client.get(f"/api/v1/rounds/{made.id}", headers=headers).json()["plan_id"]
        username = user.username
    with serve(database) as base:
        yield Counted(base, made.id, made.cadre_ids[0], plan_id, username)


@pytest.mark.parametrize(("width", "height"), [(360, 740), (1366, 768)])
def test_the_results_page_reads_well_and_passes_axe(counted: Counted, width: int, height: int) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = chromium.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
        page = context.new_page()
        page.goto(f"{counted.base}/rounds/{counted.round_id}/results")
        page.get_by_label("Tên đăng nhập").fill(counted.username)
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(f"{counted.base}/rounds/{counted.round_id}/results")
        assert page.get_by_role("heading", name="Kết quả từng người").is_visible()
        bars = page.locator("svg.stack")
        assert bars.count() == 3
        box = bars.first.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 20
        assert (
            page.get_by_role("img", name="Nguyễn Văn Hùng — Tín nhiệm cao: 1 (16.67%)", exact=False).count()
            == 1
        )
        assert "Từ 2/3 trở lên phiếu tín nhiệm thấp." in page.inner_text("main")
        page.screenshot(path=str(ARTIFACTS / f"{width}x{height}-results.png"))
        page.screenshot(path=str(ARTIFACTS / f"{width}x{height}-results-full.png"), full_page=True)
        assert serious_findings(page) == []
        for path in (f"/cadres/{counted.cadre_id}/results", f"/plans/{counted.plan_id}/results"):
            page.goto(counted.base + path)
            name = path.strip("/").replace("/", "-")
            page.screenshot(path=str(ARTIFACTS / f"{width}x{height}-{name[:40]}.png"), full_page=True)
            assert serious_findings(page) == [], path
        page.goto(f"{counted.base}/rounds/{counted.round_id}/results")
        with page.expect_download() as download:
            page.get_by_role("link", name="Biên bản kiểm phiếu (PDF)").click()
        assert download.value.suggested_filename.startswith("bien-ban-kiem-phieu-")
        context.close()
        chromium.close()
