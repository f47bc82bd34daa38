"""Who takes part in a round: summoned voters, candidates (with verdicts), counting committee."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from ballots.eligibility import ReasonCode
from ballots.errors import Conflict, InvalidInput, NotFound, RuleViolation

from ..models import Cadre, Candidate, CommitteeMember, RosterEntry
from ..repositories import cadres as cadre_repo
from ..repositories import common
from ..repositories import members as members_repo
from ..repositories import rounds as repo
from ..repositories.common import get_or_404
from ..schemas.rounds import CandidateIn, CommitteeIn, RosterIn
from . import eligibility
from .rounds import get, get_locked, require_editable

Member = TypeVar("Member", RosterEntry, Candidate, CommitteeMember)


def _member(items: Sequence[Member], member_id: str, what: str) -> Member:
    for item in items:
        if item.id == member_id:
            return item
    raise NotFound(f"the round has no {what} with id '{member_id}'", details={"id": member_id, "kind": what})


def roster_page(session: Session, round_id: str, limit: int, offset: int) -> tuple[list[RosterEntry], int]:
    return members_repo.roster(session, get(session, round_id).id, limit, offset)


def candidates_page(session: Session, round_id: str, limit: int, offset: int) -> tuple[list[Candidate], int]:
    return members_repo.candidates(session, get(session, round_id).id, limit, offset)


def committee_page(
    session: Session, round_id: str, limit: int, offset: int
) -> tuple[list[CommitteeMember], int]:
    return members_repo.committee(session, get(session, round_id).id, limit, offset)


def add_roster(session: Session, round_id: str, entries: list[RosterIn]) -> list[RosterEntry]:
    """All entries or none: duplicates in the request or against the roster refuse the lot."""
    round_ = get_locked(session, round_id)
    require_editable(round_)
    # The same person typed twice with different capitals is still the same person.
    keys = [(e.full_name.casefold(), e.contact.casefold()) for e in entries]
    existing = {(r.full_name.casefold(), r.contact.casefold()) for r in round_.roster}
    clashes = {k for k, n in Counter(keys).items() if n > 1} | (set(keys) & existing)
    first: dict[tuple[str, str], RosterIn] = {}
    for k, e in zip(keys, entries, strict=True):
        first.setdefault(k, e)
    repeated = [e for k, e in first.items() if k in clashes]
    if repeated:
        names = ", ".join(e.full_name + (f" ({e.contact})" if e.contact else "") for e in repeated)
        raise Conflict(
            f"already on the roster or listed twice: {names}",
            details={"duplicates": [{"full_name": e.full_name, "contact": e.contact} for e in repeated]},
        )
    start = repo.next_position(session, RosterEntry, round_.id)
    added = [
        RosterEntry(
            round_id=round_.id, position=start + i, full_name=e.full_name, title=e.title, contact=e.contact
        )
        for i, e in enumerate(entries)
    ]
    common.add_all(session, list(added))
    return added


def remove_roster(session: Session, round_id: str, entry_id: str) -> None:
    round_ = get(session, round_id)
    require_editable(round_)
    common.delete(session, _member(round_.roster, entry_id, "roster entry"))


def add_candidate(
    session: Session, round_id: str, data: CandidateIn, now: datetime
) -> tuple[Candidate, list[Candidate]]:
    """Add a cadre if the rules allow; returns the candidate and the cadre's candidacies it displaced."""
    round_ = get_locked(session, round_id)
    require_editable(round_)
    # Before anything about the cadre is read: proposals of one cadre are decided one at a time.
    cadre_repo.lock(session, data.cadre_id)
    cadre = get_or_404(session, Cadre, data.cadre_id, "cadre")
    if cadre.archived_at is not None:
        raise Conflict(
            f"cadre '{cadre.full_name}' is archived",
            message_vi=f"Cán bộ '{cadre.full_name}' đã được lưu trữ",
            details={"cadre_id": cadre.id},
        )
    if any(c.cadre_id == cadre.id for c in round_.candidates):
        raise Conflict(
            f"{cadre.full_name} is already a candidate of this round", details={"cadre_id": cadre.id}
        )
    own = {p.id for p in cadre.posts}
    post_ids = (
        eligibility.default_post_ids(cadre, round_)
        if data.post_ids is None
        else list(dict.fromkeys(data.post_ids))
    )
    foreign = [p for p in post_ids if p not in own]
    if foreign:
        raise InvalidInput(
            f"post(s) not held by {cadre.full_name}: {', '.join(foreign)}", details={"post_ids": foreign}
        )
    verdict = eligibility.assess_proposal(session, cadre, round_, post_ids)
    eligibility.require_eligible(verdict, cadre)
    before = {c.id for c in eligibility.candidacies(session, cadre, round_.plan_id) if c.eligible}
    candidate = Candidate(
        round_id=round_.id,
        cadre_id=cadre.id,
        position=repo.next_position(session, Candidate, round_.id),
        post_ids=post_ids,
        eligible=True,
        reasons=[],
    )
    eligibility.store(candidate, verdict, now)
    common.add(session, candidate)
    eligibility.reassess_cadre(session, cadre, now)
    displaced = [
        c
        for c in eligibility.candidacies(session, cadre, round_.plan_id)
        if c.id in before and not c.eligible
    ]
    return candidate, displaced


def remove_candidate(session: Session, round_id: str, candidate_id: str, now: datetime) -> None:
    round_ = get(session, round_id)
    require_editable(round_)
    candidate = _member(round_.candidates, candidate_id, "candidate")
    cadre = candidate.cadre
    round_.candidates.remove(candidate)
    session.flush()
    eligibility.reassess_cadre(session, cadre, now)


def add_committee(session: Session, round_id: str, data: CommitteeIn, now: datetime) -> CommitteeMember:
    round_ = get_locked(session, round_id)
    require_editable(round_)
    twin = next(
        (
            m
            for m in round_.committee
            if m.full_name.casefold() == data.full_name.casefold()
            or (data.cadre_id is not None and m.cadre_id == data.cadre_id)
        ),
        None,
    )
    if twin is not None:
        raise Conflict(
            f"{twin.full_name} is already on the counting committee",
            details={"full_name": twin.full_name, "member_id": twin.id},
        )
    if data.cadre_id is not None:
        cadre = get_or_404(session, Cadre, data.cadre_id, "cadre")
        if any(c.cadre_id == cadre.id for c in round_.candidates):
            # regulation.md §2: those voted on in a round do not count its ballots.
            # One rule, one code: the same reason a candidate on the committee is refused with.
            message = (
                f"{cadre.full_name} is voted on in this round and cannot sit on its counting committee; "
                "withdraw the candidacy first or choose another member"
            )
            message_vi = (
                f"{cadre.full_name} là người được lấy phiếu ở hội nghị này nên không thể ở tổ kiểm phiếu; "
                "rút tên khỏi danh sách lấy phiếu trước hoặc chọn người khác"
            )
            reason = {
                "code": ReasonCode.ON_COUNTING_COMMITTEE.value,
                "message": message,
                "message_vi": message_vi,
            }
            raise RuleViolation(
                message, message_vi=message_vi, details={"cadre_id": cadre.id, "reasons": [reason]}
            )
    member = CommitteeMember(
        round_id=round_.id,
        position=repo.next_position(session, CommitteeMember, round_.id),
        full_name=data.full_name,
        role=data.role,
        cadre_id=data.cadre_id,
    )
    common.add(session, member)
    session.refresh(round_)
    eligibility.reassess_round(session, round_, now)
    return member


def remove_committee(session: Session, round_id: str, member_id: str, now: datetime) -> None:
    round_ = get(session, round_id)
    require_editable(round_)
    common.delete(session, _member(round_.committee, member_id, "committee member"))
    session.refresh(round_)
    eligibility.reassess_round(session, round_, now)
