"""Results are signed over their canonical JSON; any change to them, or another key, is caught."""

import base64
import json

import pytest

from ballots.errors import InvalidInput, SealBroken
from ballots.signing import Signature, canonical_json, check_signature, key_id, sign, signing_key_from_seed

SEED = bytes(range(32))
DOCUMENT = {"round": {"title": "Hội nghị Sở Tài chính"}, "summoned": 60, "candidates": []}


def test_canonical_json_sorts_keys_drops_spaces_keeps_utf8_and_leaves_out_the_signature():
    signed = {**DOCUMENT, "signature": {"value": "x"}}
    assert canonical_json(signed) == (
        '{"candidates":[],"round":{"title":"Hội nghị Sở Tài chính"},"summoned":60}'.encode()
    )


def test_a_signature_checks_with_its_public_key_and_names_it():
    _, public = signing_key_from_seed(SEED)
    signature = sign(DOCUMENT, SEED)
    assert signature.key_id == key_id(public) and len(signature.key_id) == 32
    assert signature.as_json() == {"alg": "Ed25519", "key_id": signature.key_id, "value": signature.value}
    assert len(base64.b64decode(signature.value)) == 64
    check_signature(json.loads(json.dumps(DOCUMENT)), signature, public)


def test_a_changed_document_fails_the_check():
    _, public = signing_key_from_seed(SEED)
    signature = sign(DOCUMENT, SEED)
    with pytest.raises(SealBroken, match="changed after signing"):
        check_signature({**DOCUMENT, "summoned": 61}, signature, public)


@pytest.mark.parametrize("value", ["not base64!", base64.b64encode(b"short").decode()])
def test_a_malformed_signature_value_fails_the_check(value):
    _, public = signing_key_from_seed(SEED)
    forged = Signature(sign(DOCUMENT, SEED).key_id, value)
    with pytest.raises(SealBroken):
        check_signature(DOCUMENT, forged, public)


def test_another_key_or_algorithm_is_refused_before_checking():
    _, other = signing_key_from_seed(bytes(32))
    signature = sign(DOCUMENT, SEED)
    with pytest.raises(SealBroken, match="not made with this key"):
        check_signature(DOCUMENT, signature, other)
    _, public = signing_key_from_seed(SEED)
    with pytest.raises(SealBroken):
        check_signature(DOCUMENT, Signature(signature.key_id, signature.value, alg="RS256"), public)


@pytest.mark.parametrize("size", [0, 31, 33])
def test_keys_of_the_wrong_size_are_refused(size):
    with pytest.raises(InvalidInput):
        signing_key_from_seed(bytes(size))
    with pytest.raises(InvalidInput):
        key_id(bytes(size))
