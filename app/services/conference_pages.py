"""What the conference-day page shows: slips, turnout against the quorum line, closing, paper
ballots and their double entry, the committee's key shares, the count and its publication."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from ballots.levels import FollowUpLevel, Level

from ..models import Round, RoundClosing, RoundKey, RoundResult, RoundStatus, SealingMode
from ..repositories import results as results_repo
from ..repositories import voting as voting_repo
from ..schemas.rounds import RoundOut
from . import closing, committee_access, key_shares, round_views, rounds, voting
from . import paper as paper_service
from .auth import Principal
from .paper import Disagreement, PaperSummary


@dataclass(frozen=True)
class ConferenceDay:
    round: RoundOut
    summoned: int
    quorum_line: int  # at least this many present (2/3 of those summoned, rounded up)
    slips: int  # slips issued (0: a round voted on paper alone)
    returned: int  # ballots returned so far (online, plus paper ballots accepted)
    closing: RoundClosing | None
    paper: PaperSummary | None
    disagreements: list[Disagreement]
    shares: key_shares.Progress | None  # committee sealing, once closed
    result: RoundResult | None
    boxes: list[Level] | list[FollowUpLevel]
    names: dict[str, str]  # cadre id -> name, in ballot order


@dataclass(frozen=True)
class EntrySheet:
    """What the paper-entry screen needs: the round, the running count, the ballot's rows and boxes."""

    round: RoundOut
    paper: PaperSummary
    boxes: list[Level] | list[FollowUpLevel]
    names: dict[str, str]


def _names(round_: Round, key: RoundKey | None) -> dict[str, str]:
    """Cadre id -> name, in the ballot's order (frozen when the round opened)."""
    if key is None:
        return {}
    by_id = {c.cadre_id: c.cadre.full_name for c in round_.candidates}
    return {c: by_id.get(c, c) for c in key.layout}


def _boxes(round_: Round) -> list[Level] | list[FollowUpLevel]:
    """The ballot's boxes in print order (three, or two on an nq96 follow-up ballot)."""
    return list(FollowUpLevel) if paper_service.levels_of(round_) is FollowUpLevel else list(Level)


def boxes(session: Session, round_id: str) -> list[Level] | list[FollowUpLevel]:
    return _boxes(rounds.get(session, round_id))


def entry_sheet(session: Session, round_id: str, today: date) -> EntrySheet:
    round_ = rounds.get(session, round_id)
    return EntrySheet(
        round=round_views.describe(session, round_, today),
        paper=paper_service.summary(session, round_id),
        boxes=_boxes(round_),
        names=_names(round_, voting_repo.round_key(session, round_id)),
    )


def require_conference(session: Session, principal: Principal, round_id: str) -> None:
    """The organizer's, an admin's, or the round's own committee's page."""
    committee_access.require_act(session, principal, round_id)


def conference_day(session: Session, round_id: str, today: date) -> ConferenceDay:
    round_ = rounds.get(session, round_id)
    view = round_views.describe(session, round_, today)
    summoned = len(round_.roster)
    started = round_.status not in rounds.EDITABLE
    slips, _online = voting_repo.counts(session, round_id)
    returned = voting.turnout(session, round_id)[1] if started else 0
    key = voting_repo.round_key(session, round_id)
    shares = None
    if key is not None and key.mode is SealingMode.COMMITTEE and round_.status is RoundStatus.CLOSED:
        shares = key_shares.progress(session, round_id)
    return ConferenceDay(
        round=view,
        summoned=summoned,
        quorum_line=-(-2 * summoned // 3),
        slips=slips,
        returned=returned,
        closing=closing.closing_of(session, round_id),
        paper=paper_service.summary(session, round_id) if started else None,
        disagreements=paper_service.disagreements(session, round_id) if started else [],
        shares=shares,
        result=results_repo.stored(session, round_id),
        boxes=_boxes(round_),
        names=_names(round_, key),
    )


def conference_rounds(session: Session, principal: Principal) -> list[Round]:
    """The rounds whose conference day a caller may run, newest vote first: a committee account's
    own rounds; for organizers and admins every round past its draft."""
    only = committee_access.visible_round_ids(session, principal)
    found = rounds.listed(session, only=only)
    return sorted(
        (r for r in found if only is not None or r.status is not RoundStatus.DRAFT),
        key=lambda r: (r.vote_date, r.title),
        reverse=True,
    )
