"""CSRF: every form carries a token bound to the browser's session cookie, checked on every POST.

The token is an HMAC of the cookie under the service's secret key, so nothing extra is stored and
another site, which can neither read the cookie nor compute the HMAC, cannot forge a form. Before
login there is no session yet: the login form is bound to a random cookie of its own.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Annotated

from fastapi import Depends, Request

from ballots.errors import PermissionDenied

from ..settings import Settings

SESSION_COOKIE = "tn_session"
FORM_COOKIE = "tn_form"
FIELD = "csrf"
REFUSED_VI = "Biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang rồi gửi lại."


class CsrfRefused(PermissionDenied):
    code = "csrf_refused"


def new_form_key() -> str:
    return secrets.token_urlsafe(32)


def _sign(request: Request, key: str) -> str:
    settings: Settings = request.app.state.settings
    secret = settings.secret_bytes()
    return hmac.new(secret, b"csrf:" + key.encode(), hashlib.sha256).hexdigest()


def form_key(request: Request) -> str | None:
    return request.cookies.get(SESSION_COOKIE) or request.cookies.get(FORM_COOKIE)


def token_for(request: Request, fresh_key: str | None = None) -> str:
    key = fresh_key or form_key(request)
    return _sign(request, key) if key else ""


async def check(request: Request) -> None:
    """A dependency of every POST page route; it runs before anything is read or counted."""
    key = form_key(request)
    sent = (await request.form()).get(FIELD)
    if not key or not isinstance(sent, str) or not hmac.compare_digest(sent, _sign(request, key)):
        raise CsrfRefused("the form's CSRF token is missing or wrong; reload the page", message_vi=REFUSED_VI)


CsrfChecked = Annotated[None, Depends(check)]
