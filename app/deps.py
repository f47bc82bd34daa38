"""``Annotated`` dependency aliases: the session, the clock, the settings, the caller."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from functools import partial
from typing import Annotated

import anyio
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from ballots.errors import PermissionDenied

from .clock import Clock
from .db import begin_session, end_session, transaction
from .errors import CodeRefused, Unauthenticated
from .ratelimit import Throttle
from .security import Scope
from .services import committee_access
from .services.auth import Principal, authenticate
from .services.casting import Boxes
from .settings import Settings
from .write_unit import WriteUnit


# The dependencies that only read the app's state are coroutines: a plain function would be run in
# the thread pool, a thread hop per dependency per request (the cast's profile showed seven).
async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_clock(request: Request) -> Clock:
    clock: Clock = request.app.state.clock
    return clock


# Methods that change nothing: their transactions read without taking SQLite's write lock.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


async def write_turn(request: Request) -> AsyncIterator[None]:
    """A request that writes waits here, in the event loop, for one of a few turns.

    A writer blocked on a lock (SQLite's write lock, a PostgreSQL row lock) blocks a worker thread,
    and the holder of that lock needs a thread of the same pool to commit: with as many blocked
    writers as threads, nobody commits until the busy timeout. A bounded number of writers in the
    threads at once keeps a thread free for every commit, whatever the burst.
    """
    if request.method in SAFE_METHODS:
        yield
        return
    async with request.app.state.write_turns:
        yield


async def get_session(
    request: Request, _turn: Annotated[None, Depends(write_turn)]
) -> AsyncIterator[Session]:
    """The request owns the transaction: commit when the handler succeeds, roll back otherwise.
    (Its turn to write is released only after the commit: dependencies close in reverse order.)

    A coroutine: making the session does no I/O, and the commit (which does) goes to the thread
    pool in one hop, where a plain generator costs a hop to start and another to finish. Shielded:
    a client that hangs up does not leave a transaction half-ended.
    """
    writes = request.method not in SAFE_METHODS
    session = begin_session(request.app.state.sessionmaker, writes=writes)
    try:
        yield session
    except BaseException:
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(partial(end_session, session, commit=False))
        raise
    with anyio.CancelScope(shield=True):
        await anyio.to_thread.run_sync(partial(end_session, session, commit=True))


def get_read_session(request: Request) -> Iterator[Session]:
    """A unit of work that only reads, beside the request's own: for a check that takes time (a
    password) and must not hold SQLite's write lock while it runs."""
    with transaction(request.app.state.sessionmaker, writes=False) as session:
        yield session


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
ClockDep = Annotated[Clock, Depends(get_clock)]
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
ReadSessionDep = Annotated[Session, Depends(get_read_session, scope="function")]


@dataclass(frozen=True)
class LoginAttempt:
    throttle: Throttle
    per_user: str

    def of(self, username: str) -> AbstractContextManager[None]:
        """Refuse a name that failed too often; count this attempt if its password is wrong."""
        return self.throttle.failures(
            self.per_user,
            "login-user",
            username.strip().lower(),
            message="too many failed logins for this user name",
            counted=Unauthenticated,
        )


async def login_attempt(request: Request) -> AsyncIterator[LoginAttempt]:
    """Count the attempt against the client's address, then wait for a password-hashing slot here,
    in the event loop: waiting in a worker thread would take the threads /healthz needs."""
    settings: Settings = request.app.state.settings
    throttle: Throttle = request.app.state.throttle
    address = request.client.host if request.client else "unknown"
    throttle.hit(
        settings.login_rate_per_address, "login-address", address, message="too many logins from this address"
    )
    slots: anyio.CapacityLimiter | None = getattr(request.app.state, "password_slots", None)
    if slots is None:  # made here: anyio's limiter belongs to the running event loop
        slots = request.app.state.password_slots = anyio.CapacityLimiter(settings.password_hash_concurrency)
    slots.total_tokens = settings.password_hash_concurrency
    async with slots:
        yield LoginAttempt(throttle, settings.login_rate_per_user)


@dataclass(frozen=True)
class CodeAttempt:
    """Refused voting codes counted per client address and per round (app/settings.py)."""

    throttle: Throttle
    settings: Settings
    address: str

    @contextmanager
    def of(self, round_id: str) -> Iterator[None]:
        per_address = self.throttle.failures(
            self.settings.code_rate_per_address,
            "code-address",
            self.address,
            message="too many refused codes from this address",
            counted=CodeRefused,
        )
        per_round = self.throttle.failures(
            self.settings.code_rate_per_round,
            "code-round",
            round_id,
            message="too many refused codes in this round",
            counted=CodeRefused,
        )
        with per_address, per_round:
            yield


async def service_secret(request: Request) -> bytes:
    """The service secret as the key derivations take it (codes, round keys, receipt boxes)."""
    settings: Settings = request.app.state.settings
    return settings.secret_bytes()


async def ballot_boxes(request: Request) -> Boxes:
    """This process's cache of open rounds' layouts and public keys (app/services/casting.py)."""
    boxes: Boxes = request.app.state.boxes
    return boxes


async def write_unit(request: Request) -> WriteUnit:
    state = request.app.state
    return WriteUnit(state.write_turns, state.sessionmaker, state.serial_writes)


async def code_attempt(request: Request) -> CodeAttempt:
    address = request.client.host if request.client else "unknown"
    return CodeAttempt(request.app.state.throttle, request.app.state.settings, address)


_bearer = HTTPBearer(auto_error=False, description="An API token from `tinnhiem token create`.")


def current_principal(
    session: SessionDep,
    clock: ClockDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None:
        raise Unauthenticated("send an API token: 'Authorization: Bearer <token>'")
    return authenticate(session, credentials.credentials, clock.now())


CurrentUser = Annotated[Principal, Depends(current_principal)]


def require(scope: Scope) -> Callable[[Principal], Principal]:
    def check(principal: Annotated[Principal, Depends(current_principal)]) -> Principal:
        if scope not in principal.scopes:
            raise PermissionDenied(
                f"this needs the '{scope.value}' right; your token has: "
                f"{', '.join(sorted(principal.scopes)) or 'none'}",
                details={"needed": scope.value, "role": principal.role.value},
            )
        return principal

    return check


def results_reader(principal: Annotated[Principal, Depends(current_principal)]) -> Principal:
    """``read`` (sees counted results) or ``results`` (sees published results only)."""
    if not principal.scopes & {Scope.READ, Scope.RESULTS}:
        raise PermissionDenied(
            "this needs the 'read' or the 'results' right",
            details={"needed": Scope.RESULTS.value, "role": principal.role.value},
        )
    return principal


def round_results_reader(
    round_id: str, principal: Annotated[Principal, Depends(results_reader)], session: SessionDep
) -> Principal:
    """``results_reader`` for one round: a committee account reads its own rounds' results once
    counted, another round's only once published."""
    return replace(principal, scopes=committee_access.result_scopes(session, principal, round_id))


def catalog_reader(principal: Annotated[Principal, Depends(require(Scope.READ))]) -> Principal:
    """Plans, units, cadres, documents: every reader but a committee account (its rounds only)."""
    committee_access.refuse_outside_rounds(principal)
    return principal


def round_reader(round_id: str, principal: CurrentUser, session: SessionDep) -> Principal:
    """Read one round and what it holds: a committee account only on a round it sits on."""
    committee_access.require_read(session, principal, round_id)
    return principal


def round_actor(round_id: str, principal: CurrentUser, session: SessionDep) -> Principal:
    """The round's conference-day work (slips, paper ballots): organizers, admins and the round's
    own committee members; anyone else is refused, an unknown round is not found."""
    committee_access.require_act(session, principal, round_id)
    return principal


Reader = Annotated[Principal, Depends(catalog_reader)]
AnyReader = Annotated[Principal, Depends(require(Scope.READ))]
RoundReader = Annotated[Principal, Depends(round_reader)]
RoundActor = Annotated[Principal, Depends(round_actor)]
Writer = Annotated[Principal, Depends(require(Scope.WRITE))]
Admin = Annotated[Principal, Depends(require(Scope.ADMIN))]
ResultsReader = Annotated[Principal, Depends(results_reader)]
RoundResultsReader = Annotated[Principal, Depends(round_results_reader)]
CodeAttemptDep = Annotated[CodeAttempt, Depends(code_attempt)]
SecretDep = Annotated[bytes, Depends(service_secret)]
BoxesDep = Annotated[Boxes, Depends(ballot_boxes)]
WriteUnitDep = Annotated[WriteUnit, Depends(write_unit)]
LoginAttemptDep = Annotated[LoginAttempt, Depends(login_attempt, scope="function")]
