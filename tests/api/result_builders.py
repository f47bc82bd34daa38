"""Counted rounds for the results tests: prepared and opened through the API (real keys), real
ballots cast through it, paper ballots stored as two agreeing entries, then closed and counted by
the real services (app/services/closing.py, counting.py), which sign and store the results.

A committee-sealed box cannot be opened here (its shares are not at hand), so for such a round the
count is done as the service does it, from the choices cast: read, tallied with ``ballots.tally``,
stored signed with a ``SigningKey`` row of the test's own.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from api_builders import created, make_cadre, make_plan, make_round, make_unit, post_body, propose
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from voting_builders import issue, open_round

from app.models import Candidate, PaperEntry, PaperIssue, Role, Round, RoundKey, RoundResult, RoundStatus
from app.models import SigningKey as SigningKeyRow
from app.models.voting import Ballot as SealedBallot
from app.repositories.common import not_found
from app.sealing.keystore import wrap_private_key
from app.services import auth, closing, counting
from ballots.ballot import Ballot, check_ballot, row_from_marks
from ballots.levels import Level
from ballots.recount import figures
from ballots.signing import key_id, sign, signing_key_from_seed
from ballots.tally import quorum_met, tally

Headers = dict[str, str]
SIGNING_SEED = bytes(range(100, 132))
SIGNING_PUBLIC = signing_key_from_seed(SIGNING_SEED)[1]
NAMES = ["Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Văn Tám", "Phạm Thị Mơ"]
Choice = str | None  # "high", "medium", "low" or None (a blank row)
PaperBallot = tuple[bool, dict[int, list[str]]]  # (stamped, marks by row index)


@dataclass(frozen=True)
class CountedRound:
    id: str
    cadre_ids: list[str]  # in ballot order
    document: dict[str, Any]
    signature: dict[str, str]

    @property
    def path(self) -> str:
        return f"/api/v1/rounds/{self.id}"


def signing_key(session: Session, secret: bytes) -> str:
    """The test service's signing key, stored once per test (wrapped like a round key)."""
    kid = key_id(SIGNING_PUBLIC)
    if session.get(SigningKeyRow, kid) is None:
        wrapped = wrap_private_key(SIGNING_SEED, secret, f"signing:{kid}")
        session.add(SigningKeyRow(key_id=kid, public_key=SIGNING_PUBLIC, wrapped_private_key=wrapped))
        session.flush()
    return kid


def add_paper(session: Session, round_id: str, layout: Sequence[str], papers: Sequence[PaperBallot]) -> None:
    """Each paper ballot typed twice by two operators who agree (what the double entry accepts)."""
    operators = [
        auth.create_user(session, f"nhap-{uuid.uuid4().hex[:8]}", Role.ORGANIZER, password="x" * 12)[0]
        for _ in range(2)
    ]
    session.add(PaperIssue(round_id=round_id, issued=len(papers)))
    for number, (stamped, marks) in enumerate(papers, start=1):
        rows = {layout[i]: {"marks": sorted(m), "struck": False} for i, m in marks.items()}
        for pass_no, operator in enumerate(operators, start=1):
            session.add(
                PaperEntry(
                    round_id=round_id,
                    number=number,
                    pass_no=pass_no,
                    entered_by=operator.id,
                    stamped=stamped,
                    rows=rows,
                )
            )
    session.flush()


def _posts(candidate: Candidate) -> list[str]:
    return [p.title for p in candidate.cadre.posts if p.id in candidate.post_ids]


def count(
    session: Session,
    round_id: str,
    papers: Sequence[PaperBallot],
    online: Sequence[dict[str, Choice]],
    slips: int,
    present: int | None,
    override_reason: str | None,
    secret: bytes,
) -> CountedRound:
    """Close and count; a committee-sealed box is counted from the choices cast (see above)."""
    round_ = session.get(Round, round_id)
    key = session.get(RoundKey, round_id)
    if round_ is None or key is None:
        raise not_found("round", round_id)
    layout = list(key.layout)
    if key.wrapped_private_key is not None:
        summoned = len(round_.roster)
        figures_in = closing.CloseIn(
            present=summoned if present is None else present,
            paper_issued=len(papers),
            unused_count=slips - len(online),
        )
        closing.close(session, round_id, figures_in, secret)
        result = counting.count(session, round_id, override_reason, secret, datetime.now(UTC))
        session.commit()
        signed = {"alg": "Ed25519", "key_id": result.key_id, "value": result.signature}
        return CountedRound(round_id, layout, dict(result.document), signed)
    sealed = [b.sealed for b in session.query(SealedBallot).filter_by(round_id=round_id)]
    ballots: list[Ballot[Level]] = [
        Ballot({c: row_from_marks([v] if v else [], Level) for c, v in choices.items()}) for choices in online
    ]
    for stamped, marks in papers:
        rows = {layout[i]: row_from_marks(m, Level) for i, m in marks.items()}
        ballots.append(Ballot(rows, issued=stamped))
    summoned = len(round_.roster)
    present = summoned if present is None else present
    issued = slips + len(papers)
    counted = tally(layout, [check_ballot(b, layout) for b in ballots], issued)
    candidates = {c.cadre_id: c for c in round_.candidates}
    document = {
        "round": {
            "id": round_.id,
            "title": round_.title,
            "unit": round_.unit.name,
            "vote_date": round_.vote_date.isoformat(),
            "rulebook": round_.rulebook.value,
        },
        "summoned": summoned,
        "present": present,
        "quorum_met": quorum_met(present, summoned),
        "ballots_issued": issued,
        "ballots_returned": len(ballots),
        "candidates": [
            {
                "cadre_id": r.cadre_id,
                "name": candidates[r.cadre_id].cadre.full_name,
                "posts": _posts(candidates[r.cadre_id]),
                **figures(r),
            }
            for r in counted
        ],
    }
    document = json.loads(json.dumps(document))  # as the JSON column gives it back
    signature = sign(document, SIGNING_SEED).as_json()
    inputs = hashlib.sha256(json.dumps(sorted(base64.b64encode(s).decode() for s in sealed)).encode())
    session.add(
        RoundResult(
            round_id=round_id,
            document=document,
            inputs_digest=inputs.hexdigest(),
            key_id=signing_key(session, secret),
            signature=signature["value"],
            override_reason=override_reason,
        )
    )
    round_.status = RoundStatus.COUNTED
    session.commit()
    return CountedRound(round_id, layout, document, signature)


def counted_round(
    client: TestClient,
    session: Session,
    headers: Headers,
    ballots: Sequence[Sequence[Choice]],
    *,
    papers: Sequence[PaperBallot] = (),
    names: Sequence[str] = NAMES[:2],
    cadre_ids: Sequence[str] = (),
    plan_id: str | None = None,
    unit_id: str | None = None,
    summoned: int | None = None,
    present: int | None = None,
    committee: Sequence[tuple[str, str]] = (),
    override_reason: str | None = None,
    **round_fields: Any,
) -> CountedRound:
    """A round voted on and counted: ``ballots`` are choices in ballot (name) order, one per row."""
    unit_id = unit_id or make_unit(client, headers, "Sở Tài chính")
    plan_id = plan_id or make_plan(client, headers)
    round_id = str(make_round(client, headers, plan_id, unit_id, **round_fields)["id"])
    ids = list(cadre_ids) or [
        make_cadre(client, headers, n, [post_body(unit_id, title=f"Phó Giám đốc Sở ({n})")])["id"]
        for n in names
    ]
    for cadre in ids:
        assert propose(client, headers, round_id, cadre).status_code == 201
    voters = summoned if summoned is not None else len(ballots) + len(papers) + 1
    for i in range(voters):
        body = {"full_name": f"Cử tri số {i + 1}"}
        created(client.post(f"/api/v1/rounds/{round_id}/roster", json=body, headers=headers))
    for full_name, role in committee:
        body = {"full_name": full_name, "role": role}
        created(client.post(f"/api/v1/rounds/{round_id}/committee", json=body, headers=headers))
    scheduled = client.post(
        f"/api/v1/rounds/{round_id}/status", json={"status": "scheduled"}, headers=headers
    )
    assert scheduled.status_code == 200, scheduled.text
    slips = max(len(ballots), 1)
    codes = issue(client, headers, round_id, slips)
    open_round(client, headers, round_id)
    layout = [r["cadre_id"] for r in client.get(f"/api/v1/rounds/{round_id}/ballot").json()["rows"]]
    online = [
        {c: (choices[i] if i < len(choices) else None) for i, c in enumerate(layout)} for choices in ballots
    ]
    for code, marked in zip(codes, online, strict=False):
        body = {"code": code, "choices": marked}
        assert client.post(f"/api/v1/rounds/{round_id}/ballots", json=body).status_code in (200, 201)
    add_paper(session, round_id, layout, papers)
    secret = client.app.state.settings.secret_bytes()  # type: ignore[attr-defined]
    return count(session, round_id, papers, online, slips, present, override_reason, secret)
