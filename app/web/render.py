"""Rendering a page: the layout's context (user, language, CSRF token, nav), a strict policy, cookies.

Pages carry no inline script and no inline style, so their Content-Security-Policy allows only the
service's own stylesheet and forms that post back to the service (the paper-entry screen alone also
loads a script file of the service's own, and works without it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from ..services.auth import Principal
from ..settings import Settings
from . import csrf
from .i18n import COOKIE as LANG_COOKIE
from .i18n import language, translator

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent.parent / "templates")
PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
ROLE_VI = {"admin": "Quản trị", "organizer": "Tổ chức", "committee": "Kiểm phiếu", "observer": "Giám sát"}
# (path, label, roles that see it): each role sees what the API lets it use.
NAV: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("/plans", "Kế hoạch", frozenset({"admin", "organizer", "observer"})),
    ("/conference", "Ngày hội nghị", frozenset({"admin", "organizer", "committee"})),
    ("/cadres", "Cán bộ", frozenset({"admin", "organizer", "observer"})),
    ("/units", "Đơn vị", frozenset({"admin", "organizer", "observer"})),
    ("/import", "Nhập từ Excel", frozenset({"admin", "organizer"})),
    ("/docs", "Tài liệu API", frozenset({"admin", "organizer"})),
)
YEAR = 365 * 24 * 3600


def secure_cookies(request: Request) -> bool:
    settings: Settings = request.app.state.settings
    return settings.environment != "development"


def set_cookie(request: Request, response: Response, name: str, value: str, max_age: int | None) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/",
        httponly=True,
        samesite="lax",
        secure=secure_cookies(request),
    )


def switch_url(request: Request, lang: str) -> str:
    """The same page in the other language (other query values kept)."""
    query = {k: v for k, v in request.query_params.items() if k != "lang"} | {"lang": lang}
    return f"{request.url.path}?{urlencode(query)}"


def page(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    user: Principal | None = None,
    status_code: int = 200,
    form_key: str | None = None,
    script: bool = False,
) -> HTMLResponse:
    """``form_key``: the cookie value the page's forms are bound to, when the page just made it;
    ``script``: the page loads a script of the service's own (never inline)."""
    lang = language(request)
    path = request.url.path
    nav = [
        {"href": href, "label": label, "current": path == href or path.startswith(href + "/")}
        for href, label, roles in NAV
        if user is not None and user.role.value in roles
    ]
    response = TEMPLATES.TemplateResponse(
        request,
        template,
        {
            "lang": lang,
            "_": translator(lang),
            "user": user,
            "role_vi": ROLE_VI[user.role.value] if user else "",
            "nav": nav,
            "csrf": csrf.token_for(request, form_key),
            "other_lang": "en" if lang == "vi" else "vi",
            "switch_url": switch_url(request, "en" if lang == "vi" else "vi"),
            **(context or {}),
        },
        status_code=status_code,
        headers={
            # A page that works without script may still load the service's own, to be quicker to use.
            "Content-Security-Policy": PAGE_POLICY + ("; script-src 'self'" if script else ""),
            "Cache-Control": "no-store",
        },
    )
    if request.query_params.get("lang") == lang:
        set_cookie(request, response, LANG_COOKIE, lang, YEAR)
    return response
