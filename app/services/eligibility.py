"""Eligibility verdicts: translate the stored plan into ballots/ inputs, assess, store the verdicts.

A verdict is stored on each candidate when the round is saved and recomputed whenever a cadre, a
post, a round's date or venue, or a counting committee changes, because the two-place rule makes
one round's verdict depend on the cadre's other rounds in the plan. Rounds whose voting has opened
keep their verdicts (and still hold their place).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ballots import eligibility as rules
from ballots.errors import CandidateIneligible

from ..models import Cadre, Candidate, Post, Round
from ..models.plan import RoundStatus
from ..repositories import cadres as cadre_repo
from ..repositories import candidates as repo

PREPARING = (RoundStatus.DRAFT, RoundStatus.SCHEDULED)


def cadre_input(cadre: Cadre) -> rules.Cadre:
    standing = (
        frozenset({cadre.standing_committee_unit_id}) if cadre.standing_committee_unit_id else frozenset()
    )
    return rules.Cadre(cadre.id, cadre.full_name, cadre.retirement_notice_date, standing)


def post_input(post: Post) -> rules.Post:
    return rules.Post(post.id, post.title, post.filled_by, post.since)


def place_of(round_: Round) -> rules.Place:
    return rules.Place(
        round_.id,
        round_.place_kind,
        round_.unit.level,
        round_.unit.locality.id,
        round_.vote_date,
        round_.rulebook,
        f"{round_.title} ({round_.vote_date:%d/%m/%Y})",
    )


def default_post_ids(cadre: Cadre, round_: Round) -> list[str]:
    """The cadre's posts that this round's rulebook covers and that are held on the vote date."""
    return [
        p.id
        for p in cadre.posts
        if p.filled_by.rulebook is round_.rulebook and (p.ended_on is None or p.ended_on > round_.vote_date)
    ]


def _nomination(session: Session, cadre: Cadre, round_: Round, post_ids: Iterable[str]) -> rules.Nomination:
    wanted = set(post_ids)
    posts = tuple(post_input(p) for p in cadre.posts if p.id in wanted)
    on_committee = cadre.id in repo.committee_cadre_ids(session, round_.id)
    return rules.Nomination(place_of(round_), posts, on_committee)


def _saved_nomination(session: Session, cadre: Cadre, candidate: Candidate) -> rules.Nomination | None:
    """A stored candidacy as the rules see it: once voting has opened, an eligible one is a place
    taken for good and an ineligible one is no place at all."""
    nomination = _nomination(session, cadre, candidate.round, candidate.post_ids)
    if candidate.round.status in PREPARING:
        # An eligible candidacy is a place held: a tie-break alone never takes it away.
        return replace(nomination, accepted=candidate.eligible)
    return replace(nomination, fixed=True) if candidate.eligible else None


def reason_dict(reason: rules.Reason) -> dict[str, Any]:
    return {
        "code": reason.code.value,
        "message": reason.message,
        "message_vi": reason.message_vi,
        "post_id": reason.post_id,
        "details": dict(reason.details),
    }


def assess_proposal(session: Session, cadre: Cadre, round_: Round, post_ids: Iterable[str]) -> rules.Verdict:
    """The verdict for adding ``cadre`` to ``round_``, against the cadre's other rounds in the plan."""
    saved = (
        _saved_nomination(session, cadre, c)
        for c in repo.of_cadre_in_plan(session, cadre.id, round_.plan_id)
        if c.round_id != round_.id
    )
    others = [n for n in saved if n is not None]
    return rules.assess(cadre_input(cadre), _nomination(session, cadre, round_, post_ids), others)


def require_eligible(verdict: rules.Verdict, cadre: Cadre) -> None:
    """Refuse an ineligible candidate with every reason, never dropping it silently."""
    if not verdict.eligible:
        reasons = [reason_dict(r) for r in verdict.reasons]
        summary = "; ".join(r.message for r in verdict.reasons)
        details: dict[str, Any] = {"cadre_id": cadre.id, "reasons": reasons}
        kept = [
            r.details["kept_round_ids"] for r in verdict.reasons if r.code is rules.ReasonCode.THIRD_PLACE
        ]
        if kept:
            details["kept_round_ids"] = kept[0]
        raise CandidateIneligible(
            f"{cadre.full_name} cannot be voted on in this round: {summary}", details=details
        )


def store(candidate: Candidate, verdict: rules.Verdict, now: datetime) -> None:
    candidate.eligible = verdict.eligible
    candidate.reasons = [reason_dict(r) for r in verdict.reasons]
    candidate.assessed_at = now


def candidacies(session: Session, cadre: Cadre, plan_id: str) -> list[Candidate]:
    return repo.of_cadre_in_plan(session, cadre.id, plan_id)


def reassess_cadre(session: Session, cadre: Cadre, now: datetime) -> None:
    """Recompute the stored verdict of every nomination of ``cadre``, plan by plan."""
    cadre_repo.lock(session, cadre.id)
    plan_ids = {c.round.plan_id for c in repo.of_cadre(session, cadre.id)}
    for plan_id in plan_ids:
        saved = [
            (c, _saved_nomination(session, cadre, c))
            for c in repo.of_cadre_in_plan(session, cadre.id, plan_id)
        ]
        inputs = [n for _, n in saved if n is not None]
        for candidate, nomination in saved:
            # Once voting opens the ballot is printed: that round's verdicts are part of its record.
            if nomination is not None and candidate.round.status in PREPARING:
                store(candidate, rules.assess(cadre_input(cadre), nomination, inputs), now)
    session.flush()


def reassess_round(session: Session, round_: Round, now: datetime) -> None:
    """After a round's date, venue, rulebook or committee changed: every candidate of it again."""
    # One order for every request, so two of them never wait on each other's cadres.
    for candidate in sorted(round_.candidates, key=lambda c: c.cadre_id):
        reassess_cadre(session, candidate.cadre, now)


def reassess_units(session: Session, unit_ids: set[str], now: datetime) -> None:
    """After units moved in the tree: every round held in them again."""
    for round_ in repo.rounds_in_units(session, unit_ids):
        reassess_round(session, round_, now)
