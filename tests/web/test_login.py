"""Logging in and out of the pages: a server-side session in a cookie, CSRF on every form."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from page_helpers import PASSWORD, csrf_of, log_in, make_user, post_form
from sqlalchemy.orm import Session

from app.clock import Clock
from app.models.user import Role
from app.services import auth
from ballots.errors import InvalidInput


def configure(client: TestClient, **changes: Any) -> None:
    app: Any = client.app
    app.state.settings = app.state.settings.model_copy(update=changes)


def test_the_front_door_sends_a_stranger_to_the_login_form(pages: TestClient) -> None:
    response = pages.get("/", follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/login")
    form = pages.get("/login")
    assert form.status_code == 200
    assert '<html lang="vi">' in form.text and "Tên đăng nhập" in form.text and "Mật khẩu" in form.text
    assert "<script" not in form.text and "style=" not in form.text
    policy = form.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "style-src 'self'" in policy and "script-src" not in policy


def test_a_good_login_sets_an_httponly_secure_lax_session_cookie(pages: TestClient, session: Session) -> None:
    name = make_user(session)
    response = log_in(pages, name)
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("tn_session="))
    flags = {part.strip().lower() for part in cookie.split(";")[1:]}
    assert {"httponly", "secure", "samesite=lax", "path=/"} <= flags
    # The cookie is opaque: only its hash is stored, as an API token's is.
    secret = cookie.split(";")[0].split("=", 1)[1]
    assert all(t.token_hash != secret for t in auth.tokens_of(session, name))
    assert pages.get("/", follow_redirects=False).headers["location"] == "/plans"


def test_a_wrong_password_is_told_in_vietnamese_and_starts_no_session(
    pages: TestClient, session: Session
) -> None:
    name = make_user(session)
    response = log_in(pages, name, "sai-mat-khau-roi")
    assert response.status_code == 401
    assert "Sai tên đăng nhập hoặc mật khẩu." in response.text
    assert "tn_session" not in pages.cookies
    assert log_in(pages, "khong-ai-ca", "sai-mat-khau-roi").status_code == 401


def test_a_name_that_failed_too_often_is_locked_out_with_a_vietnamese_message(
    pages: TestClient, session: Session
) -> None:
    configure(pages, login_rate_per_user="2/minute")
    name = make_user(session)
    assert [log_in(pages, name, "sai-mat-khau-roi").status_code for _ in range(2)] == [401, 401]
    locked = log_in(pages, name)  # even the right password waits out the window
    assert locked.status_code == 429
    assert "Thử quá nhiều lần. Hãy đợi" in locked.text and "giây rồi thử lại." in locked.text


def test_a_post_without_the_csrf_token_is_refused(pages: TestClient, session: Session) -> None:
    name = make_user(session)
    pages.get("/login")  # the browser holds the form's cookie, but the form's token is missing
    refused = pages.post("/login", data={"username": name, "password": PASSWORD}, follow_redirects=False)
    assert refused.status_code == 403
    assert "Biểu mẫu đã hết hạn hoặc không hợp lệ" in refused.text
    forged = pages.post(
        "/login", data={"csrf": "0" * 64, "username": name, "password": PASSWORD}, follow_redirects=False
    )
    assert forged.status_code == 403 and "tn_session" not in pages.cookies
    log_in(pages, name)
    assert pages.post("/logout", data={}, follow_redirects=False).status_code == 403
    assert pages.get("/plans").status_code == 200  # still logged in


def test_logging_out_revokes_the_session_on_the_server(pages: TestClient, session: Session) -> None:
    log_in(pages, make_user(session))
    secret = pages.cookies["tn_session"]
    response = post_form(pages, "/plans", "/logout")
    assert (response.status_code, response.headers["location"]) == (303, "/login")
    pages.cookies.set("tn_session", secret, domain="testserver")  # a copy kept by a thief
    response = pages.get("/plans", follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/login?next=%2Fplans")


def test_page_sessions_and_api_tokens_do_not_stand_in_for_each_other(
    pages: TestClient, session: Session, clock: Clock
) -> None:
    name = make_user(session)
    log_in(pages, name)
    secret = pages.cookies["tn_session"]
    assert pages.get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"}).status_code == 401
    with pytest.raises(InvalidInput):  # nor can an API token be made to look like a session
        auth.create_token(session, name, clock.now(), name="web-session")
    _, api_token = auth.create_token(session, name, clock.now())
    session.commit()
    pages.cookies.clear()
    pages.cookies.set("tn_session", api_token, domain="testserver")
    assert pages.get("/plans", follow_redirects=False).status_code == 303


def test_changing_the_password_checks_the_form_then_renews_the_session(
    pages: TestClient, session: Session
) -> None:
    name = make_user(session)
    log_in(pages, name)
    old = pages.cookies["tn_session"]

    def change(current: str, new: str, again: str) -> Any:
        return post_form(pages, "/password", "/password", current=current, new=new, again=again)

    assert (
        "Hai lần nhập mật khẩu mới không giống nhau." in change(PASSWORD, "mot-mat-khau", "hai-mat-khau").text
    )
    assert "Mật khẩu mới cần ít nhất 10 ký tự." in change(PASSWORD, "ngan", "ngan").text
    assert (
        "Mật khẩu hiện tại không đúng." in change("sai-mat-khau-roi", "mat-khau-moi-1", "mat-khau-moi-1").text
    )
    done = change(PASSWORD, "mat-khau-moi-1", "mat-khau-moi-1")
    assert done.status_code == 200 and "Đã đổi mật khẩu." in done.text
    assert pages.cookies["tn_session"] != old and pages.get("/plans").status_code == 200
    # The answer's own forms already belong to the new session.
    logout = pages.post("/logout", data={"csrf": csrf_of(done)}, follow_redirects=False)
    assert logout.status_code == 303
    pages.cookies.clear()
    assert log_in(pages, name).status_code == 401
    assert log_in(pages, name, "mat-khau-moi-1").status_code == 303


def test_the_nav_follows_the_role(pages: TestClient, session: Session) -> None:
    log_in(pages, make_user(session, Role.ORGANIZER))
    organizer = pages.get("/plans").text
    assert 'href="/docs"' in organizer and "Tổ chức" in organizer
    pages.cookies.clear()
    log_in(pages, make_user(session, Role.COMMITTEE))
    assert pages.get("/", follow_redirects=False).headers["location"] == "/conference"
    committee = pages.get("/conference").text
    assert 'href="/conference"' in committee and "Kiểm phiếu" in committee
    assert 'href="/plans"' not in committee and 'href="/docs"' not in committee
    # The catalogue is not a committee account's business, on the pages as in the API.
    assert pages.get("/plans").status_code == 403 and pages.get("/cadres").status_code == 403


def test_a_page_asked_for_before_login_is_shown_after_it(pages: TestClient, session: Session) -> None:
    name = make_user(session)
    to_login = pages.get("/password", follow_redirects=False)
    assert to_login.headers["location"] == "/login?next=%2Fpassword"
    form = pages.get(to_login.headers["location"])
    assert 'name="next" value="/password"' in form.text
    response = post_form(
        pages, "/login?next=/password", "/login", username=name, password=PASSWORD, next="/password"
    )
    assert response.headers["location"] == "/password"
    # Only this service's paths: a link cannot send a person elsewhere after logging in.
    pages.cookies.clear()
    for elsewhere in ("//evil.example", "/\\evil.example", "/\t/evil.example", "https://evil.example"):
        pages.cookies.clear()
        response = post_form(pages, "/login", "/login", username=name, password=PASSWORD, next=elsewhere)
        assert response.headers["location"] == "/"


def test_too_many_logins_from_one_address_get_a_vietnamese_page(pages: TestClient, session: Session) -> None:
    configure(pages, login_rate_per_address="2/minute")
    name = make_user(session)
    assert [log_in(pages, name, "sai-mat-khau-roi").status_code for _ in range(2)] == [401, 401]
    refused = log_in(pages, name)
    assert refused.status_code == 429 and "Thử quá nhiều lần. Hãy đợi" in refused.text


def test_a_login_clears_the_users_spent_sessions_and_nothing_else(
    pages: TestClient, session: Session, clock: Clock
) -> None:
    name = make_user(session)
    auth.create_token(session, name, clock.now(), name="cli")
    session.commit()
    log_in(pages, name)
    post_form(pages, "/plans", "/logout")
    log_in(pages, name)
    session.expire_all()
    assert sorted((t.name, t.revoked_at is None) for t in auth.tokens_of(session, name)) == [
        ("cli", True),
        ("web-session", True),
    ]
