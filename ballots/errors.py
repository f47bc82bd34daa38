"""The one exception tree of the rule core.

Every refusal the service makes is one of these; the shell maps them to HTTP in one place.

    BallotsError                  base: ``code`` (machine-readable), ``message`` (English),
    │                             ``message_vi`` (Vietnamese, for people) and ``details``
    ├── InvalidInput              the data handed in is malformed (also a ``ValueError``)
    ├── NotFound                  a referenced thing does not exist
    ├── Conflict                  the request clashes with the current state
    ├── PermissionDenied          the actor may not do this
    ├── SealBroken                a sealed ballot or wrapped key does not open: tampered, another
    │                             round's, or the wrong key (never a reason to skip a ballot silently)
    └── RuleViolation             well-formed, but the regulation forbids it
        ├── CandidateIneligible   a cadre may not be voted on in this round (carries reasons)
        ├── SchedulingRefused     a vote date too close (or past) without a written override
        └── QuorumNotMet          fewer than 2/3 of those summoned are present
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class BallotsError(Exception):
    """Base of every refusal; ``code`` is stable and meant for programs."""

    code = "error"

    def __init__(
        self, message: str, *, message_vi: str = "", details: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.message_vi = message_vi
        self.details: dict[str, Any] = dict(details or {})


class InvalidInput(BallotsError, ValueError):
    code = "invalid_input"


class NotFound(BallotsError):
    code = "not_found"


class Conflict(BallotsError):
    code = "conflict"


class PermissionDenied(BallotsError):
    code = "permission_denied"


class SealBroken(BallotsError):
    code = "seal_broken"


class RuleViolation(BallotsError):
    code = "rule_violation"


class CandidateIneligible(RuleViolation):
    code = "candidate_ineligible"


class SchedulingRefused(RuleViolation):
    code = "scheduling_refused"


class QuorumNotMet(RuleViolation):
    code = "quorum_not_met"
