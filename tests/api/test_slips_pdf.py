"""Slips as a printable PDF: the same issue as JSON, each code printed once, earlier slips void."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from voting_builders import VotingRound, cast, open_round, prepared_round

from app.settings import Settings

Headers = dict[str, str]
GROUP = "[0-9A-HJKMNP-TV-Z]{4}"
CODE = re.compile(rf"(?<![0-9A-Z]){GROUP}-{GROUP}-{GROUP}-{GROUP}-[0-9A-Z*~$=](?![0-9A-Z*~$=])")


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is not installed: apt-get install poppler-utils")
    path = tmp_path / "slips.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def qr_addresses(pdf: bytes, tmp_path: Path) -> list[str]:
    """What the QR codes of the slips open, as a phone reads them off the first page."""
    if shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None:
        pytest.fail("zbarimg and pdftoppm are needed: apt-get install zbar-tools poppler-utils")
    (tmp_path / "qr.pdf").write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "200",
            "-f",
            "1",
            "-l",
            "1",
            "-png",
            str(tmp_path / "qr.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    image = next(tmp_path.glob("page*.png"))
    found = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True).stdout
    return sorted(found.split())


def test_slips_as_pdf_print_every_code_once_and_a_new_issue_voids_the_first(
    client: TestClient, organizer: Headers, settings: Settings, tmp_path: Path
) -> None:
    settings.public_url = "https://tinnhiem.hason.gov.vn"
    round_id = prepared_round(client, organizer, cadres=2)

    last_pdf: list[bytes] = []

    def issued(count: int) -> list[str]:
        answer = client.post(
            f"/api/v1/rounds/{round_id}/slips?format=pdf", json={"count": count}, headers=organizer
        )
        assert answer.status_code == 201, answer.text
        assert answer.headers["content-type"] == "application/pdf"
        assert answer.headers["cache-control"] == "no-store"
        disposition = answer.headers["content-disposition"]
        assert re.fullmatch(r'attachment; filename="phieu-ma-\d{8}-[0-9a-f]{8}\.pdf"', disposition)
        last_pdf[:] = [answer.content]
        text = pdf_text(answer.content, tmp_path)
        assert f"tinnhiem.hason.gov.vn/bo-phieu/{round_id}" in "".join(text.split())  # the address, in words
        codes = CODE.findall(text)
        assert len(codes) == count and len(set(codes)) == count
        assert all(text.count(code) == 1 for code in codes)
        return codes

    first = issued(4)
    assert qr_addresses(last_pdf[0], tmp_path) == sorted(
        f"https://tinnhiem.hason.gov.vn/bo-phieu/{round_id}?code={quote(code, safe='-')}" for code in first
    )
    assert client.get(f"/api/v1/rounds/{round_id}/turnout").json()["issued"] == 4
    second = issued(3)
    assert set(first).isdisjoint(second)
    assert client.get(f"/api/v1/rounds/{round_id}/turnout").json()["issued"] == 3

    open_round(client, organizer, round_id)
    rows = client.get(f"/api/v1/rounds/{round_id}/ballot").json()["rows"]
    ballot = {r["cadre_id"]: "high" for r in rows}
    vote = VotingRound(round_id, second, [r["cadre_id"] for r in rows], {})
    refused = cast(client, vote, first[0], ballot)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "code_not_accepted"
    assert cast(client, vote, second[0], ballot).status_code == 201


def test_slips_as_pdf_need_the_write_right_and_a_round_not_yet_open(
    client: TestClient, organizer: Headers, observer: Headers
) -> None:
    round_id = prepared_round(client, organizer, cadres=1)
    path = f"/api/v1/rounds/{round_id}/slips?format=pdf"
    assert client.post(path, json={"count": 2}, headers=observer).status_code == 403
    assert client.post(path, json={"count": 2}).status_code == 401
    open_round(client, organizer, round_id)
    assert client.post(path, json={"count": 2}, headers=organizer).status_code == 409
    assert client.post(f"/api/v1/rounds/{round_id}/slips?format=docx", headers=organizer).status_code == 422


def test_slips_that_cannot_be_printed_issue_nothing_and_the_earlier_slips_stay_valid(
    client: TestClient, organizer: Headers
) -> None:
    round_id = prepared_round(client, organizer, cadres=1, title="Hội nghị " + "rất dài " * 20)
    json_codes = client.post(
        f"/api/v1/rounds/{round_id}/slips?format=json", json={"count": 2}, headers=organizer
    )
    assert json_codes.status_code == 201
    refused = client.post(f"/api/v1/rounds/{round_id}/slips?format=pdf", json={"count": 2}, headers=organizer)
    assert refused.status_code == 422 and refused.json()["error"]["details"]["field"] == "round_title"
    open_round(client, organizer, round_id)
    rows = client.get(f"/api/v1/rounds/{round_id}/ballot").json()["rows"]
    vote = VotingRound(round_id, json_codes.json()["codes"], [r["cadre_id"] for r in rows], {})
    assert cast(client, vote, vote.codes[0], vote.ballot("high")).status_code == 201
