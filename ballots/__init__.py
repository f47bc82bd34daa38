"""Tín nhiệm's rule core: pure functions over frozen dataclasses, no I/O, no clock, no randomness of its
own (random bytes are parameters; the one exception, HPKE's ephemeral key, is explained in ``sealing``).

Modules: ``levels`` (vocabulary), ``errors`` (the exception tree), ``eligibility`` (§2: verdicts,
over ``nominations``, its inputs and per-post exclusions, and ``places``, the two-place choice),
``calendar`` (§1, §3), ``ballot`` (§5), ``tally`` (§6, §7), ``codes`` (voting-code slips and their
keyed digests), ``sealing`` (the sealed ballot box, receipts and the board's digest), ``signing``
(signed results), ``record`` (checking a round's record offline) and ``recount`` (with the key).
"""

from .errors import (
    BallotsError,
    CandidateIneligible,
    Conflict,
    InvalidInput,
    NotFound,
    PermissionDenied,
    QuorumNotMet,
    RuleViolation,
    SchedulingRefused,
    SealBroken,
)
from .levels import Band, FillMethod, FollowUpLevel, Level, PlaceKind, Rulebook, UnitLevel

__all__ = [
    "BallotsError",
    "Band",
    "CandidateIneligible",
    "Conflict",
    "FillMethod",
    "FollowUpLevel",
    "InvalidInput",
    "Level",
    "NotFound",
    "PermissionDenied",
    "PlaceKind",
    "QuorumNotMet",
    "RuleViolation",
    "Rulebook",
    "SchedulingRefused",
    "SealBroken",
    "UnitLevel",
]
