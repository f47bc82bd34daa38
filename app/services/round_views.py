"""Rounds as the API shows them: member counts, deadlines, next statuses and warnings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from ballots.calendar import deadlines

from ..models import Candidate, Post, Round
from ..repositories import rounds as repo
from ..repositories.rounds import MemberCounts
from ..schemas.rounds import CandidateAdded, CandidateOut, Displaced, PostRef, ReasonOut, RoundOut
from .rounds import NEXT, warnings


def _out(round_: Round, counts: MemberCounts, today: date) -> RoundOut:
    return RoundOut(
        id=round_.id,
        plan_id=round_.plan_id,
        plan_number=round_.plan.number,
        unit_id=round_.unit_id,
        unit_name=round_.unit.name,
        title=round_.title,
        venue=round_.venue,
        vote_date=round_.vote_date,
        rulebook=round_.rulebook,
        kind=round_.kind,
        place_kind=round_.place_kind,
        status=round_.status,
        override_reason=round_.schedule_override_reason,
        sealing=round_.sealing,
        threshold=round_.sealing_threshold,
        archived_at=round_.archived_at,
        roster_count=counts.roster,
        candidate_count=counts.candidates,
        eligible_count=counts.eligible,
        committee_count=counts.committee,
        deadlines={m.value: d for m, d in deadlines(round_.vote_date).items()},
        next_statuses=[] if round_.archived_at else list(NEXT[round_.status]),
        warnings=warnings(round_, today),
    )


def describe(session: Session, round_: Round, today: date) -> RoundOut:
    """The round as the API shows it: its member counts, deadlines, next statuses and warnings."""
    return _out(round_, repo.member_counts(session, [round_.id])[round_.id], today)


def describe_all(session: Session, rounds: Sequence[Round], today: date) -> list[RoundOut]:
    """``describe`` for a page of rounds, with one query for all their member counts."""
    counts = repo.member_counts(session, [r.id for r in rounds])
    return [_out(r, counts[r.id], today) for r in rounds]


def voted_posts(candidate: Candidate) -> list[Post]:
    """The posts a candidate is voted on for, in the order proposed (a post since removed is left out):
    what the candidate listing, the ballot and the results document all name."""
    held = {p.id: p for p in candidate.cadre.posts}
    return [held[p] for p in candidate.post_ids if p in held]


def describe_candidate(candidate: Candidate) -> CandidateOut:
    """A candidate with the titles of the posts it is voted on for, and its verdict."""
    return CandidateOut(
        id=candidate.id,
        round_id=candidate.round_id,
        cadre_id=candidate.cadre_id,
        cadre_name=candidate.cadre.full_name,
        position=candidate.position,
        posts=[PostRef(id=p.id, title=p.title) for p in voted_posts(candidate)],
        eligible=candidate.eligible,
        reasons=[ReasonOut.model_validate(r) for r in candidate.reasons],
    )


def describe_added(candidate: Candidate, displaced: Sequence[Candidate]) -> CandidateAdded:
    """A new candidate, and first of all the candidacies elsewhere it displaced (never silently)."""
    return CandidateAdded(
        **dict(describe_candidate(candidate)),
        displaced=[
            Displaced(
                round_id=c.round_id,
                round_title=c.round.title,
                vote_date=c.round.vote_date,
                candidate_id=c.id,
                reasons=[ReasonOut.model_validate(r) for r in c.reasons],
            )
            for c in displaced
        ],
    )
