"""Eligibility verdicts: translate the stored plan into ballots/ inputs, assess, store the verdicts.

A verdict is stored on each candidate when the round is saved and recomputed whenever a cadre, a
post, a round's date or venue, or a counting committee changes, because the two-place rule makes
one round's verdict depend on the cadre's other rounds in the plan. Rounds whose voting has opened
keep their verdicts (and still hold their place).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ballots import eligibility as rules
from ballots.errors import CandidateIneligible

from ..models import Cadre, Candidate, Post, Round, Unit
from ..models.plan import RoundStatus
from ..repositories import cadres as cadre_repo
from ..repositories import candidates as repo
from ..repositories import units as units_repo

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


def _nomination(
    cadre: Cadre, round_: Round, post_ids: Iterable[str], committee: set[str]
) -> rules.Nomination:
    wanted = set(post_ids)
    posts = tuple(post_input(p) for p in cadre.posts if p.id in wanted)
    return rules.Nomination(place_of(round_), posts, cadre.id in committee)


def _saved_nomination(cadre: Cadre, candidate: Candidate, committee: set[str]) -> rules.Nomination | None:
    """A stored candidacy as the rules see it: once voting has opened, an eligible one is a place
    taken for good and an ineligible one is no place at all."""
    nomination = _nomination(cadre, candidate.round, candidate.post_ids, committee)
    if candidate.round.status in PREPARING:
        # An eligible candidacy is a place held: a tie-break alone never takes it away.
        return replace(nomination, accepted=candidate.eligible)
    return replace(nomination, fixed=True) if candidate.eligible else None


@dataclass(frozen=True)
class Places:
    """What the rules read about a set of rounds besides the rounds themselves, loaded up front."""

    committee: dict[str, set[str]]  # round id -> cadres on its counting committee
    # Held only so the session keeps them: each round's locality is then found without a query.
    units: dict[str, Unit]


def _load_places(session: Session, rounds: Iterable[Round]) -> Places:
    """Two queries for any number of rounds."""
    rounds = list(rounds)
    units = units_repo.with_ancestors(session, {r.unit_id for r in rounds})
    return Places(repo.committee_cadre_ids(session, {r.id for r in rounds}), units)


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
    others = [c for c in repo.of_cadre_in_plan(session, cadre.id, round_.plan_id) if c.round_id != round_.id]
    places = _load_places(session, [round_, *(c.round for c in others)])
    saved = [_saved_nomination(cadre, c, places.committee[c.round_id]) for c in others]
    nomination = _nomination(cadre, round_, post_ids, places.committee[round_.id])
    return rules.assess(cadre_input(cadre), nomination, [n for n in saved if n is not None])


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


def reassess_cadres(session: Session, cadre_ids: Collection[str], now: datetime) -> None:
    """Recompute the stored verdict of every nomination of these cadres, plan by plan.

    Everything is read up front in a fixed number of queries and the changed verdicts are written
    in one batch, however many cadres and rounds are involved.
    """
    if not cadre_ids:
        return
    cadre_repo.lock_all(session, cadre_ids)
    candidacies = repo.live_of_cadres(session, cadre_ids)
    cadres = repo.cadres_with_posts(session, cadre_ids)
    places = _load_places(session, {c.round_id: c.round for c in candidacies}.values())
    by_plan: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for candidacy in candidacies:
        by_plan[(candidacy.cadre_id, candidacy.round.plan_id)].append(candidacy)
    for (cadre_id, _plan_id), group in by_plan.items():
        cadre = cadres[cadre_id]
        saved = [(c, _saved_nomination(cadre, c, places.committee[c.round_id])) for c in group]
        inputs = [n for _, n in saved if n is not None]
        for candidate, nomination in saved:
            # Once voting opens the ballot is printed: that round's verdicts are part of its record.
            if nomination is not None and candidate.round.status in PREPARING:
                store(candidate, rules.assess(cadre_input(cadre), nomination, inputs), now)
    session.flush()


def reassess_cadre(session: Session, cadre: Cadre, now: datetime) -> None:
    reassess_cadres(session, {cadre.id}, now)


def reassess_round(session: Session, round_: Round, now: datetime) -> None:
    """After a round's date, venue, rulebook or committee changed: every candidate of it again."""
    reassess_cadres(session, {c.cadre_id for c in round_.candidates}, now)


def reassess_units(session: Session, unit_ids: set[str], now: datetime) -> None:
    """After units moved in the tree: every round held in them again."""
    reassess_cadres(session, repo.cadre_ids_in_units(session, unit_ids), now)
