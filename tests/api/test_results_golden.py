"""The results document of one small round, byte for byte as design.md specifies it.

Ids and the signature change at every run; they are replaced by placeholders before comparing.
Regenerate with ``TINNHIEM_WRITE_GOLDEN=1`` after a deliberate change of the contract.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from counting_builders import closed_and_counted, voted
from fastapi.testclient import TestClient

GOLDEN = Path(__file__).parent / "golden" / "results_small.json"


def placeholders(document: dict[str, Any]) -> dict[str, Any]:
    text = json.dumps(document, ensure_ascii=False, sort_keys=True)
    text = text.replace(document["round"]["id"], "<round-id>")
    for n, row in enumerate(document["candidates"], start=1):
        text = text.replace(row["cadre_id"], f"<cadre-{n}>")
    shown: dict[str, Any] = json.loads(text)
    shown["signature"] = {"alg": shown["signature"]["alg"], "key_id": "<key-id>", "value": "<signature>"}
    return shown


def test_the_results_of_a_small_round_match_the_golden_file(
    client: TestClient, organizer: dict[str, str]
) -> None:
    ballots = [("high", "low"), ("high", "low"), ("medium", None), ("low", "low")]
    vote = voted(client, organizer, ballots, summoned=5)
    shown = placeholders(closed_and_counted(client, organizer, vote, present=4))
    rendered = json.dumps(shown, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if os.environ.get("TINNHIEM_WRITE_GOLDEN"):
        GOLDEN.write_text(rendered, encoding="utf-8")
    assert rendered == GOLDEN.read_text(encoding="utf-8")
