"""Counting a round (regulation.md §6, §7) in exact integers.

Every percentage is over the ballots returned, invalid rows included; bands compare integers, never
rounded percentages. With nothing returned every percentage is "0.00" and the band is ``none``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic

from .ballot import CheckedBallot, L
from .errors import InvalidInput
from .levels import Band, FollowUpLevel, Level


def percent(count: int, returned: int) -> str:
    """``count / returned`` as a percentage with 2 decimals, rounded half up, from exact integers."""
    if count < 0 or returned < 0 or count > returned:
        raise InvalidInput(f"cannot take {count} as a share of {returned}")
    if returned == 0:
        return "0.00"
    hundredths, rest = divmod(count * 10000, returned)
    if 2 * rest >= returned:
        hundredths += 1
    return f"{hundredths // 100}.{hundredths % 100:02d}"


def band(low: int, returned: int) -> Band:
    if returned > 0 and 3 * low >= 2 * returned:
        return Band.TWO_THIRDS_LOW
    if 2 * low > returned:
        return Band.OVER_HALF_LOW
    return Band.NONE


def needs_review(low: int, returned: int) -> bool:
    """Exactly 2/3: QĐ 41 says "more than 2/3" for dismissal, so a human looks again."""
    return returned > 0 and 3 * low == 2 * returned


def quorum_met(present: int, summoned: int) -> bool:
    """The conference may proceed when at least 2/3 of those summoned are present."""
    if summoned <= 0 or present < 0 or present > summoned:
        raise InvalidInput(f"{present} present of {summoned} summoned is not a possible attendance")
    return 3 * present >= 2 * summoned


@dataclass(frozen=True)
class LevelCount:
    count: int
    percent: str


@dataclass(frozen=True)
class CandidateResult(Generic[L]):
    cadre_id: str
    issued: int
    returned: int
    valid: int
    invalid: int
    levels: Mapping[L, LevelCount] = field(hash=False)


@dataclass(frozen=True)
class ConfidenceResult(CandidateResult[Level]):
    band: Band = Band.NONE
    review: bool = False


@dataclass(frozen=True)
class FollowUpResult(CandidateResult[FollowUpLevel]):
    # Under NQ 96 a follow-up vote fails when more than half of all deputies vote "no confidence".
    no_confidence_majority: bool = False


def _count(
    cadres: Sequence[str], ballots: Iterable[CheckedBallot[L]], issued: int
) -> tuple[int, dict[str, dict[L | None, int]]]:
    counts: dict[str, dict[L | None, int]] = {c: {} for c in cadres}
    returned = 0
    for ballot in ballots:
        returned += 1
        for cadre in cadres:
            outcome = ballot.rows.get(cadre)
            level = outcome.level if outcome is not None else None
            counts[cadre][level] = counts[cadre].get(level, 0) + 1
    if returned > issued:
        raise InvalidInput(f"{returned} ballots returned but only {issued} issued")
    return returned, counts


def _levels(per_level: Mapping[L | None, int], order: Iterable[L], returned: int) -> dict[L, LevelCount]:
    return {lv: LevelCount(per_level.get(lv, 0), percent(per_level.get(lv, 0), returned)) for lv in order}


def tally(
    cadres: Sequence[str], ballots: Iterable[CheckedBallot[Level]], issued: int
) -> tuple[ConfidenceResult, ...]:
    """One result per cadre, in list order."""
    returned, counts = _count(cadres, ballots, issued)
    results = []
    for cadre in cadres:
        per_level = counts[cadre]
        low = per_level.get(Level.LOW, 0)
        invalid = per_level.get(None, 0)
        results.append(
            ConfidenceResult(
                cadre,
                issued,
                returned,
                returned - invalid,
                invalid,
                _levels(per_level, Level, returned),
                band(low, returned),
                needs_review(low, returned),
            )
        )
    return tuple(results)


def tally_follow_up(
    cadres: Sequence[str], ballots: Iterable[CheckedBallot[FollowUpLevel]], issued: int, deputies: int
) -> tuple[FollowUpResult, ...]:
    """The ``nq96`` two-level follow-up vote; ``deputies`` is the council's total membership."""
    if deputies <= 0:
        raise InvalidInput("a follow-up vote needs the number of deputies")
    returned, counts = _count(cadres, ballots, issued)
    results = []
    for cadre in cadres:
        per_level = counts[cadre]
        invalid = per_level.get(None, 0)
        results.append(
            FollowUpResult(
                cadre,
                issued,
                returned,
                returned - invalid,
                invalid,
                _levels(per_level, FollowUpLevel, returned),
                2 * per_level.get(FollowUpLevel.NO_TRUST, 0) > deputies,
            )
        )
    return tuple(results)
