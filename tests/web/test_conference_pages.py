"""The conference day on the pages: the committee's two members type each paper ballot (one key per
row), a disagreement is listed for the paper to settle, the round is closed, counted and published,
and the minutes come out; a wrong key or a missing reason is refused in Vietnamese, nothing saved."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient
from page_helpers import csrf_of, log_in, make_user, post_form
from sqlalchemy.orm import Session
from voting_builders import open_round, prepared_round

Headers = dict[str, str]


def committee_logins(pages: TestClient, organizer: Headers, round_id: str) -> list[tuple[str, str]]:
    members = pages.get(f"/api/v1/rounds/{round_id}/committee", headers=organizer).json()["items"]
    accounts = []
    for member in members:
        made = pages.post(f"/api/v1/rounds/{round_id}/committee/{member['id']}/account", headers=organizer)
        assert made.status_code == 201, made.text
        accounts.append((made.json()["username"], made.json()["password"]))
    return accounts


def as_user(pages: TestClient, account: tuple[str, str]) -> None:
    pages.cookies.clear()
    assert log_in(pages, *account).status_code == 303


def typed(pages: TestClient, round_id: str, pass_no: int, keys: list[str], **more: str) -> Any:
    screen = pages.get(f"/rounds/{round_id}/paper-entry", params={"pass": pass_no})
    number = re.search(r'name="number" value="(\d+)"', screen.text)
    assert number, screen.text
    rows = re.findall(r'name="(row-[^"]+)"', screen.text)
    fields = {"csrf": csrf_of(screen), "pass": str(pass_no), "number": number.group(1), "stamped": "1"}
    fields |= dict(zip(rows, keys, strict=True)) | more
    return pages.post(f"/rounds/{round_id}/paper-entry", data=fields, follow_redirects=False)


def test_the_committee_types_paper_ballots_twice_then_the_round_is_closed_counted_and_published(
    pages: TestClient, organizer: Headers, session: Session
) -> None:
    round_id = prepared_round(pages, organizer, cadres=2, committee=2)
    open_round(pages, organizer, round_id)
    one, two = committee_logins(pages, organizer, round_id)
    day = f"/rounds/{round_id}/conference"
    as_user(pages, one)
    assert pages.get("/", follow_redirects=False).headers["location"] == "/conference"
    assert f'href="{day}"' in pages.get("/conference").text
    assert post_form(pages, day, f"{day}/paper-issued", count="2").status_code == 303
    # Ballot 1: "Tín nhiệm cao" for the first, "Tín nhiệm thấp" for the second; ballot 2: a struck name.
    first = typed(pages, round_id, 1, ["1", "3"])
    assert first.status_code == 303 and "kq=waiting" in first.headers["location"]
    assert "chờ lượt nhập còn lại" in pages.get(first.headers["location"]).text
    assert typed(pages, round_id, 1, ["2", "x"]).status_code == 303
    assert "Đã nhập hết 2 phiếu ở lượt này." in pages.get(f"/rounds/{round_id}/paper-entry?pass=1").text
    as_user(pages, two)
    accepted = typed(pages, round_id, 2, ["1", "3"])
    assert "kq=accepted" in accepted.headers["location"]
    differs = typed(pages, round_id, 2, ["2", "2"])
    assert "kq=disagreement" in differs.headers["location"]
    listed = pages.get(day).text
    assert "Phiếu số 2" in listed and "hai lượt nhập khác nhau" in listed
    # Settled from the paper: the second operator types ballot 2 again, as it really is.
    again = pages.get(f"/rounds/{round_id}/paper-entry", params={"pass": 2, "number": 2})
    assert 'value="2"' in again.text  # their earlier keys are shown back
    fixed = pages.post(
        f"/rounds/{round_id}/paper-entry",
        data={"csrf": csrf_of(again), "pass": "2", "number": "2", "stamped": "1"}
        | dict(zip(re.findall(r'name="(row-[^"]+)"', again.text), ["2", "x"], strict=True)),
        follow_redirects=False,
    )
    assert "kq=accepted" in fixed.headers["location"]
    closed = post_form(pages, day, f"{day}/close", present="2", paper_issued="2", unused_count="0")
    assert closed.status_code == 303
    counted = post_form(pages, day, f"{day}/count")
    assert counted.status_code == 303, counted.text
    after = pages.get(day).text
    assert "Biên bản kiểm phiếu (PDF)" in after and "Công bố kết quả" not in after  # publishing: organizer's
    assert pages.get(f"/rounds/{round_id}/minutes.pdf").content.startswith(b"%PDF")
    results = pages.get(f"/api/v1/rounds/{round_id}/results", headers=organizer).json()
    assert [c["valid"] for c in results["candidates"]] == [2, 1]  # the struck name is an invalid row
    pages.cookies.clear()
    log_in(pages, make_user(session))
    published = post_form(pages, day, f"{day}/publish")
    assert published.status_code == 303
    assert pages.get(f"/api/v1/rounds/{round_id}", headers=organizer).json()["status"] == "published"


def test_a_wrong_key_names_its_row_keeps_what_was_typed_and_saves_nothing(
    pages: TestClient, organizer: Headers
) -> None:
    round_id = prepared_round(pages, organizer, cadres=2, committee=2)
    open_round(pages, organizer, round_id)
    one, _ = committee_logins(pages, organizer, round_id)
    as_user(pages, one)
    day = f"/rounds/{round_id}/conference"
    post_form(pages, day, f"{day}/paper-issued", count="1")
    refused = typed(pages, round_id, 1, ["1", "7"])
    assert refused.status_code == 422
    assert "Dòng 2: Phím" in refused.text and "không dùng được" in refused.text
    assert 'value="7"' in refused.text
    assert pages.get(f"/api/v1/rounds/{round_id}/paper-ballots", headers=organizer).json()["pending"] == 0


def test_a_member_of_another_round_cannot_open_this_conference_day(
    pages: TestClient, organizer: Headers
) -> None:
    first = prepared_round(pages, organizer, committee=1)
    second = prepared_round(pages, organizer, committee=1, tag=" 2")
    (account,) = committee_logins(pages, organizer, second)
    as_user(pages, account)
    assert pages.get(f"/rounds/{first}/conference").status_code == 403
    assert pages.get(f"/rounds/{first}/paper-entry").status_code == 403
    assert pages.get(f"/rounds/{second}/conference").status_code == 200


def test_counting_without_quorum_asks_for_the_reason_that_goes_into_the_minutes(
    pages: TestClient, organizer: Headers, session: Session
) -> None:
    round_id = prepared_round(pages, organizer, cadres=2)
    open_round(pages, organizer, round_id)
    log_in(pages, make_user(session))
    day = f"/rounds/{round_id}/conference"
    assert post_form(pages, day, f"{day}/close", present="1", unused_count="0").status_code == 303
    page = pages.get(day).text
    assert "không đủ 2/3" in page and 'name="override_reason"' in page
    refused = post_form(pages, day, f"{day}/count")
    assert refused.status_code == 422 and 'role="alert"' in refused.text
    counted = post_form(pages, day, f"{day}/count", override_reason="Bão lũ, nhiều người không đến được")
    assert counted.status_code == 303


def test_slips_are_printed_from_the_page_before_opening_and_the_page_says_so(
    pages: TestClient, organizer: Headers, session: Session
) -> None:
    round_id = prepared_round(pages, organizer, cadres=2)
    log_in(pages, make_user(session))
    day = f"/rounds/{round_id}/conference"
    assert "Tạo và tải tệp PDF phiếu mã" in pages.get(day).text
    printed = post_form(pages, day, f"{day}/slips", count="2")
    assert printed.status_code == 200 and printed.content.startswith(b"%PDF")
    assert "attachment" in printed.headers["content-disposition"]
    assert "Đã in 2 phiếu mã; in lại sẽ hủy các phiếu đó." in pages.get(day).text
    open_round(pages, organizer, round_id)
    assert "Tạo và tải tệp PDF phiếu mã" not in pages.get(day).text  # once open, slips are what they are
