"""Who may be voted on where (regulation.md §2).

A verdict is given for each (cadre, round): the posts voted on there, and a machine-readable reason
for every post or place that was excluded. Nothing is dropped without a reason. The inputs and the
exclusions of one post are in ``nominations``, the choice of two places in ``places``.
"""

from __future__ import annotations

from collections.abc import Sequence

from .nominations import (
    MAX_PLACES,
    Cadre,
    Nomination,
    Place,
    Post,
    Reason,
    ReasonCode,
    Verdict,
    post_exclusions,
    votable_posts,
)
from .places import PRIORITY_LABELS, PlaceChoice, choose_places, place_priority, priority_rank

__all__ = [
    "MAX_PLACES",
    "PRIORITY_LABELS",
    "Cadre",
    "Nomination",
    "Place",
    "PlaceChoice",
    "Post",
    "Reason",
    "ReasonCode",
    "Verdict",
    "assess",
    "choose_places",
    "place_priority",
    "post_exclusions",
    "priority_rank",
]


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
    posts = votable_posts(cadre, nomination)

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
