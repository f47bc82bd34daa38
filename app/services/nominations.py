"""Where a cadre is proposed, across every plan, with the stored verdict of each nomination."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ballots.eligibility import ReasonCode

from ..repositories import candidates as repo
from ..schemas.nominations import NominationOut, PlaceState
from ..schemas.rounds import ReasonOut
from .cadres import get as get_cadre

# The reasons that mean "the places went elsewhere", as opposed to "not votable here at all".
DISPLACING = {
    ReasonCode.THIRD_PLACE.value,
    ReasonCode.DISPLACED.value,
    ReasonCode.COUNCIL_ALREADY_VOTED.value,
}


def nominations(session: Session, cadre_id: str, limit: int, offset: int) -> tuple[list[NominationOut], int]:
    """One page of the cadre's nominations: three queries however many plans and rounds."""
    cadre = get_cadre(session, cadre_id)
    items, total = repo.nominations(session, cadre.id, limit, offset)
    kept = repo.kept_places(session, cadre.id)
    out = []
    for c in items:
        round_ = c.round
        place: PlaceState
        if c.eligible:
            place = "kept"
        elif any(r.get("code") in DISPLACING for r in c.reasons):
            place = "displaced"
        else:
            place = "excluded"
        out.append(
            NominationOut(
                candidate_id=c.id,
                plan_id=round_.plan_id,
                plan_number=round_.plan.number,
                plan_title=round_.plan.title,
                round_id=round_.id,
                round_title=round_.title,
                vote_date=round_.vote_date,
                status=round_.status,
                archived=round_.archived_at is not None,
                eligible=c.eligible,
                reasons=[ReasonOut.model_validate(r) for r in c.reasons],
                place=place,
                kept_round_ids=kept.get(round_.plan_id, []),
            )
        )
    return out, total
