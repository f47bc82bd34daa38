"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter

from ..deps import SessionDep
from ..services import health

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Is the service up and its database reachable?")
def healthz(session: SessionDep) -> dict[str, str]:
    return health.status(session)
