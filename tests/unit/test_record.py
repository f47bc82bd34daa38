"""A round's record checked offline: an untouched record passes; a ballot changed, added or removed, a
changed result and a wrong signature are each caught with a finding that says what is wrong; with the
round's key, a result changed and signed again is caught by the recount."""

from __future__ import annotations

import base64
import copy
from typing import Any

import pytest

from ballots.ballot import Ballot, check_ballot, row_from_marks
from ballots.levels import FollowUpLevel, Level
from ballots.record import FORMAT, verify_record
from ballots.recount import figures, follow_up_figures, recount_record
from ballots.sealing import board_digest, encode_ballot, receipt, round_keys, seal
from ballots.signing import sign, signing_key_from_seed
from ballots.tally import tally, tally_follow_up

ROUND_ID = "round-1"
LAYOUT = ["cadre-a", "cadre-b"]
KEYS = round_keys(bytes(range(1, 33)))
SEED, SIGNING_PUBLIC = signing_key_from_seed(bytes(range(32)))
ONLINE = [{"cadre-a": Level.HIGH, "cadre-b": Level.LOW}, {"cadre-a": Level.MEDIUM, "cadre-b": None}]
PAPER = [{"number": 1, "stamped": True, "rows": {"cadre-a": {"marks": ["low"], "struck": False}}}]


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def sign_results(results: dict[str, Any]) -> dict[str, Any]:
    unsigned = {k: v for k, v in results.items() if k != "signature"}
    return {**unsigned, "signature": sign(unsigned, SEED).as_json()}


def make_record(kind: str = "confidence") -> dict[str, Any]:
    sealed = sorted((seal(encode_ballot(LAYOUT, c), KEYS.public_key, ROUND_ID) for c in ONLINE), key=receipt)
    paper = [
        Ballot(rows={c: row_from_marks(r["marks"], Level) for c, r in p["rows"].items()}, issued=True)
        for p in PAPER
    ]
    online = [
        Ballot(rows={c: row_from_marks([] if v is None else [v], Level) for c, v in choice.items()})
        for choice in ONLINE
    ]
    counted = tally(LAYOUT, [check_ballot(b, LAYOUT) for b in online + paper], issued=4)
    results = {
        "round": {"id": ROUND_ID, "title": "Hội nghị", "unit": "Sở", "vote_date": "2027-09-05"},
        "ballots_issued": 4,
        "ballots_returned": 3,
        "candidates": [{"cadre_id": r.cadre_id, **figures(r)} for r in counted],
    }
    receipts = [receipt(s) for s in sealed]
    return {
        "format": FORMAT,
        "round": {"id": ROUND_ID, "kind": kind},
        "layout": LAYOUT,
        "board": {"receipts": receipts, "digest": board_digest(receipts)},
        "sealed_ballots": [b64(s) for s in sealed],
        "paper_ballots": PAPER,
        "results": sign_results(results),
        "signing_key": {"key_id": "", "public_key": b64(SIGNING_PUBLIC)},
    }


def failed(record: Any, **options: Any) -> dict[str, Any]:
    return {f.check: f for f in verify_record(record, **options) if not f.ok}


def test_an_untouched_record_passes_every_check_and_its_recount():
    findings = verify_record(make_record())
    assert [(f.check, f.ok) for f in findings] == [
        ("receipts", True),
        ("board_digest", True),
        ("ballot_count", True),
        ("signature", True),
    ]
    assert "2 online + 1 paper ballots = 3 returned" in findings[2].message
    recount = recount_record(make_record(), KEYS.private_key)
    assert recount.ok and "3 ballots opened" in recount.message and "kiểm lại 3 phiếu" in recount.message_vi


def test_a_changed_sealed_ballot_is_caught_by_its_receipt():
    record = make_record()
    raw = bytearray(base64.b64decode(record["sealed_ballots"][0]))
    raw[-1] ^= 1
    record["sealed_ballots"][0] = b64(bytes(raw))
    found = failed(record)
    assert set(found) == {"receipts"}
    assert found["receipts"].details["receipts_without_ballot"] == [record["board"]["receipts"][0]]
    assert found["receipts"].details["ballots_without_receipt"] == [receipt(bytes(raw))]
    assert "changed, added or removed" in found["receipts"].message


def test_an_added_sealed_ballot_is_caught_by_the_receipts_and_the_count():
    record = make_record()
    both_low = encode_ballot(LAYOUT, {"cadre-a": Level.LOW, "cadre-b": Level.LOW})
    extra = seal(both_low, KEYS.public_key, ROUND_ID)
    record["sealed_ballots"].append(b64(extra))
    found = failed(record)
    assert set(found) == {"receipts", "ballot_count"}
    assert found["receipts"].details["ballots_without_receipt"] == [receipt(extra)]
    assert found["ballot_count"].details == {"online": 3, "paper": 1, "returned": 3}


def test_a_removed_sealed_ballot_is_caught_by_the_receipts_and_the_count():
    record = make_record()
    gone = record["sealed_ballots"].pop()
    found = failed(record)
    assert set(found) == {"receipts", "ballot_count"}
    assert found["receipts"].details["receipts_without_ballot"] == [receipt(base64.b64decode(gone))]
    assert "Hồ sơ có 1 phiếu trực tuyến + 1 phiếu giấy" in found["ballot_count"].message_vi


def test_a_board_with_a_wrong_digest_is_caught():
    record = make_record()
    record["board"]["digest"] = "0" * 64
    assert set(failed(record)) == {"board_digest"}


def test_a_changed_result_breaks_the_signature():
    record = make_record()
    record["results"]["candidates"][0]["low"]["count"] += 1
    found = failed(record)
    assert set(found) == {"signature"}
    assert "changed after signing" in found["signature"].message


def test_a_signature_by_another_key_is_caught_and_a_trusted_key_overrides_the_records():
    record = make_record()
    _, other_public = signing_key_from_seed(bytes(32))
    assert set(failed(record, signing_key=other_public)) == {"signature"}
    other = sign({k: v for k, v in record["results"].items() if k != "signature"}, bytes(32))
    record["results"]["signature"] = other.as_json()
    assert "not made with this key" in failed(record)["signature"].message


def test_a_tampered_result_signed_again_passes_the_signature_but_not_the_recount():
    record = make_record()
    results = copy.deepcopy(record["results"])
    results["candidates"][1]["low"] = {"count": 3, "percent": "100.00"}
    results["candidates"][1]["band"] = "two_thirds_low"
    record["results"] = sign_results(results)
    assert failed(record) == {}
    recount = recount_record(record, KEYS.private_key)
    assert not recount.ok
    assert recount.details is not None
    assert [(d["field"], d["recounted"]) for d in recount.details["differences"]] == [
        ("low", {"count": 1, "percent": "33.33"}),
        ("band", "none"),
    ]


def test_the_recount_names_a_missing_candidate_an_extra_one_and_a_wrong_returned_count():
    record = make_record()
    results = record["results"]
    results["candidates"][1]["cadre_id"] = "someone-else"
    results["ballots_returned"] = 4
    found = recount_record(record, KEYS.private_key)
    assert found.details is not None
    assert found.details["differences"] == [
        {"field": "ballots_returned", "recorded": 4, "recounted": 3},
        {"cadre_id": "cadre-b", "field": "candidate", "recorded": None},
        {"cadre_id": "someone-else", "field": "candidate", "recounted": None},
    ]


def test_the_wrong_key_or_a_changed_ballot_stops_the_recount_with_a_finding():
    assert "does not open" in recount_record(make_record(), bytes(32)).message
    record = make_record()
    record["sealed_ballots"][0] = b64(b"\x00" * 80)
    assert not recount_record(record, KEYS.private_key).ok


def test_a_recount_without_the_issued_count_or_with_a_bad_paper_ballot_is_refused():
    record = make_record()
    del record["results"]["ballots_issued"]
    assert "'ballots_issued'" in recount_record(record, KEYS.private_key).message
    record = make_record()
    record["paper_ballots"] = ["not a ballot"]
    assert "'rows'" in recount_record(record, KEYS.private_key).message


def follow_up_record() -> dict[str, Any]:
    """A follow-up vote (two boxes) of 3 deputies: two online ballots and one paper ballot."""
    online = [{"cadre-a": FollowUpLevel.NO_TRUST, "cadre-b": FollowUpLevel.TRUST}, {"cadre-a": None}]
    choices = [{c: ch.get(c) for c in LAYOUT} for ch in online]
    sealed = sorted(
        (seal(encode_ballot(LAYOUT, c, FollowUpLevel), KEYS.public_key, ROUND_ID) for c in choices),
        key=receipt,
    )
    paper = [{"number": 1, "stamped": True, "rows": {"cadre-a": {"marks": ["no_trust"], "struck": False}}}]
    ballots = [
        Ballot(rows={c: row_from_marks([] if v is None else [v], FollowUpLevel) for c, v in ch.items()})
        for ch in choices
    ] + [Ballot(rows={"cadre-a": row_from_marks(["no_trust"], FollowUpLevel)}, issued=True)]
    counted = tally_follow_up(LAYOUT, [check_ballot(b, LAYOUT) for b in ballots], issued=3, deputies=3)
    record = make_record(kind="follow_up")
    receipts = [receipt(s) for s in sealed]
    record["board"] = {"receipts": receipts, "digest": board_digest(receipts)}
    record["sealed_ballots"] = [b64(s) for s in sealed]
    record["paper_ballots"] = paper
    results = {
        "round": {"id": ROUND_ID, "kind": "follow_up"},
        "deputies": 3,
        "ballots_issued": 3,
        "ballots_returned": 3,
        "candidates": [{"cadre_id": r.cadre_id, **follow_up_figures(r)} for r in counted],
    }
    record["results"] = sign_results(results)
    return record


def test_a_follow_up_record_is_recounted_with_its_two_boxes():
    record = follow_up_record()
    assert failed(record) == {}
    found = recount_record(record, KEYS.private_key)
    assert found.ok, found.details
    # Two of three deputies said "no confidence" in cadre-a: more than half, as the results say.
    assert record["results"]["candidates"][0]["no_confidence_majority"] is True
    record["results"]["candidates"][0]["no_confidence_majority"] = False
    wrong = recount_record(record, KEYS.private_key)
    assert not wrong.ok and wrong.details["differences"][0]["field"] == "no_confidence_majority"
    del record["results"]["deputies"]
    assert "deputies" in recount_record(record, KEYS.private_key).message


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda r: r.update(format="other"), "not a round record"),
        (lambda r: r.pop("board"), "'board'"),
        (lambda r: r.update(sealed_ballots=["***"]), "not base64"),
        (lambda r: r["board"]["receipts"].append("xyz"), "receipt"),
    ],
)
def test_a_malformed_record_gives_one_format_finding(change: Any, says: str):
    record = make_record()
    change(record)
    (finding,) = verify_record(record)
    assert finding.check == "format" and not finding.ok and says in finding.message


def test_something_that_is_not_an_object_is_not_a_record():
    (finding,) = verify_record([1, 2])
    assert finding.check == "format" and finding.message_vi.startswith("Không phải tệp hồ sơ")
