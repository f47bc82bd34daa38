"""Sheets out, in exactly the format the import reads back."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ballots.errors import InvalidInput

from ..repositories import imports as lookups
from ..repositories import units as unit_repo
from .rounds import get as get_round


def rows(session: Session, sheet: str, round_id: str | None) -> list[list[object]]:
    if sheet == "units":
        return [
            [u.name, "Tỉnh" if u.level.value == "province" else "Huyện", u.parent.name if u.parent else ""]
            for u in unit_repo.all_units(session)
            if u.archived_at is None
        ]
    if sheet == "cadres":
        labels = {"council_elected": "HĐND bầu", "party_elected": "Cấp ủy bầu", "appointed": "Bổ nhiệm"}
        return [
            [
                c.full_name,
                c.date_of_birth or "",
                {"male": "Nam", "female": "Nữ"}.get(c.gender.value if c.gender else "", ""),
                p.title,
                p.unit.name,
                labels[p.filled_by.value],
                p.since,
                c.standing_committee_unit.name if c.standing_committee_unit else "",
                c.retirement_notice_date or "",
            ]
            for c in lookups.cadres_with_posts(session)
            if c.archived_at is None
            for p in c.posts
        ]
    if round_id is None:
        raise InvalidInput("give round_id to export a roster", details={"field": "round_id"})
    return [[r.full_name, r.title, r.contact] for r in get_round(session, round_id).roster]
