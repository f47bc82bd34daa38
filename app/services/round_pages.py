"""What a round's page shows: the round and its deadlines, candidates with their verdicts, the
summoned voters, the counting committee, the documents, and cadres to propose."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from ballots.calendar import Milestone, deadlines

from ..models import Cadre, CommitteeMember, RosterEntry
from ..schemas.calendar import RoundCalendar
from ..schemas.documents import DocumentOut
from ..schemas.rounds import CandidateOut, RoundOut
from . import cadres, documents, round_members, round_views, rounds, units
from .calendar import round_calendar

ROSTER_SHOWN = 50
FOUND_SHOWN = 20


@dataclass(frozen=True)
class RoundPage:
    round: RoundOut
    calendar: RoundCalendar
    candidates: list[CandidateOut]
    roster: list[RosterEntry]
    committee: list[CommitteeMember]
    documents: list[DocumentOut]
    found: list[Cadre]  # cadres matching the page's search, to propose
    warnings_vi: list[str]
    editable: bool


def round_page(session: Session, round_id: str, today: date, find: str) -> RoundPage:
    round_ = rounds.get(session, round_id)
    candidates, _ = round_members.candidates_page(session, round_id, 500, 0)
    roster, _ = round_members.roster_page(session, round_id, ROSTER_SHOWN, 0)
    committee, _ = round_members.committee_page(session, round_id, 100, 0)
    docs, _ = documents.search(session, round_id, None, None, 500, 0)
    found: list[Cadre] = []
    if find.strip():
        proposed = {c.cadre_id for c in candidates}
        matches, _ = cadres.search(
            session, q=find, unit_id=None, filled_by=None, include_archived=False, limit=FOUND_SHOWN, offset=0
        )
        found = [c for c in matches if c.id not in proposed]
    return RoundPage(
        round=round_views.describe(session, round_, today),
        calendar=round_calendar(session, round_id, today),
        candidates=[round_views.describe_candidate(c) for c in candidates],
        roster=roster,
        committee=committee,
        documents=[documents.describe(d) for d in docs],
        found=found,
        warnings_vi=rounds.warnings_vi(round_, today),
        editable=round_.status in rounds.EDITABLE and round_.archived_at is None,
    )


def deadlines_for(vote_date: date) -> dict[Milestone, date]:
    """The four deadlines a vote date sets (shown as the organizer types a date)."""
    return deadlines(vote_date)


def unit_choices(session: Session) -> list[tuple[str, str]]:
    found, _ = units.search(
        session, level=None, parent_id=None, q=None, include_archived=False, limit=10_000, offset=0
    )
    return sorted(((u.id, u.name) for u in found), key=lambda pair: pair[1].casefold())
