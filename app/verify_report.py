"""``tinnhiem verify``: read a round's record (and an auditor's key file), run the core's checks, and
word the findings for a person, Vietnamese first. Nothing here needs the service or its database:
an auditor runs it offline on the files they were given."""

from __future__ import annotations

import base64
import binascii
import json
from pathlib import Path
from typing import Any

from ballots.errors import InvalidInput
from ballots.record import Finding, verify_record
from ballots.recount import recount_record

KEY_FORMAT = "tinnhiem-round-key/1"
CHECK_NAMES = {
    "format": "Tệp hồ sơ / Record file",
    "receipts": "Biên nhận và phiếu niêm phong / Receipts and sealed ballots",
    "board_digest": "Mã băm bảng công khai / Board digest",
    "ballot_count": "Số phiếu / Ballot count",
    "signature": "Chữ ký kết quả / Results signature",
    "recount": "Kiểm lại phiếu / Recount",
}


def _json(path: Path, what: str, what_vi: str) -> Any:
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise InvalidInput(
            f"cannot read the {what} {path}: {exc}", message_vi=f"Không đọc được {what_vi} {path}"
        ) from exc


def _base64(value: Any, what: str) -> bytes:
    try:
        return base64.b64decode(str(value), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InvalidInput(f"the {what} is not base64", message_vi=f"{what} không phải base64") from exc


def read_key(path: Path, round_id: Any) -> bytes:
    """The private key of an auditor's key file, refused when the file is for another round."""
    key = _json(path, "key file", "tệp khóa")
    if not isinstance(key, dict) or key.get("format") != KEY_FORMAT:
        raise InvalidInput(
            f"not a round key file: its 'format' must be '{KEY_FORMAT}'",
            message_vi=f"Không phải tệp khóa của hội nghị: mục 'format' phải là '{KEY_FORMAT}'",
        )
    if key.get("round_id") != round_id:
        raise InvalidInput(
            f"the key file is for round {key.get('round_id')}, the record for round {round_id}",
            message_vi="Tệp khóa thuộc hội nghị khác với tệp hồ sơ",
        )
    return _base64(key.get("private_key"), "private key")


def check(record_path: Path, key_path: Path | None, signing_key: str | None) -> list[Finding]:
    record = _json(record_path, "record", "tệp hồ sơ")
    trusted = _base64(signing_key, "signing key") if signing_key is not None else None
    findings = verify_record(record, signing_key=trusted)
    if key_path is not None and all(f.check != "format" for f in findings):
        round_ = record.get("round")
        round_id = round_.get("id") if isinstance(round_, dict) else None
        findings.append(recount_record(record, read_key(key_path, round_id)))
    return findings


def report(findings: list[Finding]) -> list[str]:
    lines = []
    for f in findings:
        mark = "ĐẠT / PASS" if f.ok else "KHÔNG ĐẠT / FAIL"
        lines += [f"[{mark}] {CHECK_NAMES[f.check]}", f"    {f.message_vi}", f"    {f.message}"]
        for name, value in (f.details or {}).items():
            lines.append(f"    {name}: {json.dumps(value, ensure_ascii=False)}")
    passed = all(f.ok for f in findings)
    lines.append(
        "Kết luận: hồ sơ hợp lệ / Verdict: the record checks out"
        if passed
        else "Kết luận: hồ sơ KHÔNG hợp lệ / Verdict: the record does NOT check out"
    )
    return lines
