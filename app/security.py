"""Passwords (argon2) and API tokens (random, stored as SHA-256), and what each role may do."""

from __future__ import annotations

import hashlib
import secrets
import threading
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from .models.user import Role

_hasher = PasswordHasher()
# Tests create hundreds of users; argon2 at production cost would dominate the suite.
_FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
# argon2 takes 64 MiB per hash: without a bound, 40 logins at once took the server to 1 GB.
_slots = threading.BoundedSemaphore(2)
# Verified when the user name is unknown, so that answer costs what a wrong password costs.
_dummy_hash: str | None = None
TOKEN_PREFIX = "tn_"
# The name of the tokens behind web-page sessions: they work as a cookie only, API tokens as a
# bearer only, so neither kind can stand in for the other.
WEB_SESSION = "web-session"


class Scope(StrEnum):
    READ = "read"  # read plans, units, cadres, rounds, results
    WRITE = "write"  # create and change them
    ADMIN = "admin"  # manage users and tokens
    RESULTS = "results"  # read published results only (other systems pulling them)


ROLE_SCOPES: dict[Role, frozenset[Scope]] = {
    Role.ADMIN: frozenset(Scope),
    Role.ORGANIZER: frozenset({Scope.READ, Scope.WRITE, Scope.RESULTS}),
    Role.COMMITTEE: frozenset({Scope.READ, Scope.RESULTS}),
    Role.OBSERVER: frozenset({Scope.READ, Scope.RESULTS}),
}
# A token made without naming scopes gets its role's, except ``results``: that one is asked for by
# name, for a system that must see published results and nothing else (``read`` sees them anyway).
DEFAULT_EXCLUDED = frozenset({Scope.RESULTS})


def use_fast_password_hashing(fast: bool) -> None:
    """Switch to a cheap argon2 cost (tests only; Settings refuses it in production)."""
    global _hasher, _dummy_hash
    _hasher = _FAST_HASHER if fast else PasswordHasher()
    # Made now, at start-up: made at the first unknown name, that answer alone would take twice as long.
    _dummy_hash = _hasher.hash(generate_password())


def limit_concurrent_hashing(slots: int) -> None:
    """At most ``slots`` argon2 computations at once in this process; the others wait."""
    global _slots
    _slots = threading.BoundedSemaphore(slots)


def hash_password(password: str) -> str:
    with _slots:
        return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """``None`` (no such user) is checked against a dummy hash: same work, same time, then False."""
    global _dummy_hash
    if password_hash is None:
        _dummy_hash = _dummy_hash or hash_password(generate_password())
    try:
        with _slots:
            return _hasher.verify(password_hash or _dummy_hash or "", password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def generate_password() -> str:
    return secrets.token_urlsafe(12)


def generate_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    # Tokens carry 256 random bits, so a fast hash is enough to make a stolen table useless.
    return hashlib.sha256(token.encode()).hexdigest()
