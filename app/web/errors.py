"""Refusals on page routes become Vietnamese HTML pages; the API keeps its JSON errors.

The JSON handlers of app/errors.py stay installed; each is wrapped so that a request for a page
gets a page, and every other request gets exactly what it got before.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import WebSocketRequestValidationError
from fastapi.responses import PlainTextResponse, RedirectResponse, Response

from ..db import transaction
from ..errors import TooManyRequests
from ..services import sessions
from ..services.auth import Principal
from .csrf import SESSION_COOKIE, CsrfRefused
from .render import page
from .session import LoginRequired

NOT_PAGES = ("/api/", "/healthz", "/openapi.json", "/docs", "/redoc", "/static/", "/assets/")
TITLES = {
    403: "Không có quyền",
    404: "Không tìm thấy",
    409: "Xung đột dữ liệu",
    405: "Dữ liệu chưa hợp lệ",
    413: "Dữ liệu chưa hợp lệ",
    422: "Dữ liệu chưa hợp lệ",
    429: "Thử quá nhiều lần",
    500: "Đã có lỗi",
    503: "Hệ thống đang bận",
}
# What a person is told per status when the refusal has no Vietnamese words of its own.
MESSAGES = {
    403: "Bạn không có quyền xem hoặc làm việc này.",
    404: "Trang này không tồn tại hoặc đã bị chuyển đi.",
    500: "Hệ thống gặp lỗi ngoài dự kiến. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị viên.",
}
Handler = Callable[[Request, Exception], Any]


def is_page(request: Request) -> bool:
    return not request.url.path.startswith(NOT_PAGES)


def _who(request: Request) -> Principal | None:
    """The logged-in user, so that an error page keeps the menu and the logout button."""
    secret = request.cookies.get(SESSION_COOKIE)
    if not secret:
        return None
    try:
        with transaction(request.app.state.sessionmaker, writes=False) as session:
            return sessions.principal(session, secret, request.app.state.clock.now())
    except Exception:  # an error page must not fail in turn: the database may be what failed
        return None


def _way_back(request: Request) -> tuple[str, str]:
    """Where the error page's link leads: a voter (no login) back to the round's code entry."""
    voter = re.match(r"/bo-phieu/([^/]+)", request.url.path)
    if voter:
        return f"/bo-phieu/{voter.group(1)}", "Về trang nhập mã bỏ phiếu"
    return "/", "Về trang chủ"


def error_page(request: Request, status: int, message: str = "", english: str = "") -> Response:
    """``english``: the refusal's own English words, shown instead when the page is in English."""
    text = message or MESSAGES.get(status) or MESSAGES[500]
    title = TITLES.get(status, "Đã có lỗi")
    back, back_label = _way_back(request)
    context = {
        "status": status,
        "title": title,
        "message": text,
        "english": english if message else "",
        "back": back,
        "back_label": back_label,
    }
    return page(request, "error.html", context, user=_who(request), status_code=status)


def page_answer(request: Request, exc: Exception, api_answer: Response | None = None) -> Response:
    """The page for a refusal, from the API's own answer to it (its status and Vietnamese words)."""
    if isinstance(exc, LoginRequired):
        return RedirectResponse("/login?" + urlencode({"next": request.url.path}), status_code=303)
    if isinstance(exc, TooManyRequests):
        return error_page(request, 429, f"Thử quá nhiều lần. Hãy đợi {exc.retry_after} giây rồi thử lại.")
    if isinstance(exc, CsrfRefused):
        return error_page(request, 403, exc.message_vi)
    if api_answer is None:
        return error_page(request, 500)
    status = api_answer.status_code
    error = json.loads(bytes(api_answer.body)).get("error", {})
    # A 403 may name rights in API terms (scopes) and a 404 the raw path: the page says it plainly.
    if status in MESSAGES:
        return error_page(request, status)
    return error_page(request, status, error.get("message_vi", ""), error.get("message", ""))


def _either(api_handler: Handler) -> Handler:
    def handle(request: Request, exc: Exception) -> Any:
        answer = api_handler(request, exc)  # re-raises what it does not answer: a 500 below
        return page_answer(request, exc, answer) if is_page(request) else answer

    return handle


def _server_error(request: Request, exc: Exception) -> Response:
    # Starlette logs the exception itself; here only the answer is chosen.
    if not is_page(request):
        return PlainTextResponse("Internal Server Error", status_code=500)
    return error_page(request, 500)


def install(app: FastAPI) -> None:
    """Call after app/errors.py's ``install``."""
    for exc_class, handler in list(app.exception_handlers.items()):
        if exc_class is not WebSocketRequestValidationError:  # no page is a websocket
            app.exception_handlers[exc_class] = _either(handler)
    app.add_exception_handler(LoginRequired, page_answer)
    app.add_exception_handler(Exception, _server_error)
