"""Casting a ballot (no token, no cookie: the code is the credential).

Mounted before every other route (app/main.py): a request is matched against the routes in order,
and the one that comes by the hundred a second should not walk past a hundred others first.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from ..deps import BoxesDep, CodeAttemptDep, SecretDep, SessionDep
from ..schemas.common import ERROR_RESPONSES
from ..schemas.voting import CastIn, ReceiptOut
from ..services import casting

router = APIRouter(prefix="/api/v1/rounds/{round_id}", tags=["voting"], responses=ERROR_RESPONSES)
REFUSED: dict[int | str, dict[str, Any]] = {
    200: {"model": ReceiptOut, "description": "This very ballot was cast before: its receipt again"},
    403: ERROR_RESPONSES[403] | {"description": "The code is unknown or already used"},
}


@router.post(
    "/ballots",
    response_model=ReceiptOut,
    status_code=201,
    summary="Cast a ballot with a code (no token); the identical request again answers 200",
    responses=REFUSED,
)
def cast(
    round_id: str,
    body: CastIn,
    session: SessionDep,
    secret: SecretDep,
    attempt: CodeAttemptDep,
    boxes: BoxesDep,
    response: Response,
) -> ReceiptOut:
    with attempt.of(round_id):
        made, stored = casting.cast(session, round_id, body.code, body.choices, secret, boxes)
    if not stored:
        response.status_code = 200
    return ReceiptOut(receipt=made)
