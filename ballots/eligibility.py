"""Who may be voted on where (regulation.md §2).

A verdict is given for each (cadre, round): the posts voted on there, and a machine-readable reason
for every post or place that was excluded. Nothing is dropped without a reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from .levels import FillMethod, PlaceKind, Rulebook, UnitLevel

MAX_PLACES = 2


class ReasonCode(StrEnum):
    RETIREMENT_PENDING = "retirement_pending"
    FILLED_IN_VOTE_YEAR = "filled_in_vote_year"
    RULEBOOK_MISMATCH = "rulebook_mismatch"
    NO_POSTS = "no_posts"
    ON_COUNTING_COMMITTEE = "on_counting_committee"
    THIRD_PLACE = "third_place"
    COUNCIL_ALREADY_VOTED = "council_already_voted"


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    message: str
    message_vi: str
    post_id: str | None = None
    details: dict[str, str] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Post:
    post_id: str
    title: str
    filled_by: FillMethod
    since: date


@dataclass(frozen=True)
class Cadre:
    cadre_id: str
    name: str
    retirement_notice: date | None = None
    # Localities (province or district) whose Party committee's standing committee the cadre sits on.
    standing_committee_of: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Place:
    """A round seen as a place where cadres are voted on."""

    round_id: str
    kind: PlaceKind
    level: UnitLevel
    locality_id: str
    vote_date: date
    rulebook: Rulebook
    label: str = ""  # how people name the round, e.g. its title; the id when empty

    @property
    def name(self) -> str:
        return self.label or self.round_id


@dataclass(frozen=True)
class Nomination:
    """A cadre proposed at a place for some of their posts."""

    place: Place
    posts: tuple[Post, ...]
    on_counting_committee: bool = False
    # Voting has opened with the cadre on the ballot: the place is taken, whatever changes later.
    fixed: bool = False


@dataclass(frozen=True)
class Verdict:
    cadre_id: str
    round_id: str
    eligible: bool
    posts: tuple[Post, ...]
    reasons: tuple[Reason, ...]


def post_exclusions(cadre: Cadre, post: Post, place: Place) -> tuple[Reason, ...]:
    """Reasons this post may not be voted on at this place, ignoring the other places."""
    reasons: list[Reason] = []
    if cadre.retirement_notice is not None and cadre.retirement_notice <= place.vote_date:
        reasons.append(
            Reason(
                ReasonCode.RETIREMENT_PENDING,
                f"{cadre.name} has a retirement notice dated {cadre.retirement_notice.isoformat()}",
                f"{cadre.name} đã có thông báo nghỉ công tác chờ nghỉ hưu "
                f"(ngày {cadre.retirement_notice:%d/%m/%Y})",
                post.post_id,
                {"notice_date": cadre.retirement_notice.isoformat()},
            )
        )
    if post.since.year == place.vote_date.year:
        reasons.append(
            Reason(
                ReasonCode.FILLED_IN_VOTE_YEAR,
                f"post '{post.title}' was filled on {post.since.isoformat()}, "
                f"in the year of the vote ({place.vote_date.year})",
                f"chức vụ '{post.title}' được bổ nhiệm/bầu ngày {post.since:%d/%m/%Y}, "
                f"trong năm lấy phiếu {place.vote_date.year}",
                post.post_id,
                {"since": post.since.isoformat(), "vote_year": str(place.vote_date.year)},
            )
        )
    if post.filled_by.rulebook is not place.rulebook:
        reasons.append(
            Reason(
                ReasonCode.RULEBOOK_MISMATCH,
                f"post '{post.title}' ({post.filled_by.value}) is voted on under "
                f"{post.filled_by.rulebook.value}, not {place.rulebook.value}",
                f"chức vụ '{post.title}' lấy phiếu theo {post.filled_by.rulebook.label_vi}, "
                f"không theo {place.rulebook.label_vi}",
                post.post_id,
                {"expected": post.filled_by.rulebook.value, "round": place.rulebook.value},
            )
        )
    return tuple(reasons)


def _votable_posts(cadre: Cadre, nomination: Nomination) -> tuple[Post, ...]:
    return tuple(p for p in nomination.posts if not post_exclusions(cadre, p, nomination.place))


def place_priority(cadre: Cadre, nomination: Nomination) -> tuple[int, int, date, str]:
    """Sort key: regulation.md §2 priority, then the higher level, then the earlier date."""
    place = nomination.place
    if place.kind is PlaceKind.PARTY_COMMITTEE and place.locality_id in cadre.standing_committee_of:
        rank = 0
    elif place.kind is PlaceKind.COUNCIL and any(
        p.filled_by is FillMethod.COUNCIL_ELECTED for p in nomination.posts
    ):
        rank = 1
    else:
        rank = 2
    return (rank, place.level.rank, place.vote_date, place.round_id)


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
        (n for n in nominations if n.fixed or (_votable_posts(cadre, n) and not n.on_counting_committee)),
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
        f"{cadre.name} is already voted on at {MAX_PLACES} places in this plan ({names})",
        f"{cadre.name} đã được lấy phiếu tại {MAX_PLACES} nơi trong kế hoạch ({names})",
        details={"kept_round_ids": ", ".join(p.round_id for p in kept)},
    )


def assess(cadre: Cadre, nomination: Nomination, plan: Sequence[Nomination]) -> Verdict:
    """The verdict for ``nomination``; ``plan`` holds all of this cadre's nominations in the plan.

    ``nomination`` is added to ``plan`` when it is not already there, so a proposed round can be
    checked before it is saved.
    """
    place = nomination.place
    all_nominations = [*(n for n in plan if n.place.round_id != place.round_id), nomination]

    reasons: list[Reason] = []
    for post in nomination.posts:
        reasons.extend(post_exclusions(cadre, post, place))
    posts = _votable_posts(cadre, nomination)

    if not nomination.posts:
        reasons.append(
            Reason(
                ReasonCode.NO_POSTS,
                f"{cadre.name} is nominated without any post",
                f"{cadre.name} chưa có chức vụ nào để lấy phiếu",
            )
        )
    if nomination.on_counting_committee:
        reasons.append(
            Reason(
                ReasonCode.ON_COUNTING_COMMITTEE,
                f"{cadre.name} sits on this round's counting committee",
                f"{cadre.name} là thành viên ban kiểm phiếu của hội nghị này",
            )
        )
    elif posts:
        choice = choose_places(cadre, all_nominations)
        reasons.extend(r for n, r in choice.dropped if n.place.round_id == place.round_id)

    eligible = bool(posts) and all(r.post_id is not None for r in reasons)
    return Verdict(cadre.cadre_id, place.round_id, eligible, posts if eligible else (), tuple(reasons))
