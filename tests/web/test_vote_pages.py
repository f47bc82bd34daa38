"""The voter's pages on SQLite and PostgreSQL: code → ballot → review → cast → receipt → board.

The code is the credential: it is typed (or comes from the slip's QR code) once, then travels only
in hidden form fields; unknown and spent codes get one identical refusal; every POST needs the
form's CSRF token; a blank row is allowed after a warning.
"""

from __future__ import annotations

import os
import re

import pytest
from counting_builders import follow_up_round
from fastapi.testclient import TestClient
from httpx2 import Response
from page_helpers import csrf_of
from voting_builders import NAMES, VotingRound, issue, open_round, prepared_round, voting_round

from app.settings import Settings
from ballots.codes import new_code

Headers = dict[str, str]
CODE_FIELD = re.compile(r'name="code" value="([^"]*)"')


def unknown_code() -> str:
    """A well-formed code (its check character right) that no slip carries."""
    return new_code(os.urandom(10))


def page_of(vote: VotingRound) -> str:
    return f"/bo-phieu/{vote.id}"


def enter(pages: TestClient, vote: VotingRound, code: str) -> Response:
    token = csrf_of(pages.get(page_of(vote)))
    return pages.post(page_of(vote), data={"csrf": token, "code": code})


def fields(ballot_page: Response, vote: VotingRound, *choices: str | None) -> dict[str, str]:
    """What the browser sends from a page: its CSRF token and code, plus the choices given."""
    found = CODE_FIELD.search(ballot_page.text)
    assert found
    data = {"csrf": csrf_of(ballot_page), "code": found.group(1)}
    for cadre_id, choice in zip(vote.cadre_ids, choices, strict=False):
        if choice:
            data[f"c-{cadre_id}"] = choice
    return data


def test_a_voter_enters_the_code_fills_in_reviews_casts_and_finds_the_receipt(
    pages: TestClient, organizer: Headers
) -> None:
    vote = voting_round(pages, organizer, cadres=3)
    entry = pages.get(page_of(vote))
    assert entry.status_code == 200
    assert 'autocomplete="off"' in entry.text and 'inputmode="text"' in entry.text
    assert "XXXX-XXXX-XXXX-XXXX-X" in entry.text
    assert "script" not in entry.text.lower()
    assert "style-src 'self'" in entry.headers["content-security-policy"]

    # The code may be typed in lower case and with spaces: the ballot gets it canonical.
    ballot = enter(pages, vote, vote.codes[0].lower().replace("-", " "))
    assert ballot.status_code == 200
    assert ballot.text.count("<fieldset") == 3 and ballot.text.count("<legend>") == 3
    for name in NAMES[:3]:
        assert name in ballot.text
    assert "Phó Giám đốc Sở (Nguyễn Văn Hùng)" in ballot.text
    for label in ("Tín nhiệm cao", "Tín nhiệm thấp", "> Tín nhiệm</label>", "Để trống (không chọn)"):
        assert label in ballot.text
    # Every row starts on its "leave blank" choice, so a level chosen can be taken back without script.
    assert ballot.text.count('value="" checked>') == 3
    assert f'name="code" value="{vote.codes[0]}"' in ballot.text
    assert "code=" not in str(ballot.url)

    # The review: each cadre with the level chosen, the blank row warned about but allowed.
    review = pages.post(f"{page_of(vote)}/xem-lai", data=fields(ballot, vote, "high", None, "low"))
    assert review.status_code == 200
    assert "Dòng để trống được tính là phiếu không hợp lệ đối với người đó" in review.text
    assert "Có 1 dòng để trống." in review.text
    assert review.text.count("Để trống</span>") == 1
    assert "Sửa lại" in review.text and "Bỏ phiếu</button>" in review.text

    # "Sửa lại": back to the ballot with the choices kept.
    again = pages.post(f"{page_of(vote)}/phieu", data=fields(review, vote, "high", None, "low"))
    assert again.status_code == 200
    assert again.text.count(" checked>") == 3
    assert f'name="c-{vote.cadre_ids[0]}" value="high" checked' in again.text
    assert f'name="c-{vote.cadre_ids[1]}" value="" checked' in again.text
    assert f'name="c-{vote.cadre_ids[2]}" value="low" checked' in again.text

    # Row 1 taken back to blank (the form sends its empty value): two blank rows now.
    cleared = fields(again, vote, "high", None, "low") | {f"c-{vote.cadre_ids[0]}": ""}
    review = pages.post(f"{page_of(vote)}/xem-lai", data=cleared)
    assert "Có 2 dòng để trống." in review.text and review.text.count("Để trống</span>") == 2

    # Cast: the receipt, nothing about the choices.
    sent = fields(again, vote, "high", "medium", "low")
    receipt_page = pages.post(f"{page_of(vote)}/gui", data=sent)
    assert receipt_page.status_code == 200
    board = pages.get(f"/api/v1/rounds/{vote.id}/board").json()
    assert len(board["receipts"]) == 1
    receipt = board["receipts"][0]
    assert receipt in receipt_page.text and f"{receipt[:4]} {receipt[4:8]}" in receipt_page.text
    assert "Tín nhiệm cao" not in receipt_page.text and "Tín nhiệm thấp" not in receipt_page.text
    assert f'href="/bo-phieu/{vote.id}/bang-tin"' in receipt_page.text

    # The identical ballot again (a reload, a double click): the same receipt, nothing stored.
    repeat = pages.post(f"{page_of(vote)}/gui", data=sent)
    assert repeat.status_code == 200 and receipt in repeat.text
    assert pages.get(f"/api/v1/rounds/{vote.id}/turnout").json() == {"issued": 3, "returned": 1}

    # The board: the receipt, the digest, the turnout; the search finds it in full and short form.
    board_page = pages.get(f"{page_of(vote)}/bang-tin")
    assert board_page.status_code == 200
    assert receipt in board_page.text and board["digest"] in board_page.text
    assert "Đã phát 3 phiếu mã; đã nhận 1 phiếu." in board_page.text
    for asked in (receipt, receipt[:8], f"{receipt[:4]} {receipt[4:8]}".upper()):
        found = pages.get(f"{page_of(vote)}/bang-tin", params={"bien-nhan": asked})
        assert "Có trên bảng tin:" in found.text, asked
    missing = pages.get(f"{page_of(vote)}/bang-tin", params={"bien-nhan": "0" * 64})
    assert "Không có trên bảng tin." in missing.text
    nonsense = pages.get(f"{page_of(vote)}/bang-tin", params={"bien-nhan": "xyz"})
    assert "ít nhất 8 ký tự" in nonsense.text


def test_the_slip_qr_address_fills_in_the_code_and_checks_nothing(
    pages: TestClient, organizer: Headers
) -> None:
    vote = voting_round(pages, organizer)
    filled = pages.get(page_of(vote), params={"code": vote.codes[1]})
    assert filled.status_code == 200
    assert f'value="{vote.codes[1]}"' in filled.text
    assert "<fieldset" not in filled.text  # the voter still sends the form: a GET spends nothing
    assert enter(pages, vote, vote.codes[1]).status_code == 200


def test_a_mistyped_code_is_told_apart_and_described_to_screen_readers(
    pages: TestClient, organizer: Headers
) -> None:
    vote = voting_round(pages, organizer)
    code = vote.codes[0]
    wrong = code[:-1] + ("A" if code[-1] != "A" else "B")
    answer = enter(pages, vote, wrong)
    assert answer.status_code == 422
    assert "Mã không đúng, kiểm tra lại từng ký tự" in answer.text
    assert 'aria-describedby="code-error code-hint"' in answer.text and 'aria-invalid="true"' in answer.text
    assert f'value="{wrong}"' in answer.text  # kept, so the voter corrects one character


def test_an_unknown_and_a_used_code_get_the_same_status_and_the_same_page(
    pages: TestClient, organizer: Headers
) -> None:
    vote = voting_round(pages, organizer)
    ballot = enter(pages, vote, vote.codes[0])
    assert pages.post(f"{page_of(vote)}/gui", data=fields(ballot, vote, "high")).status_code == 200
    used = enter(pages, vote, vote.codes[0])
    unknown = enter(pages, vote, unknown_code())
    assert used.status_code == unknown.status_code == 403
    assert used.text == unknown.text
    assert "Mã không hợp lệ hoặc đã được sử dụng" in used.text
    assert vote.codes[0] not in used.text
    # Casting with a spent code and other choices: the same refusal again.
    sent = fields(ballot, vote, "low")
    recast = pages.post(f"{page_of(vote)}/gui", data=sent)
    assert recast.status_code == 403 and "Mã không hợp lệ hoặc đã được sử dụng" in recast.text


def test_every_voter_post_needs_the_forms_csrf_token(pages: TestClient, organizer: Headers) -> None:
    vote = voting_round(pages, organizer)
    pages.get(page_of(vote))  # the form cookie is set
    for step in ("", "/xem-lai", "/phieu", "/gui"):
        answer = pages.post(page_of(vote) + step, data={"code": vote.codes[0], "csrf": "forged"})
        assert answer.status_code == 403, step
        assert "Biểu mẫu đã hết hạn" in answer.text
        assert f'<a href="/bo-phieu/{vote.id}">Về trang nhập mã bỏ phiếu</a>' in answer.text
    assert pages.get(f"/api/v1/rounds/{vote.id}/turnout").json()["returned"] == 0
    assert enter(pages, vote, vote.codes[0]).status_code == 200  # nothing was spent


def test_a_ballot_left_all_blank_is_cast_after_the_warning(pages: TestClient, organizer: Headers) -> None:
    vote = voting_round(pages, organizer)
    ballot = enter(pages, vote, vote.codes[2])
    review = pages.post(f"{page_of(vote)}/xem-lai", data=fields(ballot, vote))
    assert "Có 2 dòng để trống." in review.text
    cast = pages.post(f"{page_of(vote)}/gui", data=fields(review, vote))
    assert cast.status_code == 200 and "Biên nhận" in cast.text
    assert pages.get(f"/api/v1/rounds/{vote.id}/turnout").json()["returned"] == 1


def test_a_choice_that_is_not_a_level_is_refused_and_spends_nothing(
    pages: TestClient, organizer: Headers
) -> None:
    vote = voting_round(pages, organizer)
    ballot = enter(pages, vote, vote.codes[0])
    answer = pages.post(f"{page_of(vote)}/gui", data=fields(ballot, vote, "excellent"))
    assert answer.status_code == 422
    assert "lựa chọn không hợp lệ" in answer.text
    twice = fields(ballot, vote) | {f"c-{vote.cadre_ids[0]}": ["high", "low"]}  # type: ignore[dict-item]
    assert pages.post(f"{page_of(vote)}/gui", data=twice).status_code == 422
    assert pages.get(f"/api/v1/rounds/{vote.id}/turnout").json()["returned"] == 0


def test_a_round_not_open_yet_and_a_closed_round_get_clear_pages(
    pages: TestClient, organizer: Headers
) -> None:
    scheduled = prepared_round(pages, organizer)
    answer = pages.get(f"/bo-phieu/{scheduled}")
    assert answer.status_code == 409
    assert "Hội nghị chưa mở bỏ phiếu" in answer.text and 'name="code"' not in answer.text

    codes = issue(pages, organizer, scheduled, 2)
    open_round(pages, organizer, scheduled)
    rows = pages.get(f"/api/v1/rounds/{scheduled}/ballot").json()["rows"]
    vote = VotingRound(scheduled, codes, [r["cadre_id"] for r in rows], {})
    ballot = enter(pages, vote, vote.codes[0])
    closing = pages.post(f"{vote.path}/close", json={"present": 1}, headers=organizer)
    assert closing.status_code == 200, closing.text
    closed = pages.get(page_of(vote))
    assert closed.status_code == 409 and "Hội nghị đã kết thúc bỏ phiếu" in closed.text
    late = pages.post(f"{page_of(vote)}/gui", data=fields(ballot, vote, "high"))
    assert late.status_code == 409 and "Hội nghị đã kết thúc bỏ phiếu" in late.text
    assert pages.get(f"{page_of(vote)}/bang-tin").status_code == 200  # the board stays public
    assert pages.get("/bo-phieu/khong-co").status_code == 404


def test_refused_codes_are_rate_limited_with_a_vietnamese_page(
    pages: TestClient, organizer: Headers, settings: Settings
) -> None:
    settings.code_rate_per_address = "2/minute"
    vote = voting_round(pages, organizer)
    assert enter(pages, vote, unknown_code()).status_code == 403
    assert enter(pages, vote, unknown_code()).status_code == 403
    limited = enter(pages, vote, unknown_code())
    assert limited.status_code == 429
    assert "Thử quá nhiều lần. Hãy đợi" in limited.text and "Retry-After" in limited.headers


@pytest.mark.parametrize("step", ["", "/xem-lai", "/phieu", "/gui"])
def test_no_voter_form_puts_the_code_in_an_address(pages: TestClient, organizer: Headers, step: str) -> None:
    vote = voting_round(pages, organizer)
    ballot = enter(pages, vote, vote.codes[0])
    answer = pages.post(page_of(vote) + step, data=fields(ballot, vote, "medium"))
    assert vote.codes[0] not in str(answer.url)
    for action in re.findall(r'(?:action|formaction|href)="([^"]*)"', answer.text):
        assert vote.codes[0] not in action


def test_the_voter_pages_switch_to_english_and_keep_the_levels_apart_from_the_name(
    pages: TestClient, organizer: Headers
) -> None:
    vote = voting_round(pages, organizer)
    entry = pages.get(page_of(vote), params={"lang": "en"})
    assert '<html lang="en">' in entry.text and "Enter your voting code" in entry.text
    ballot = pages.post(page_of(vote), data={"csrf": csrf_of(entry), "code": vote.codes[0]})
    for label in ("High confidence", "> Confidence</label>", "Low confidence"):
        assert label in ballot.text
    # A form's answer has no address to reload: its language link goes to the code entry.
    assert f'href="/bo-phieu/{vote.id}?lang=vi"' in ballot.text
    for step in ("/phieu", "/xem-lai", "/gui"):
        again = pages.get(page_of(vote) + step, follow_redirects=False)
        assert again.status_code == 303 and again.headers["location"] == page_of(vote)


def test_a_follow_up_ballot_shows_the_two_boxes_and_casts(pages: TestClient, organizer: Headers) -> None:
    vote = follow_up_round(pages, organizer, summoned=3, slips=2)
    ballot = enter(pages, vote, vote.codes[0])
    assert ballot.status_code == 200
    assert "> Tín nhiệm</label>" in ballot.text and "> Không tín nhiệm</label>" in ballot.text
    assert "Tín nhiệm cao" not in ballot.text and 'value="high"' not in ballot.text
    wrong = pages.post(f"{page_of(vote)}/xem-lai", data=fields(ballot, vote, "high", "low"))
    assert wrong.status_code == 422
    review = pages.post(f"{page_of(vote)}/xem-lai", data=fields(ballot, vote, "no_trust", "trust"))
    assert review.status_code == 200 and "Không tín nhiệm" in review.text
    cast_page = pages.post(f"{page_of(vote)}/gui", data=fields(review, vote, "no_trust", "trust"))
    assert cast_page.status_code == 200
    assert pages.get(f"/api/v1/rounds/{vote.id}/turnout").json()["returned"] == 1


def test_the_ballot_page_links_each_cadres_documents(pages: TestClient, organizer: Headers) -> None:
    round_id = prepared_round(pages, organizer, cadres=2)
    items = pages.get(f"/api/v1/rounds/{round_id}/candidates", headers=organizer).json()["items"]
    cadre = next(c["cadre_id"] for c in items if c["cadre_name"] == NAMES[0])
    fields_ = {"kind": "report", "title": "Báo cáo tự kiểm điểm 2027", "body": "Nội dung", "cadre_id": cadre}
    document = pages.post(f"/api/v1/rounds/{round_id}/documents", data=fields_, headers=organizer).json()
    codes = issue(pages, organizer, round_id)
    open_round(pages, organizer, round_id)
    rows = pages.get(f"/api/v1/rounds/{round_id}/ballot").json()["rows"]
    vote = VotingRound(round_id, codes, [r["cadre_id"] for r in rows], {})
    ballot = enter(pages, vote, codes[0])
    url = f"/bo-phieu/{round_id}/tai-lieu/{document['id']}"
    assert f'<a href="{url}">Báo cáo tự kiểm điểm: Báo cáo tự kiểm điểm 2027</a>' in ballot.text
    assert f'aria-label="Tài liệu về {NAMES[0]}"' in ballot.text
    assert ballot.text.count('<ul class="docs"') == 1  # the other cadre has none
    assert pages.get(f"/bo-phieu/{round_id}/tai-lieu/{document['id']}").status_code == 200
