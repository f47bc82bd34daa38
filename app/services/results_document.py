"""The results document of design.md ("Contracts"), built from the tally: the one shape every
reader (the API, the renderers, other systems) takes, and the one the signature covers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ballots.levels import FollowUpLevel, Level, RoundKind
from ballots.tally import ConfidenceResult, FollowUpResult, LevelCount

from ..models import Candidate, Round, RoundClosing


def _count(level: LevelCount) -> dict[str, Any]:
    return {"count": level.count, "percent": level.percent}


def _posts(candidate: Candidate) -> list[str]:
    titles = {p.id: p.title for p in candidate.cadre.posts}
    return [titles[p] for p in candidate.post_ids if p in titles]


def _heading(round_: Round, closing: RoundClosing, returned: int) -> dict[str, Any]:
    head: dict[str, Any] = {
        "id": round_.id,
        "title": round_.title,
        "unit": round_.unit.name,
        "vote_date": round_.vote_date.isoformat(),
        "rulebook": round_.rulebook.value,
    }
    if round_.kind is RoundKind.FOLLOW_UP:
        head["kind"] = RoundKind.FOLLOW_UP.value
    return {
        "round": head,
        "summoned": closing.summoned,
        "present": closing.present,
        "quorum_met": closing.quorum_met,
        "ballots_issued": closing.ballots_issued,
        "ballots_returned": returned,
    }


def confidence(
    round_: Round,
    closing: RoundClosing,
    returned: int,
    results: Sequence[ConfidenceResult],
    candidates: Mapping[str, Candidate],
) -> dict[str, Any]:
    document = _heading(round_, closing, returned)
    document["candidates"] = [
        {
            "cadre_id": r.cadre_id,
            "name": candidates[r.cadre_id].cadre.full_name,
            "posts": _posts(candidates[r.cadre_id]),
            "valid": r.valid,
            "invalid": r.invalid,
            "high": _count(r.levels[Level.HIGH]),
            "medium": _count(r.levels[Level.MEDIUM]),
            "low": _count(r.levels[Level.LOW]),
            "band": r.band.value,
            "review": r.review,
        }
        for r in results
    ]
    return document


def follow_up(
    round_: Round,
    closing: RoundClosing,
    returned: int,
    results: Sequence[FollowUpResult],
    candidates: Mapping[str, Candidate],
) -> dict[str, Any]:
    document = _heading(round_, closing, returned)
    document["deputies"] = closing.summoned
    document["candidates"] = [
        {
            "cadre_id": r.cadre_id,
            "name": candidates[r.cadre_id].cadre.full_name,
            "posts": _posts(candidates[r.cadre_id]),
            "valid": r.valid,
            "invalid": r.invalid,
            "trust": _count(r.levels[FollowUpLevel.TRUST]),
            "no_trust": _count(r.levels[FollowUpLevel.NO_TRUST]),
            "no_confidence_majority": r.no_confidence_majority,
        }
        for r in results
    ]
    return document
