"""Checking a round's record offline (design.md, "Anonymity, sealing and verification", item 4).

A record is the JSON file ``GET /api/v1/rounds/{id}/record`` answers (``tinnhiem-record/1``). Anyone
can check, without the round's private key: that every receipt on the board is the SHA-256 of one
sealed ballot and every sealed ballot has its receipt (so a ballot changed, added or removed after
voting shows), the board's digest, that the ballots kept (online and paper) are as many as the
results say were returned, and the results' signature. ``ballots.recount`` goes further with the key.

Every check gives a :class:`Finding`, passed or not, so a report lists what was checked, not only
what failed; a record that cannot be read at all gives one failed ``format`` finding.
"""

from __future__ import annotations

import base64
import binascii
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import BallotsError, InvalidInput
from .sealing import board_digest, receipt
from .signing import Signature, check_signature

FORMAT = "tinnhiem-record/1"


@dataclass(frozen=True)
class Finding:
    check: str  # "format", "receipts", "board_digest", "ballot_count", "signature", "recount"
    ok: bool
    message: str
    message_vi: str
    details: Mapping[str, Any] | None = None


def field(record: Any, name: str, kind: type) -> Any:
    """``record[name]`` when ``record`` is an object and the value is of ``kind``; refused otherwise."""
    value = record.get(name) if isinstance(record, Mapping) else None
    if not isinstance(value, kind):
        raise InvalidInput(
            f"the record has no valid '{name}'",
            message_vi=f"Tệp hồ sơ thiếu hoặc sai mục '{name}'",
            details={"field": name},
        )
    return value


def decode64(value: Any, name: str) -> bytes:
    try:
        return base64.b64decode(str(value), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InvalidInput(
            f"'{name}' is not base64",
            message_vi=f"Mục '{name}' không phải base64",
            details={"field": name},
        ) from exc


def sealed_ballots(record: Mapping[str, Any]) -> list[bytes]:
    return [decode64(one, "sealed_ballots") for one in field(record, "sealed_ballots", list)]


def check_receipts(board: Sequence[str], sealed: Sequence[bytes]) -> Finding:
    listed, kept = Counter(board), Counter(receipt(one) for one in sealed)
    missing = sorted((listed - kept).elements())  # on the board, no such sealed ballot
    unlisted = sorted((kept - listed).elements())  # a sealed ballot the board never showed
    if not missing and not unlisted:
        return Finding(
            "receipts",
            True,
            f"each of the {len(sealed)} sealed ballots matches one receipt on the board",
            f"Cả {len(sealed)} phiếu niêm phong đều khớp với một biên nhận trên bảng công khai",
        )
    return Finding(
        "receipts",
        False,
        f"{len(missing)} receipt(s) on the board have no sealed ballot and {len(unlisted)} sealed "
        "ballot(s) have no receipt: ballots were changed, added or removed after voting",
        f"{len(missing)} biên nhận trên bảng không có phiếu niêm phong tương ứng và {len(unlisted)} phiếu "
        "niêm phong không có biên nhận: phiếu đã bị sửa, thêm hoặc bớt sau khi bỏ phiếu",
        {"receipts_without_ballot": missing, "ballots_without_receipt": unlisted},
    )


def check_digest(board: Sequence[str], digest: str) -> Finding:
    computed = board_digest(board)
    if computed == digest:
        return Finding(
            "board_digest",
            True,
            "the board's digest matches its receipts",
            "Mã băm của bảng công khai khớp với các biên nhận",
        )
    return Finding(
        "board_digest",
        False,
        "the board's digest does not match its receipts",
        "Mã băm của bảng công khai không khớp với các biên nhận",
        {"recorded": digest, "computed": computed},
    )


def check_count(online: int, paper: int, returned: Any) -> Finding:
    if online + paper == returned:
        return Finding(
            "ballot_count",
            True,
            f"{online} online + {paper} paper ballots = {returned} returned, as the results say",
            f"{online} phiếu trực tuyến + {paper} phiếu giấy = {returned} phiếu thu về, khớp với kết quả",
        )
    return Finding(
        "ballot_count",
        False,
        f"the record keeps {online} online + {paper} paper ballots but the results count {returned} returned",
        f"Hồ sơ có {online} phiếu trực tuyến + {paper} phiếu giấy nhưng kết quả ghi {returned} phiếu thu về",
        {"online": online, "paper": paper, "returned": returned},
    )


def check_results_signature(results: Mapping[str, Any], public_key: bytes) -> Finding:
    signature = field(results, "signature", dict)
    try:
        check_signature(
            results,
            Signature(str(signature.get("key_id")), str(signature.get("value")), str(signature.get("alg"))),
            public_key,
        )
    except BallotsError as exc:
        return Finding("signature", False, exc.message, exc.message_vi, exc.details)
    return Finding(
        "signature",
        True,
        f"the results are signed with key {signature.get('key_id')}",
        f"Kết quả có chữ ký hợp lệ của khóa {signature.get('key_id')}",
    )


def verify_record(record: Any, *, signing_key: bytes | None = None) -> list[Finding]:
    """The findings of every check that needs no private key; ``signing_key`` (32 raw bytes) is the
    key to trust instead of the one the record carries."""
    try:
        if not isinstance(record, Mapping) or record.get("format") != FORMAT:
            raise InvalidInput(
                f"not a round record: the file's 'format' must be '{FORMAT}'",
                message_vi=f"Không phải tệp hồ sơ hội nghị: mục 'format' phải là '{FORMAT}'",
            )
        board = field(record, "board", dict)
        receipts = [str(r) for r in field(board, "receipts", list)]
        sealed = sealed_ballots(record)
        paper = field(record, "paper_ballots", list)
        results = field(record, "results", dict)
        if signing_key is None:
            signing_key = decode64(field(record, "signing_key", dict).get("public_key"), "signing_key")
        return [
            check_receipts(receipts, sealed),
            check_digest(receipts, str(board.get("digest"))),
            check_count(len(sealed), len(paper), results.get("ballots_returned")),
            check_results_signature(results, signing_key),
        ]
    except BallotsError as exc:
        return [Finding("format", False, exc.message, exc.message_vi, exc.details)]
