"""At most two places per cadre in a plan, chosen by the priority of regulation.md §2.

Places already voted on come first; then (1) the standing committee of the highest Party
committee, (2) a council-elected post, (3) the place of work. A place the cadre already holds is
kept before a new one of equal priority: a proposal displaces it only when the regulation ranks
the new place strictly higher, and the displaced candidacy says why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .levels import FillMethod, PlaceKind, Rulebook
from .nominations import MAX_PLACES, Cadre, Nomination, Place, Reason, ReasonCode, votable_posts

# regulation.md §2, priority when more places are possible; the rank is the index.
PRIORITY_LABELS = (
    ("the standing committee of the highest Party committee", "Ban Thường vụ cấp ủy cao nhất"),
    ("a council-elected post (HĐND)", "chức vụ do HĐND bầu"),
    ("the place of work", "nơi công tác"),
)


def priority_rank(cadre: Cadre, nomination: Nomination) -> int:
    """0, 1 or 2: the priority regulation.md §2 gives this place for this cadre (0 first)."""
    place = nomination.place
    if place.kind is PlaceKind.PARTY_COMMITTEE and place.locality_id in cadre.standing_committee_of:
        return 0
    if place.kind is PlaceKind.COUNCIL and any(
        p.filled_by is FillMethod.COUNCIL_ELECTED for p in nomination.posts
    ):
        return 1
    return 2


def place_priority(cadre: Cadre, nomination: Nomination) -> tuple[int, bool, int, date, str]:
    """Sort key among places not yet voted on: regulation.md §2 priority, then places the cadre
    already holds, then the higher level, then the earlier date.

    Level and date only order places of equal priority that the cadre does not hold yet: a new
    proposal takes a place held elsewhere only when the regulation itself ranks it higher.
    """
    place = nomination.place
    return (
        priority_rank(cadre, nomination),
        not nomination.accepted,
        place.level.rank,
        place.vote_date,
        place.round_id,
    )


@dataclass(frozen=True)
class PlaceChoice:
    kept: tuple[Nomination, ...]
    dropped: tuple[tuple[Nomination, Reason], ...]


def choose_places(cadre: Cadre, nominations: Iterable[Nomination]) -> PlaceChoice:
    """Keep at most two places per cadre in a plan, by the priority of regulation.md §2.

    Places already voted on (``fixed``) are kept first; then only nominations with something
    votable compete; under ``nq96`` all council posts of a person are voted on once, so a second
    council round of the same locality is dropped.
    """
    candidates = sorted(
        (n for n in nominations if n.fixed or (votable_posts(cadre, n) and not n.on_counting_committee)),
        key=lambda n: (not n.fixed, *place_priority(cadre, n)),
    )
    kept: list[Nomination] = []
    dropped: list[tuple[Nomination, Reason]] = []
    councils: dict[str, Nomination] = {}
    for nomination in candidates:
        place = nomination.place
        if place.rulebook is Rulebook.NQ96 and place.locality_id in councils:
            first = councils[place.locality_id].place
            dropped.append((nomination, _council_already_voted(cadre, first)))
        elif len(kept) < MAX_PLACES:
            kept.append(nomination)
            if place.rulebook is Rulebook.NQ96:
                councils[place.locality_id] = nomination
        elif nomination.accepted and (ahead := _ahead_by_rule(cadre, nomination, kept)):
            dropped.append((nomination, _displaced(cadre, nomination, ahead, kept)))
        else:
            dropped.append((nomination, _third_place(cadre, tuple(k.place for k in kept))))
    return PlaceChoice(tuple(kept), tuple(dropped))


def _council_already_voted(cadre: Cadre, first: Place) -> Reason:
    return Reason(
        ReasonCode.COUNCIL_ALREADY_VOTED,
        f"{cadre.name} is voted on once for all council posts, at {first.name}",
        f"{cadre.name} được lấy phiếu một lần cho tất cả chức vụ do HĐND bầu (tại {first.name})",
        details={"kept_round_id": first.round_id},
    )


def _third_place(cadre: Cadre, kept: tuple[Place, ...]) -> Reason:
    names = "; ".join(p.name for p in kept)
    return Reason(
        ReasonCode.THIRD_PLACE,
        f"{cadre.name} is already voted on at {MAX_PLACES} places in this plan ({names}), kept before "
        "this one (voted on already, or of equal or higher priority under the regulation); "
        "to vote on the cadre here, withdraw one of them first",
        f"{cadre.name} đã được lấy phiếu tại {MAX_PLACES} nơi trong kế hoạch ({names}), được giữ "
        "trước nơi này (đã bỏ phiếu, hoặc có thứ tự ưu tiên không thấp hơn); muốn lấy phiếu tại đây "
        "cần rút một trong hai nơi đó trước",
        details={"kept_round_ids": [p.round_id for p in kept]},
    )


def _ahead_by_rule(cadre: Cadre, held: Nomination, kept: list[Nomination]) -> list[Nomination]:
    """The kept places that outrank a place held by rule, not by a tie-break: already voted on, or
    of strictly higher priority under regulation.md §2."""
    rank = priority_rank(cadre, held)
    return [k for k in kept if k.fixed or priority_rank(cadre, k) < rank]


def _why(cadre: Cadre, nomination: Nomination, language: int) -> str:
    if nomination.fixed:
        return ("already voted on", "đã bỏ phiếu")[language]
    return PRIORITY_LABELS[priority_rank(cadre, nomination)][language]


def _displaced(cadre: Cadre, lost: Nomination, ahead: list[Nomination], kept: list[Nomination]) -> Reason:
    """A place the cadre held, lost to a place the regulation puts before it."""
    winners = "; ".join(f"{k.place.name} ({_why(cadre, k, 0)})" for k in ahead)
    winners_vi = "; ".join(f"{k.place.name} ({_why(cadre, k, 1)})" for k in ahead)
    return Reason(
        ReasonCode.DISPLACED,
        f"{cadre.name} is no longer voted on at this place ({_why(cadre, lost, 0)}): the regulation "
        f"puts {winners} before it, and a cadre is voted on at {MAX_PLACES} places at most",
        f"{cadre.name} không còn được lấy phiếu tại nơi này ({_why(cadre, lost, 1)}): theo thứ tự ưu "
        f"tiên, {winners_vi} được giữ trước, mỗi cán bộ chỉ được lấy phiếu tại tối đa {MAX_PLACES} nơi",
        details={"kept_round_ids": [k.place.round_id for k in kept]},
    )
