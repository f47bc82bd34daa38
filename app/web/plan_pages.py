"""The plans and a plan's dashboard."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..deps import ClockDep, ReadSessionDep
from ..documents.plan_summary import STATUS_VI as STATUS_VI  # one name per status, pages and PDFs
from ..services import plan_pages as service
from .forms import require_catalog
from .render import page
from .session import PageUser

router = APIRouter(include_in_schema=False)

# Column heads of the deadline board: the day count first, as organizers say it ("D−20").
MILESTONE_VI = {
    "report": "D−20 · Báo cáo tự kiểm điểm",
    "dossier": "D−15 · Gửi hồ sơ",
    "clarification_request": "D−10 · Yêu cầu làm rõ",
    "answers": "D−3 · Giải trình",
}
WEEKDAYS = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")


@router.get("/plans")
def plans(request: Request, user: PageUser, read: ReadSessionDep) -> HTMLResponse:
    require_catalog(user)
    return page(request, "plans.html", {"plans": service.plan_list(read)}, user=user)


@router.get("/plans/{plan_id}")
def plan(
    plan_id: str, request: Request, user: PageUser, read: ReadSessionDep, clock: ClockDep
) -> HTMLResponse:
    require_catalog(user)
    view = service.plan_page(read, plan_id, clock.today())
    return page(
        request,
        "plan.html",
        {
            "view": view,
            "d": view.dashboard,
            "status_vi": STATUS_VI,
            "milestone_vi": MILESTONE_VI,
            "weekdays": WEEKDAYS,
        },
        user=user,
    )
