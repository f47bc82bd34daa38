"""The receipt box of a spent slip: only its own code opens it, and it tells a retry from a new ballot."""

from __future__ import annotations

from app.sealing.receipt_box import BOX_BYTES, DUMMY_BOX, box_key, choices_check, close_box, open_box

SECRET = b"service-secret-" + b"x" * 17
CODE = "K7QF-2M9X-RT4B-8HNW-Q"
OTHER = "K7QF-2M9X-RT4B-8HNX-0"
RECEIPT = "ab" * 32


def test_the_code_that_closed_the_box_opens_it_and_finds_the_receipt() -> None:
    key = box_key(SECRET, "round-1", CODE)
    box = close_box(key, RECEIPT, choices_check(key, b"HM-L"))
    assert len(box) == BOX_BYTES and bytes.fromhex(RECEIPT) not in box
    assert open_box(key, box) == (RECEIPT, choices_check(key, b"HM-L"))


def test_another_code_round_or_secret_opens_nothing() -> None:
    box = close_box(box_key(SECRET, "round-1", CODE), RECEIPT, bytes(32))
    for key in (
        box_key(SECRET, "round-1", OTHER),
        box_key(SECRET, "round-2", CODE),
        box_key(b"another-secret-" + b"y" * 17, "round-1", CODE),
    ):
        assert open_box(key, box) is None
    assert open_box(box_key(SECRET, "round-1", CODE), DUMMY_BOX) is None


def test_the_check_tells_different_choices_apart_and_depends_on_the_code() -> None:
    key = box_key(SECRET, "round-1", CODE)
    assert choices_check(key, b"HM-L") != choices_check(key, b"HMHL")
    assert choices_check(key, b"HM-L") != choices_check(box_key(SECRET, "round-1", OTHER), b"HM-L")


def test_a_given_nonce_gives_the_same_box() -> None:
    key = box_key(SECRET, "round-1", CODE)
    nonce = bytes(12)
    assert close_box(key, RECEIPT, bytes(32), nonce=nonce) == close_box(key, RECEIPT, bytes(32), nonce=nonce)
