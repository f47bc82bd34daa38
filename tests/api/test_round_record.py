"""The round's record and the auditor's key, downloaded from the API and checked offline with
``tinnhiem verify`` exactly as an auditor would: an untouched record passes, with and without the key;
a tampered one fails with a finding that says what is wrong; the key file is for organizers, is
logged without the key, and does not exist for a committee-sealed round."""

from __future__ import annotations

import base64
import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from result_builders import counted_round
from typer.testing import CliRunner

from app import cli
from app.services import signing_keys
from ballots.sealing import receipt

BALLOTS = [("high", "low"), ("medium", "low"), ("low", "high")]
PAPER = [(True, {0: ["high"], 1: ["low"]})]


def verify(tmp_path: Path, record: dict[str, Any], *options: str, key: dict[str, Any] | None = None) -> Any:
    (tmp_path / "record.json").write_text(json.dumps(record, ensure_ascii=False))
    args = ["verify", str(tmp_path / "record.json"), *options]
    if key is not None:
        (tmp_path / "key.json").write_text(json.dumps(key))
        args += ["--key", str(tmp_path / "key.json")]
    return CliRunner().invoke(cli.cli, args)


@pytest.fixture
def counted(client, session, organizer):
    return counted_round(
        client, session, organizer, BALLOTS, papers=PAPER, committee=[("Phạm Thị Mơ", "Trưởng ban")]
    )


def service_key(client, key_id: str) -> str:
    """The service's public key as another system gets it: from GET /api/v1/keys, by id."""
    return next(k["public_key"] for k in client.get("/api/v1/keys").json()["keys"] if k["key_id"] == key_id)


def test_the_record_holds_the_public_data_board_ballots_and_signed_results(client, organizer, counted):
    record = client.get(f"{counted.path}/record", headers=organizer).json()
    assert record["format"] == "tinnhiem-record/1"
    assert record["layout"] == counted.cadre_ids
    assert [c["name"] for c in record["round"]["candidates"]] == ["Nguyễn Văn Hùng", "Trần Thị Lan"]
    assert record["round"]["committee"] == [{"full_name": "Phạm Thị Mơ", "role": "Trưởng ban"}]
    assert record["round"]["sealing"] == "server" and record["round"]["kind"] == "confidence"
    board = client.get(f"{counted.path}/board").json()
    assert record["board"] == {"receipts": board["receipts"], "digest": board["digest"]}
    sealed = [base64.b64decode(s) for s in record["sealed_ballots"]]
    assert [receipt(s) for s in sealed] == board["receipts"]
    assert record["paper_ballots"] == [
        {
            "number": 1,
            "stamped": True,
            "rows": {
                counted.cadre_ids[0]: {"marks": ["high"], "struck": False},
                counted.cadre_ids[1]: {"marks": ["low"], "struck": False},
            },
        }
    ]
    assert record["results"] == {**counted.document, "signature": counted.signature}
    assert record["signing_key"]["public_key"] == service_key(client, counted.signature["key_id"])
    assert "private_key" not in json.dumps(record)


def test_an_untouched_record_verifies_and_recounts_with_the_auditors_key(
    client, organizer, counted, tmp_path, caplog
):
    record = client.get(f"{counted.path}/record", headers=organizer).json()
    with caplog.at_level(logging.INFO, logger="app.services.round_record"):
        key = client.get(f"{counted.path}/key", headers=organizer).json()
    assert key["format"] == "tinnhiem-round-key/1" and key["round_id"] == counted.id
    assert "downloaded by organizer-" in caplog.text and key["private_key"] not in caplog.text
    result = verify(tmp_path, record, key=key)
    assert result.exit_code == 0, result.output
    assert "[ĐẠT / PASS] Kiểm lại phiếu / Recount" in result.output
    assert "Đã mở và kiểm lại 4 phiếu" in result.output
    assert "Kết luận: hồ sơ hợp lệ" in result.output
    trusted = service_key(client, counted.signature["key_id"])
    assert verify(tmp_path, record, "--signing-key", trusted).exit_code == 0


def test_a_removed_ballot_fails_the_verification_with_its_finding(client, organizer, counted, tmp_path):
    record = client.get(f"{counted.path}/record", headers=organizer).json()
    record["sealed_ballots"].pop()
    result = verify(tmp_path, record)
    assert result.exit_code == 1
    assert "[KHÔNG ĐẠT / FAIL] Biên nhận và phiếu niêm phong" in result.output
    assert "[KHÔNG ĐẠT / FAIL] Số phiếu / Ballot count" in result.output
    assert "hồ sơ KHÔNG hợp lệ" in result.output


def test_a_result_changed_and_signed_again_is_caught_only_by_the_recount(
    client, organizer, counted, tmp_path, session
):
    record = client.get(f"{counted.path}/record", headers=organizer).json()
    key = client.get(f"{counted.path}/key", headers=organizer).json()
    results = {k: v for k, v in record["results"].items() if k != "signature"}
    results["candidates"][0]["high"] = {"count": 4, "percent": "100.00"}
    secret = client.app.state.settings.secret_bytes()
    forged = signing_keys.sign_document(session, results, secret, datetime.now(UTC))
    record["results"] = {**results, "signature": forged.as_json()}
    assert verify(tmp_path, record).exit_code == 0  # the server's own key signed the lie
    result = verify(tmp_path, record, key=key)
    assert result.exit_code == 1
    assert "[KHÔNG ĐẠT / FAIL] Kiểm lại phiếu / Recount" in result.output
    assert '"field": "high"' in result.output


def test_a_signature_by_an_untrusted_key_fails(client, organizer, counted, tmp_path):
    record = client.get(f"{counted.path}/record", headers=organizer).json()
    other = base64.b64encode(bytes(32)).decode()
    result = verify(tmp_path, record, "--signing-key", other)
    assert result.exit_code == 1 and "[KHÔNG ĐẠT / FAIL] Chữ ký kết quả" in result.output


def test_a_key_file_of_another_round_or_an_unreadable_record_stops_with_exit_2(
    client, organizer, counted, tmp_path
):
    record = client.get(f"{counted.path}/record", headers=organizer).json()
    key = client.get(f"{counted.path}/key", headers=organizer).json() | {"round_id": "other"}
    result = verify(tmp_path, record, key=key)
    assert result.exit_code == 2 and "thuộc hội nghị khác" in result.output
    record["round"] = "not an object"
    result = verify(tmp_path, record, key=key | {"round_id": counted.id})
    assert result.exit_code == 2 and "thuộc hội nghị khác" in result.output
    (tmp_path / "broken.json").write_text("{")
    assert CliRunner().invoke(cli.cli, ["verify", str(tmp_path / "broken.json")]).exit_code == 2


def test_record_and_key_are_for_organizers_only(client, counted, observer, headers_for):
    from app.models import Role

    for path in ("record", "key"):
        assert client.get(f"{counted.path}/{path}", headers=observer).status_code == 403
        assert client.get(f"{counted.path}/{path}", headers=headers_for(Role.COMMITTEE)).status_code == 403


def test_a_committee_sealed_round_has_no_key_file(client, session, organizer):
    counted = counted_round(
        client,
        session,
        organizer,
        BALLOTS[:1],
        sealing="committee",
        threshold=1,
        committee=[("Phạm Thị Mơ", "Trưởng ban")],
    )
    refused = client.get(f"{counted.path}/key", headers=organizer)
    assert refused.status_code == 409
    assert "never stored" in refused.json()["error"]["message"]
