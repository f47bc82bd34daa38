"""The results document of design.md ("Contracts"), built from the tally: the one shape every
reader (the API, the renderers, other systems) takes, and the one the signature covers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ballots.levels import RoundKind
from ballots.recount import figures, follow_up_figures
from ballots.tally import ConfidenceResult, FollowUpResult

from ..models import Candidate, Round, RoundClosing
from .round_views import voted_posts


def _named(cadre_id: str, candidates: Mapping[str, Candidate]) -> dict[str, Any]:
    candidate = candidates[cadre_id]
    posts = [p.title for p in voted_posts(candidate)]
    return {"cadre_id": cadre_id, "name": candidate.cadre.full_name, "posts": posts}


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
    # The figures as ballots/recount.py writes them: the recount compares exactly these.
    document["candidates"] = [_named(r.cadre_id, candidates) | figures(r) for r in results]
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
    document["candidates"] = [_named(r.cadre_id, candidates) | follow_up_figures(r) for r in results]
    return document
