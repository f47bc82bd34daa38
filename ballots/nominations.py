"""What the place rules take in: cadres, posts, places (rounds) and nominations, and the reasons
one post cannot be voted on at one place whatever the cadre's other places (regulation.md §2).
"""

from __future__ import annotations

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
    DISPLACED = "displaced"
    COUNCIL_ALREADY_VOTED = "council_already_voted"


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    message: str
    message_vi: str
    post_id: str | None = None
    details: dict[str, str | int | list[str]] = field(default_factory=dict, hash=False)


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
    # The cadre already holds this place (a saved, eligible candidacy): among places of equal
    # priority it is kept before a newcomer, so a new proposal never displaces it by a tie-break.
    accepted: bool = False


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
                {"since": post.since.isoformat(), "vote_year": place.vote_date.year},
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


def votable_posts(cadre: Cadre, nomination: Nomination) -> tuple[Post, ...]:
    return tuple(p for p in nomination.posts if not post_exclusions(cadre, p, nomination.place))
