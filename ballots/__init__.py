"""Tín nhiệm's rule core: pure functions over frozen dataclasses, no I/O, no clock, no randomness.

Modules: ``levels`` (vocabulary), ``errors`` (the exception tree), ``eligibility`` (§2: verdicts,
over ``nominations``, its inputs and per-post exclusions, and ``places``, the two-place choice),
``calendar`` (§1, §3), ``ballot`` (§5), ``tally`` (§6, §7).
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
    "UnitLevel",
]
